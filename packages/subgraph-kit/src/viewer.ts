import type { IncomingMessage } from 'node:http';
import { parseRoll, type Roll } from '@lagesbild/domain';

/** Who is asking. Carries no personal data: an opaque subject, roles and, for a school, which. */
export interface Viewer {
  subject: string | null;
  roller: Roll[];
  skolaId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, roller: [], skolaId: null });

/**
 * The slot for authentication. Until signed tokens are verified (the security issue), the
 * viewer is read from the headers the gateway forwards: `x-lagesbild-roller` (comma list)
 * and `x-lagesbild-skola`. Anyone who can reach a subgraph's port can claim a role, so the
 * ports must not be exposed until then.
 */
export function viewerFromRequest(req: Pick<IncomingMessage, 'headers'>): Viewer {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const roller = (header('x-lagesbild-roller') ?? '')
    .split(',')
    .map((s) => parseRoll(s.trim()))
    .filter((r): r is Roll => r !== undefined);
  if (roller.length === 0) return ANONYMOUS;
  return {
    subject: header('x-lagesbild-subjekt') ?? null,
    roller,
    skolaId: header('x-lagesbild-skola') ?? null,
  };
}
