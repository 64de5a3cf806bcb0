import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-tokens-'));

function tokens(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LAGESBILD_DATA_DIR: dataDir },
    timeout: 30_000,
  });
}

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('pnpm tokens (issue 15, item 12)', () => {
  it('--help prints the usage and no token, exit 0', () => {
    const run = tokens('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Användning: pnpm tokens');
    expect(run.stdout + run.stderr).not.toMatch(JWT);
  });

  it('refuses an unknown option without printing tokens', () => {
    const run = tokens('--hjalp');
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('Okänt alternativ "--hjalp"');
    expect(run.stdout + run.stderr).not.toMatch(JWT);
  });

  it('still prints a token for a role', () => {
    const run = tokens('RADET');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(JWT);
  });
});
