/**
 * Builds the dashboard (vite build into dashboard/dist) when the build is missing or older
 * than its sources. Shared by `pnpm start` and the test run's global setup, so both the
 * README's commands serve a current page without a separate build step.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DASHBOARD_DIR = join(root, 'dashboard');
export const DASHBOARD_DIST = join(DASHBOARD_DIR, 'dist');

/** What the build is made of; a change to any of them makes the build stale. */
const SOURCES = [
  'src',
  'index.html',
  'rapport.html',
  // Copied into dist/ as they are: the page's icon.
  'public',
  'vite.config.ts',
  'package.json',
  'tsconfig.json',
  // Bundled into the page from the workspace: the report's query, hotspots and renderer.
  '../packages/rapport/src',
  '../packages/domain/src',
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e))));
  return Math.max(info.mtimeMs, ...times);
}

/** Why a build is needed, or null when dist/ is current. */
export async function dashboardBuildReason(): Promise<string | null> {
  const built = await stat(join(DASHBOARD_DIST, 'index.html')).catch(() => null);
  if (!built) return 'no build yet';
  const times = await Promise.all(SOURCES.map((s) => newestMtime(join(DASHBOARD_DIR, s))));
  return Math.max(...times) > built.mtimeMs ? 'sources changed since the last build' : null;
}

export async function buildDashboard(): Promise<void> {
  // Vite is the dashboard package's own dependency (strict layout): run its binary from there.
  const child = spawn(
    process.execPath,
    [join(DASHBOARD_DIR, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: DASHBOARD_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the dashboard build failed (vite build exited with ${code})`);
}

/** Builds when needed; returns whether it built. */
export async function ensureDashboardBuilt(
  log: (line: string) => void = console.log,
): Promise<boolean> {
  const reason = await dashboardBuildReason();
  if (reason === null) return false;
  log(`Building the dashboard (${reason}) …`);
  const started = Date.now();
  await buildDashboard();
  log(`Dashboard built into dashboard/dist in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
