import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Roll } from '@lagesbild/domain';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { type AuthConfig, developmentSecret, loadAuthConfig } from './config';
import { signToken } from './sign';
import { AuthError, createVerifier } from './verify';

const SECRET = 'en-hemlighet-for-enhetstester-0123456789abcdef';
const dataDir = () => mkdtempSync(join(tmpdir(), 'lagesbild-auth-'));
const config = (env: NodeJS.ProcessEnv = {}): AuthConfig =>
  loadAuthConfig({ LAGESBILD_JWT_SECRET: SECRET, ...env }, dataDir());
const now = () => Math.floor(Date.now() / 1000);

/** A token signed by hand, so each claim can be wrong on purpose. */
function token(
  claims: Record<string, unknown> = { roller: [Roll.ADMIN] },
  opts: { secret?: string; iss?: string; aud?: string; iat?: number; exp?: number } = {},
) {
  const iat = opts.iat ?? now();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(opts.iss ?? 'lagesbild')
    .setAudience(opts.aud ?? 'lagesbild')
    .setSubject('test')
    .setIssuedAt(iat)
    .setExpirationTime(opts.exp ?? iat + 60)
    .sign(new TextEncoder().encode(opts.secret ?? SECRET));
}

describe('a signed token, verified', () => {
  it('carries the roles, the school and the subject from sign to verify', async () => {
    const c = config();
    const signed = await signToken(c, {
      roller: [Roll.SKOLA, Roll.ANALYTIKER],
      skolaId: 'skola-1',
      subject: 'partner:42',
    });
    await expect(createVerifier(c)(`Bearer ${signed}`)).resolves.toEqual({
      subject: 'partner:42',
      roller: [Roll.SKOLA, Roll.ANALYTIKER],
      skolaId: 'skola-1',
    });
  });

  it('names a development subject after the roles when none is given', async () => {
    const c = config();
    const verify = createVerifier(c);
    const med = await signToken(c, { roller: [Roll.ADMIN, Roll.SAMORDNARE] });
    expect((await verify(`Bearer ${med}`)).subject).toBe('dev:admin+samordnare');
    const utan = await signToken(c, { roller: [] });
    expect(await verify(`Bearer ${utan}`)).toEqual({
      subject: 'dev:utan-roll',
      roller: [],
      skolaId: null,
    });
  });

  it('drops roles it does not know instead of refusing the token', async () => {
    const verify = createVerifier(config());
    const t = await token({ roller: [Roll.POLIS, 'SUPERANVANDARE', 7], skola: 12 });
    expect(await verify(`Bearer ${t}`)).toMatchObject({ roller: [Roll.POLIS], skolaId: null });
    const inga = await token({ roller: 'ADMIN' });
    expect((await verify(`Bearer ${inga}`)).roller).toEqual([]);
  });

  it('accepts the scheme in any case and surrounding spaces', async () => {
    const verify = createVerifier(config());
    const t = await token();
    await expect(verify(`  bearer ${t}  `)).resolves.toMatchObject({ roller: [Roll.ADMIN] });
  });
});

describe('a token refused, with the reason the 401 gives', () => {
  const verify = createVerifier(config());

  it.each([undefined, '', 'Bearer', 'Bearer  ', 'Basic dXNlcjpwYXNz', 'Bearer a b'])(
    'no bearer token in %o: saknas',
    async (header) => {
      await expect(verify(header)).rejects.toMatchObject({
        reason: 'saknas',
        message: 'Inloggning krävs: skicka en giltig token i Authorization: Bearer …',
      });
    },
  );

  it('an expired token: utgangen', async () => {
    const iat = now() - 3600;
    const t = await token(undefined, { iat, exp: iat + 60 });
    const error = await verify(`Bearer ${t}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      reason: 'utgangen',
      message: 'Din token har gått ut; hämta en ny.',
    });
  });

  it('one expired within the clock skew still passes', async () => {
    const iat = now() - 62;
    await expect(
      verify(`Bearer ${await token(undefined, { iat, exp: iat + 60 })}`),
    ).resolves.toBeTruthy();
  });

  it.each([
    ['another key', { secret: 'en-helt-annan-hemlighet-0123456789abcdefgh' }],
    ['another issuer', { iss: 'nagon-annan' }],
    ['another audience', { aud: 'nagon-annan' }],
  ])('%s: ogiltig', async (_, opts) => {
    await expect(verify(`Bearer ${await token(undefined, opts)}`)).rejects.toMatchObject({
      reason: 'ogiltig',
      message: 'Ogiltig token: signaturen, utfärdaren eller mottagaren stämmer inte.',
    });
  });

  it('an unsigned token (alg none) or a tampered payload: ogiltig', async () => {
    const t = await token({ roller: [Roll.SKOLA] });
    const [header, , signature] = t.split('.');
    const upphojd = Buffer.from(
      JSON.stringify({
        roller: [Roll.ADMIN],
        iss: 'lagesbild',
        aud: 'lagesbild',
        iat: now(),
        exp: now() + 60,
      }),
    ).toString('base64url');
    await expect(verify(`Bearer ${header}.${upphojd}.${signature}`)).rejects.toMatchObject({
      reason: 'ogiltig',
    });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expect(verify(`Bearer ${none}.${upphojd}.`)).rejects.toMatchObject({ reason: 'ogiltig' });
  });

  it('honours a configured issuer and audience', async () => {
    const c = config({ LAGESBILD_JWT_ISSUER: 'idp.kommun.se', LAGESBILD_JWT_AUDIENCE: 'lage' });
    const egen = createVerifier(c);
    await expect(
      egen(`Bearer ${await signToken(c, { roller: [Roll.ADMIN] })}`),
    ).resolves.toBeTruthy();
    await expect(egen(`Bearer ${await token()}`)).rejects.toMatchObject({ reason: 'ogiltig' });
  });
});

describe('keys', () => {
  it('verifies tokens from a JWKS file and signs none itself', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const dir = dataDir();
    const jwks = join(dir, 'jwks.json');
    writeFileSync(
      jwks,
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] }),
    );
    const c = loadAuthConfig({ LAGESBILD_JWKS_FILE: jwks, NODE_ENV: 'production' }, dir);
    expect(c.keys).toEqual({ kind: 'jwks-file', path: jwks });
    const franIdp = await new SignJWT({ roller: [Roll.POLIS] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('lagesbild')
      .setAudience('lagesbild')
      .setSubject('idp:1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(createVerifier(c)(`Bearer ${franIdp}`)).resolves.toEqual({
      subject: 'idp:1',
      roller: [Roll.POLIS],
      skolaId: null,
    });
    // A token signed with a shared secret is no good against the partners' keys.
    await expect(createVerifier(c)(`Bearer ${await token()}`)).rejects.toMatchObject({
      reason: 'ogiltig',
    });
    await expect(signToken(c, { roller: [Roll.ADMIN] })).rejects.toThrow(
      'Token kan bara skapas här med en delad hemlighet (utvecklingsläge).',
    );
  });

  it('prefers a JWKS URL over a file over a secret', () => {
    const env = {
      LAGESBILD_JWKS_URL: 'https://idp.example/jwks',
      LAGESBILD_JWKS_FILE: '/x/jwks.json',
      LAGESBILD_JWT_SECRET: SECRET,
    };
    expect(loadAuthConfig(env, dataDir()).keys).toEqual({
      kind: 'jwks-url',
      url: 'https://idp.example/jwks',
    });
    const { LAGESBILD_JWKS_URL: _, ...utanUrl } = env;
    expect(loadAuthConfig(utanUrl, dataDir()).keys.kind).toBe('jwks-file');
  });

  it('refuses a shared secret shorter than 32 characters', () => {
    expect(() => loadAuthConfig({ LAGESBILD_JWT_SECRET: 'x'.repeat(31) }, dataDir())).toThrow(
      'LAGESBILD_JWT_SECRET måste vara minst 32 tecken.',
    );
  });

  it('in development makes one secret in the data folder, readable by its owner only, and keeps it', async () => {
    const dir = dataDir();
    const c = loadAuthConfig({}, dir);
    expect(c.keys).toMatchObject({ kind: 'secret', development: true });
    const file = join(dir, 'dev-jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
    // Another service (or `pnpm tokens`) on the same folder verifies this one's tokens.
    const t = await signToken(c, { roller: [Roll.ADMIN] });
    await expect(createVerifier(loadAuthConfig({}, dir))(`Bearer ${t}`)).resolves.toBeTruthy();
    expect(developmentSecret(dir)).toEqual(developmentSecret(dir));
    // A token from another folder's secret is not.
    const annan = await signToken(loadAuthConfig({}, dataDir()), { roller: [Roll.ADMIN] });
    await expect(createVerifier(c)(`Bearer ${annan}`)).rejects.toMatchObject({ reason: 'ogiltig' });
  });
});
