/**
 * `pnpm run import <subgraf> <fil.csv> [--omrade norrmalm] [--avvisade rapport.csv] …`:
 * the bulk import of one subgraph, from the repository root. (`pnpm import` without `run`
 * is pnpm's own lockfile command.) Runs the subgraph's `import:csv` script with the paths
 * made absolute from where the user stood, and passes its exit code on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS } from '../schema/subgraphs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The registry's subgraphs that have a bulk import (an `import:csv` script). */
const SUBGRAFER = SUBGRAPHS.filter((s) => {
  const pkg = JSON.parse(readFileSync(resolve(root, s.dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return pkg.scripts?.['import:csv'] !== undefined;
}).map((s) => s.name);
const cwd = process.env.INIT_CWD ?? process.cwd();
const [subgraf, ...rest] = process.argv.slice(2).filter((a) => a !== '--');

if (!subgraf || !SUBGRAFER.includes(subgraf)) {
  console.error(
    `Användning: pnpm run import <${SUBGRAFER.join('|')}> <fil.csv> [--omrade norrmalm]`,
  );
  process.exit(3);
}
// A path is a bare argument, or the value after --avvisade.
const args = rest.map((a, i) => {
  const sokvag =
    !a.startsWith('--') &&
    (i === 0 || !rest[i - 1]?.startsWith('--') || rest[i - 1] === '--avvisade');
  if (!sokvag || isAbsolute(a)) return a;
  const har = resolve(cwd, a);
  return existsSync(har) || rest[i - 1] === '--avvisade' ? har : a;
});
const r = spawnSync(
  'pnpm',
  ['--silent', '--filter', `@lagesbild/${subgraf}`, 'run', 'import:csv', ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 2);
