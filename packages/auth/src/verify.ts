import { readFileSync } from 'node:fs';
import { parseRoll, type Roll } from '@lagesbild/domain';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from './config';

/** Who is asking: an opaque subject, roles and, for a school, which. No personal data. */
export interface Principal {
  subject: string;
  roller: Roll[];
  skolaId: string | null;
}

/** Why a token was refused, in Swedish, for the 401 answer. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly reason: 'saknas' | 'ogiltig' | 'utgangen',
  ) {
    super(message);
  }
}

export interface LagesbildClaims extends JWTPayload {
  roller?: unknown;
  skola?: unknown;
}

/** How far a token's times may be off the server's clock (seconds). */
export const CLOCK_SKEW_S = 5;

/** The Swedish reason for a missing or impossible exp/iat, or undefined for other claims. */
function claimRefusal(error: InstanceType<typeof errors.JWTClaimValidationFailed>) {
  if (error.claim === 'exp' && error.reason === 'missing') {
    return 'Ogiltig token: den saknar utgångstid (exp); hämta en ny.';
  }
  if (error.claim === 'iat' && error.reason === 'missing') {
    return 'Ogiltig token: den saknar utfärdandetid (iat); hämta en ny.';
  }
  if (error.claim === 'iat' && error.reason === 'check_failed') {
    return 'Ogiltig token: den är utfärdad i framtiden (iat); kontrollera klockan.';
  }
  return undefined;
}

export type Verifier = (authorization: string | undefined) => Promise<Principal>;

/** How many verified tokens a verifier remembers (the least recently used goes first). */
export const VERIFIED_CACHE_SIZE = 5000;
/**
 * How long a verified token is taken on the verifier's word without checking its signature
 * again (seconds), however long it lives: a key withdrawn from a JWKS stops being honoured
 * within this time.
 */
export const VERIFIED_CACHE_S = 60;

interface Verified {
  principal: Principal;
  /** Epoch seconds from which the token must be verified again (refused once expired). */
  until: number;
}

/**
 * The tokens a verifier has accepted, keyed by the token string itself: the same string is
 * the same signature over the same claims, so the same answer — until the token expires
 * (exp, or iat + the longest lifetime, with the clock skew jose allows) or the entry has
 * been trusted VERIFIED_CACHE_S. Bounded (lru-cache, the least recently used goes);
 * refusals are never remembered.
 */
class VerifiedTokens {
  private readonly entries: LRUCache<string, Verified>;

  constructor(max: number) {
    this.entries = new LRUCache({ max });
  }

  get(token: string, now: number): Principal | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (now >= hit.until) {
      this.entries.delete(token);
      return undefined;
    }
    // A copy: what one request does with its principal never reaches another's.
    return { ...hit.principal, roller: [...hit.principal.roller] };
  }

  set(token: string, verified: Verified): void {
    this.entries.set(token, verified);
  }
}

const epochSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Verifies a bearer token with jose: signature, expiry, issuer and audience; exp and iat are
 * required, iat may not lie in the future (beyond CLOCK_SKEW_S) and exp − iat may not exceed
 * config.maxLivslangdS. The gateway
 * and every subgraph each verify it — a subgraph never trusts whoever reaches its port.
 */
export function createVerifier(config: AuthConfig): Verifier {
  let key: Uint8Array | JWTVerifyGetKey;
  switch (config.keys.kind) {
    case 'jwks-url':
      key = createRemoteJWKSet(new URL(config.keys.url));
      break;
    case 'jwks-file':
      key = createLocalJWKSet(JSON.parse(readFileSync(config.keys.path, 'utf8')));
      break;
    case 'secret':
      key = config.keys.secret;
      break;
  }
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: CLOCK_SKEW_S,
    // jose refuses a token without these with JWTClaimValidationFailed (claim 'exp'/'iat').
    requiredClaims: ['exp', 'iat'],
    // Also what makes jose refuse an iat in the future (beyond the skew); with exp − iat
    // checked below, a token this old has expired anyway.
    maxTokenAge: config.maxLivslangdS,
  };
  const verified = new VerifiedTokens(VERIFIED_CACHE_SIZE);
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) {
      throw new AuthError(
        'Inloggning krävs: skicka en giltig token i Authorization: Bearer …',
        'saknas',
      );
    }
    const now = epochSeconds();
    const known = verified.get(match[1], now);
    if (known) return known;
    let payload: LagesbildClaims;
    try {
      ({ payload } =
        typeof key === 'function'
          ? await jwtVerify<LagesbildClaims>(match[1], key, options)
          : await jwtVerify<LagesbildClaims>(match[1], key, options));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new AuthError('Din token har gått ut; hämta en ny.', 'utgangen');
      }
      if (error instanceof errors.JWTClaimValidationFailed) {
        const refusal = claimRefusal(error);
        if (refusal) throw new AuthError(refusal, 'ogiltig');
      }
      throw new AuthError(
        'Ogiltig token: signaturen, utfärdaren eller mottagaren stämmer inte.',
        'ogiltig',
      );
    }
    // Both are numbers here: jose requires them and checks their type.
    const livslangd = (payload.exp as number) - (payload.iat as number);
    if (livslangd > config.maxLivslangdS) {
      throw new AuthError(
        `Ogiltig token: giltighetstiden ${livslangd} s är längre än högst tillåtna ${config.maxLivslangdS} s; hämta en ny.`,
        'ogiltig',
      );
    }
    const roller = Array.isArray(payload.roller)
      ? payload.roller
          .map((r) => (typeof r === 'string' ? parseRoll(r) : undefined))
          .filter((r): r is Roll => !!r)
      : [];
    const principal: Principal = {
      subject: typeof payload.sub === 'string' ? payload.sub : 'okand',
      roller,
      skolaId: typeof payload.skola === 'string' ? payload.skola : null,
    };
    // jose accepts while now < exp + skew and now − iat − skew ≤ maxTokenAge: from the
    // first second either fails, the token is verified again (and refused by jose).
    const exp = payload.exp as number;
    const iat = payload.iat as number;
    verified.set(match[1], {
      principal: { ...principal, roller: [...roller] },
      until: Math.min(
        exp + CLOCK_SKEW_S,
        iat + config.maxLivslangdS + CLOCK_SKEW_S + 1,
        now + VERIFIED_CACHE_S,
      ),
    });
    return principal;
  };
}
