import type { Roll } from '@lagesbild/domain';
import { SignJWT } from 'jose';
import type { AuthConfig } from './config';

export interface TokenRequest {
  roller: readonly Roll[];
  skolaId?: string | null;
  /** An opaque id for the caller, never a person's name. */
  subject?: string;
  /** Lifetime, e.g. '12h', or seconds. */
  giltigt?: string | number;
}

/**
 * A token signed with the shared secret: for development, tests and the dashboard's
 * development sign-in. Production tokens come from the partners' identity provider.
 */
export async function signToken(config: AuthConfig, request: TokenRequest): Promise<string> {
  if (config.keys.kind !== 'secret') {
    throw new Error('Token kan bara skapas här med en delad hemlighet (utvecklingsläge).');
  }
  const jwt = new SignJWT({
    roller: [...request.roller],
    ...(request.skolaId ? { skola: request.skolaId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(request.subject ?? `dev:${request.roller.join('+').toLowerCase() || 'utan-roll'}`)
    .setIssuedAt();
  jwt.setExpirationTime(request.giltigt ?? '12h');
  return jwt.sign(config.keys.secret);
}
