/**
 * `pnpm --filter @lagesbild/polis import:handelser <file.json> [--omrade norrmalm]`:
 * imports events from a file in the police's open events feed shape into this subgraph's
 * database (the same one `pnpm start` uses, or POLIS_DATABASE_URL), and prints what it did.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { environment } from '@lagesbild/config';
import { okantOmradeFel } from '@lagesbild/domain';
import { createOrm, importkommandoSkrivare, migrate } from '@lagesbild/subgraph-kit';
import { avbrottText } from '@lagesbild/subgraph-kit/import';
import { loadConfig } from '../config';
import { polis } from '../server';
import { importHandelser, lasFlode, sammanfattning } from './handelser.import';

function fileFrom(arg: string): string {
  if (isAbsolute(arg)) return arg;
  // pnpm --filter runs the script in the package folder; a path typed at the repository
  // root is relative to where the user stood (INIT_CWD).
  const candidates = [environment().INIT_CWD, process.cwd()]
    .filter((d): d is string => Boolean(d))
    .map((d) => resolve(d, arg));
  return candidates.find((f) => existsSync(f)) ?? candidates[0] ?? arg;
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  const omradeAt = args.indexOf('--omrade');
  const omradeId = omradeAt >= 0 ? args[omradeAt + 1] : 'norrmalm';
  const files = omradeAt >= 0 ? args.filter((_, i) => i !== omradeAt && i !== omradeAt + 1) : args;
  if (files.length !== 1 || !omradeId) {
    console.error('Användning: import:handelser <fil.json> [--omrade norrmalm]');
    return 2;
  }
  // An area no one knows is wrong usage, refused before the file is read (the README's 3).
  const okant = okantOmradeFel(omradeId);
  if (okant) {
    console.error(okant);
    return 3;
  }
  const file = fileFrom(files[0] as string);
  let items: unknown;
  try {
    items = lasFlode(await readFile(file));
  } catch (error) {
    console.error(`Kunde inte läsa ${file}: ${(error as Error).message}.`);
    return 1;
  }
  const config = loadConfig();
  const { orm } = await createOrm({
    databaseUrl: config.databaseUrl,
    entities: polis.entities,
    migrations: polis.migrations,
  });
  try {
    await migrate(orm);
    const resultat = await importHandelser(orm.em.fork(), items, {
      omradeId,
      skrivare: importkommandoSkrivare('import:kommando handelser polis'),
      kalla: basename(file),
    });
    console.log(`Import av polisens händelser från ${file} (område ${omradeId}):`);
    console.log(sammanfattning(resultat));
    return 0;
  } catch (error) {
    console.error(`Importen avbröts, inget skrevs: ${avbrottText(error)}.`);
    return 1;
  } finally {
    await orm.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
