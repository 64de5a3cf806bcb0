import type { Roll } from '@lagesbild/domain';
import { decodeJwt, SignJWT } from 'jose';
import type { AuthConfig } from './config';

export interface TokenRequest {
  roller: readonly Roll[];
  skolaId?: string | null;
  /** An opaque id for the caller, never a person's name. */
  subject?: string;
  /**
   * Lifetime, e.g. '12h', or an absolute expiry (seconds since the epoch); at most
   * config.maxLivslangdS, which is also the default.
   */
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
  jwt.setExpirationTime(request.giltigt ?? `${config.maxLivslangdS}s`);
  const token = await jwt.sign(config.keys.secret);
  // The verifier would refuse it: say so here, where the lifetime was chosen.
  const { iat, exp } = decodeJwt(token);
  const livslangd = (exp as number) - (iat as number);
  if (livslangd > config.maxLivslangdS) {
    throw new Error(
      `En token får gälla högst ${config.maxLivslangdS} s (LAGESBILD_TOKEN_MAX_LIVSLANGD_S); begärt ${livslangd} s.`,
    );
  }
  return token;
}
