import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { authSchema, type Env, readEnv } from '@lagesbild/config';

/** Where the keys that verify a caller's token come from, in the order they are tried. */
export type KeySource =
  | { kind: 'jwks-url'; url: string }
  | { kind: 'jwks-file'; path: string }
  | { kind: 'secret'; secret: Uint8Array; development: boolean };

export interface AuthConfig {
  keys: KeySource;
  issuer: string;
  audience: string;
  /** The longest a token may be valid (exp − iat), in seconds: LAGESBILD_TOKEN_MAX_LIVSLANGD_S. */
  maxLivslangdS: number;
}

export const DEFAULT_ISSUER = 'lagesbild';
export const DEFAULT_AUDIENCE = 'lagesbild';
/** Twelve hours: a working day, so a token stolen from a laptop is not good for the next one. */
export const DEFAULT_MAX_LIVSLANGD_S = 12 * 3600;
const DEV_SECRET_FILE = 'dev-jwt-secret';

/**
 * The one notion of production mode, for every service: GATEWAY_PRODUCTION=true, or
 * NODE_ENV=production unless GATEWAY_PRODUCTION=false says otherwise. In production the
 * generated development secret is never used and /dev/token does not exist.
 */
export function isProduction(env: Env): boolean {
  const { GATEWAY_PRODUCTION, NODE_ENV } = readEnv(
    { GATEWAY_PRODUCTION: authSchema.GATEWAY_PRODUCTION, NODE_ENV: authSchema.NODE_ENV },
    env,
  );
  return GATEWAY_PRODUCTION ?? NODE_ENV === 'production';
}

/**
 * The development secret lives beside the embedded SQLite files, made once, readable only
 * by the owner, so every service `pnpm start` runs — and `pnpm tokens` — agree on it.
 */
export function developmentSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, DEV_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      // Another service made it at the same moment: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/**
 * The one place keys are chosen. Production (isProduction): a JWKS URL or file (the
 * partners' identity provider), or a shared secret; nothing configured is a start-up error.
 * Development: the generated secret in the data folder.
 */
export function loadAuthConfig(env: Env, dataDir: string): AuthConfig {
  const read = readEnv(authSchema, env);
  const issuer = read.LAGESBILD_JWT_ISSUER ?? DEFAULT_ISSUER;
  const audience = read.LAGESBILD_JWT_AUDIENCE ?? DEFAULT_AUDIENCE;
  const maxLivslangdS = read.LAGESBILD_TOKEN_MAX_LIVSLANGD_S ?? DEFAULT_MAX_LIVSLANGD_S;
  let keys: KeySource;
  if (read.LAGESBILD_JWKS_URL) keys = { kind: 'jwks-url', url: read.LAGESBILD_JWKS_URL };
  else if (read.LAGESBILD_JWKS_FILE) keys = { kind: 'jwks-file', path: read.LAGESBILD_JWKS_FILE };
  else if (read.LAGESBILD_JWT_SECRET) {
    if (read.LAGESBILD_JWT_SECRET.length < 32) {
      throw new Error('LAGESBILD_JWT_SECRET måste vara minst 32 tecken.');
    }
    keys = {
      kind: 'secret',
      secret: new TextEncoder().encode(read.LAGESBILD_JWT_SECRET),
      development: false,
    };
  } else if (read.GATEWAY_PRODUCTION ?? read.NODE_ENV === 'production') {
    throw new Error(
      'Ingen nyckel för att verifiera token: sätt LAGESBILD_JWKS_URL, LAGESBILD_JWKS_FILE eller LAGESBILD_JWT_SECRET.',
    );
  } else {
    keys = { kind: 'secret', secret: developmentSecret(dataDir), development: true };
  }
  return { keys, issuer, audience, maxLivslangdS };
}
