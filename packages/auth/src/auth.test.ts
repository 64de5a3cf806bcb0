import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Roll } from '@lagesbild/domain';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { type AuthConfig, DEFAULT_MAX_LIVSLANGD_S, isProduction, loadAuthConfig } from './config';
import { signToken } from './sign';
import { createVerifier } from './verify';

const SECRET = 'en-hemlighet-for-enhetstester-0123456789abcdef';
const dataDir = () => mkdtempSync(join(tmpdir(), 'lagesbild-auth-'));

describe('production mode: one notion, keys required', () => {
  it.each([
    [{ NODE_ENV: 'production' }, true],
    [{ GATEWAY_PRODUCTION: 'true' }, true],
    [{ GATEWAY_PRODUCTION: 'ja' }, true],
    [{ NODE_ENV: 'production', GATEWAY_PRODUCTION: 'false' }, false],
    [{}, false],
    [{ NODE_ENV: 'development' }, false],
  ] as const)('%o → production %s', (env, expected) => {
    expect(isProduction(env)).toBe(expected);
  });

  it('refuses an unreadable flag, naming it', () => {
    expect(() => isProduction({ GATEWAY_PRODUCTION: 'kanske' })).toThrow(
      'GATEWAY_PRODUCTION="kanske" är inte ett giltigt värde: ange true eller false (eller 1/yes/ja/on resp. 0/no/nej/off).',
    );
  });

  it.each([{ NODE_ENV: 'production' }, { GATEWAY_PRODUCTION: 'true' }])(
    '%o without keys does not start on the generated development secret',
    (env) => {
      expect(() => loadAuthConfig(env, dataDir())).toThrow(
        /^Ingen nyckel för att verifiera token: sätt LAGESBILD_JWKS_URL, LAGESBILD_JWKS_FILE eller LAGESBILD_JWT_SECRET/,
      );
    },
  );

  it('with a shared secret production starts, and it is not the development secret', () => {
    const config = loadAuthConfig(
      { GATEWAY_PRODUCTION: 'true', LAGESBILD_JWT_SECRET: SECRET },
      dataDir(),
    );
    expect(config.keys).toMatchObject({ kind: 'secret', development: false });
  });
});

describe('token lifetime', () => {
  const config = (env: NodeJS.ProcessEnv = {}): AuthConfig =>
    loadAuthConfig({ LAGESBILD_JWT_SECRET: SECRET, ...env }, dataDir());
  const raw = (claims: { iat?: number; exp?: number }) => {
    const jwt = new SignJWT({ roller: [Roll.ADMIN] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('lagesbild')
      .setAudience('lagesbild')
      .setSubject('test');
    if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(SECRET));
  };
  const now = () => Math.floor(Date.now() / 1000);
  const verify = async (token: string, env?: NodeJS.ProcessEnv) =>
    createVerifier(config(env))(`Bearer ${token}`);

  it('defaults to 12 hours and reads LAGESBILD_TOKEN_MAX_LIVSLANGD_S', () => {
    expect(DEFAULT_MAX_LIVSLANGD_S).toBe(12 * 3600);
    expect(config().maxLivslangdS).toBe(12 * 3600);
    expect(config({ LAGESBILD_TOKEN_MAX_LIVSLANGD_S: '3600' }).maxLivslangdS).toBe(3600);
    for (const bad of ['0', '-5', '12h', '1.5']) {
      expect(() => config({ LAGESBILD_TOKEN_MAX_LIVSLANGD_S: bad })).toThrow(
        `LAGESBILD_TOKEN_MAX_LIVSLANGD_S="${bad}" är inte ett giltigt värde: ange ett heltal från 1 till 100000000 sekunder.`,
      );
    }
  });

  it('accepts a token of exactly the maximum lifetime', async () => {
    const iat = now();
    await expect(verify(await raw({ iat, exp: iat + 12 * 3600 }))).resolves.toMatchObject({
      roller: [Roll.ADMIN],
    });
  });

  it('refuses a token without exp, naming the reason', async () => {
    await expect(verify(await raw({ iat: now() }))).rejects.toMatchObject({
      reason: 'ogiltig',
      message: 'Ogiltig token: den saknar utgångstid (exp); hämta en ny.',
    });
  });

  it('refuses a token without iat: its lifetime cannot be checked', async () => {
    await expect(verify(await raw({ exp: now() + 60 }))).rejects.toMatchObject({
      reason: 'ogiltig',
      message: 'Ogiltig token: den saknar utfärdandetid (iat); hämta en ny.',
    });
  });

  it('refuses a lifetime over the maximum, naming both', async () => {
    const iat = now();
    await expect(verify(await raw({ iat, exp: iat + 12 * 3600 + 1 }))).rejects.toMatchObject({
      reason: 'ogiltig',
      message:
        'Ogiltig token: giltighetstiden 43201 s är längre än högst tillåtna 43200 s; hämta en ny.',
    });
    await expect(
      verify(await raw({ iat, exp: iat + 7200 }), { LAGESBILD_TOKEN_MAX_LIVSLANGD_S: '3600' }),
    ).rejects.toThrow(/giltighetstiden 7200 s är längre än högst tillåtna 3600 s/);
  });

  it('refuses an iat in the future beyond the clock skew, accepts one within it', async () => {
    const iat = now() + 600;
    await expect(verify(await raw({ iat, exp: iat + 60 }))).rejects.toMatchObject({
      reason: 'ogiltig',
      message: 'Ogiltig token: den är utfärdad i framtiden (iat); kontrollera klockan.',
    });
    const nearly = now() + 3;
    await expect(verify(await raw({ iat: nearly, exp: nearly + 60 }))).resolves.toBeTruthy();
  });

  it('development tokens carry exp within the maximum, and no longer ones are signed', async () => {
    const c = config();
    const token = await signToken(c, { roller: [Roll.ADMIN] });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(c.maxLivslangdS);
    expect(claims.exp - claims.iat).toBeGreaterThan(0);
    await expect(verify(token)).resolves.toBeTruthy();
    await expect(signToken(c, { roller: [Roll.ADMIN], giltigt: '7d' })).rejects.toThrow(
      'En token får gälla högst 43200 s (LAGESBILD_TOKEN_MAX_LIVSLANGD_S); begärt 604800 s.',
    );
    const short = await signToken(config({ LAGESBILD_TOKEN_MAX_LIVSLANGD_S: '600' }), {
      roller: [Roll.ADMIN],
    });
    const s = JSON.parse(Buffer.from(short.split('.')[1] as string, 'base64url').toString());
    expect(s.exp - s.iat).toBe(600);
  });
});
