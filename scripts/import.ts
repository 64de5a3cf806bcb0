/**
 * `pnpm run import <subgraf> <fil.csv> [--omrade norrmalm] [--avvisade rapport.csv] …`:
 * the bulk import of one subgraph, from the repository root. (`pnpm import` without `run`
 * is pnpm's own lockfile command.) Runs the command of the subgraph's `import:csv` script
 * (`tsx <file>`) itself, in the package's folder, with the paths made absolute from where
 * the user stood, and exits with its exit code as it is. Not through `pnpm --filter … run`:
 * pnpm turns a script's 2 or 3 into 1 and prints its ELIFECYCLE lines over the summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS } from '../schema/subgraphs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The registry's subgraphs that have a bulk import (an `import:csv` script). */
const SKRIPT = new Map(
  SUBGRAPHS.flatMap((s) => {
    const pkg = JSON.parse(readFileSync(resolve(root, s.dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const skript = pkg.scripts?.['import:csv'];
    return skript === undefined ? [] : [[s.name, { dir: resolve(root, s.dir), skript }] as const];
  }),
);
const SUBGRAFER = [...SKRIPT.keys()];
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
const { dir, skript } = SKRIPT.get(subgraf) as { dir: string; skript: string };
// The script is `tsx <file.ts>`: Node with tsx's loader, the file from the package folder.
const fil = /^tsx\s+(\S+)$/.exec(skript.trim())?.[1];
if (!fil) {
  console.error(`${subgraf}: import:csv ska vara "tsx <fil.ts>", inte "${skript}".`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(dir, fil), ...args], {
  cwd: dir,
  env: { ...process.env, INIT_CWD: cwd },
  stdio: 'inherit',
});
process.exitCode = r.status ?? 2;
