import type { Principal } from '@lagesbild/auth';
import type { Roll } from '@lagesbild/domain';

/** Who is asking. Carries no personal data: an opaque subject, roles and, for a school, which. */
export interface Viewer {
  subject: string | null;
  roller: Roll[];
  skolaId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, roller: [], skolaId: null });

/**
 * The caller as the HTTP layer verified them from their signed token (`anrop.principal`,
 * see subgraph.ts: every request to a subgraph must carry a valid token). Anonymous only
 * where no verification ran, which in a running subgraph is never.
 */
export function viewerFromPrincipal(principal: unknown): Viewer {
  const p = principal as Principal | undefined;
  return p ? { subject: p.subject, roller: p.roller, skolaId: p.skolaId } : ANONYMOUS;
}
