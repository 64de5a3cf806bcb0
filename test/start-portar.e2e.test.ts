import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/system';

/** `pnpm start`'s launcher with the given environment; its exit code, output and time. */
async function launch(env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  // Killed if it has not refused by then: a start that waits for health is the bug.
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output, ms: performance.now() - started };
}

describe('pnpm start refuses a port it cannot use, at once (issue 15, item 12)', () => {
  it('GATEWAY_PORT=6000 (a port Node fetch refuses): exits non-zero naming it', async () => {
    const run = await launch({ GATEWAY_PORT: '6000' });
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.output).toContain('GATEWAY_PORT=6000');
    expect(run.output).not.toContain('did not become healthy');
    expect(run.ms).toBeLessThan(15_000);
  });

  it('two services on the same port', async () => {
    const run = await launch({ GATEWAY_PORT: '4990', KLOTTER_PORT: '4990' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('KLOTTER_PORT och GATEWAY_PORT är båda 4990');
  });
});
