import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthConfig, loadAuthConfig } from '@lagesbild/auth';
import { describe, expect, it } from 'vitest';
import { isDevelopment } from './dev-token';

const development = (): AuthConfig => loadAuthConfig({}, mkdtempSync(join(tmpdir(), 'gw-dev-')));
const shared = (): AuthConfig =>
  loadAuthConfig({ LAGESBILD_JWT_SECRET: 'en-delad-hemlighet-for-tester-0123456789' }, tmpdir());

describe('/dev/token exists only outside production', () => {
  it('on the generated development secret, in development', () => {
    expect(isDevelopment(development(), {})).toBe(true);
  });

  it.each([{ NODE_ENV: 'production' }, { GATEWAY_PRODUCTION: 'true' }])(
    'never in production (%o), whatever LAGESBILD_DEV_TOKENS says',
    (env) => {
      expect(isDevelopment(development(), env)).toBe(false);
      expect(isDevelopment(shared(), { ...env, LAGESBILD_DEV_TOKENS: 'true' })).toBe(false);
    },
  );

  it('with a shared secret only when LAGESBILD_DEV_TOKENS=true', () => {
    expect(isDevelopment(shared(), {})).toBe(false);
    expect(isDevelopment(shared(), { LAGESBILD_DEV_TOKENS: 'true' })).toBe(true);
  });
});
