import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, ROOT } from './system';

const run = promisify(execFile);

/**
 * The PostgreSQL pass needs a server. CI (.ci/run) starts a private cluster and passes its
 * URL in LAGESBILD_TEST_PG_URL; a developer's `pnpm test` gets one started here, in a
 * temporary folder on loopback, and removed afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.LAGESBILD_TEST_PG_URL) return async () => {};
  const dir = await mkdtemp(join(tmpdir(), 'lagesbild-pg-'));
  const port = await freePort();
  const script = join(ROOT, 'scripts/pg-test-cluster');
  const { stdout } = await run(script, ['start', dir, String(port)]);
  process.env.LAGESBILD_TEST_PG_URL = stdout.trim();
  return async () => {
    await run(script, ['stop', dir]);
  };
}
