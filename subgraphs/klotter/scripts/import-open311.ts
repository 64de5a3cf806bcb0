/**
 * `pnpm --filter @lagesbild/klotter import:open311 <file.json> [--omrade norrmalm]`:
 * imports GeoReport v2 service requests (a JSON array, or { service_requests: [...] })
 * into the klotter database that KLOTTER_DATABASE_URL (or the default .data/klotter.sqlite)
 * names. Prints what was new, updated, unchanged, and every rejected record with its reasons;
 * exits 1 when any record was rejected.
 */
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { okantOmradeFel } from '@lagesbild/domain';
import { createOrm, importkommandoSkrivare, migrate } from '@lagesbild/subgraph-kit';
import { loadConfig } from '../src/config';
import { importOpen311 } from '../src/open311/import';
import { klotter } from '../src/server';

const args = process.argv.slice(2).filter((a) => a !== '--');
const omradeAt = args.indexOf('--omrade');
const omradeId = omradeAt >= 0 ? (args[omradeAt + 1] ?? 'norrmalm') : 'norrmalm';
const file = args.find((a, i) => !a.startsWith('--') && i !== omradeAt + 1);
if (!file) {
  console.error(
    'Användning: pnpm --filter @lagesbild/klotter import:open311 <fil.json> [--omrade norrmalm]',
  );
  process.exit(2);
}
// An area no one knows is wrong usage, refused before the file is read.
const okant = okantOmradeFel(omradeId);
if (okant) {
  console.error(okant);
  process.exit(3);
}
// pnpm --filter runs the script in the package folder: resolve the file from where the user was.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
let body: unknown;
try {
  body = JSON.parse(await readFile(path, 'utf8'));
} catch (error) {
  console.error(`Kunde inte läsa ${path}: ${(error as Error).message}`);
  process.exit(2);
}
const records = Array.isArray(body)
  ? body
  : ((body as { service_requests?: unknown[] })?.service_requests ?? [body]);

const config = loadConfig();
const orm = await createOrm({
  databaseUrl: config.databaseUrl,
  entities: klotter.entities,
  migrations: klotter.migrations,
});
try {
  await migrate(orm.orm);
  if (config.seed && klotter.seed) await klotter.seed(orm.orm.em.fork());
  const r = await importOpen311(orm.orm.em.fork(), records, {
    omradeId,
    skrivare: importkommandoSkrivare('import:kommando open311 klotter'),
    kalla: basename(path),
  });
  console.log(
    `${path}: ${r.mottagna} mottagna, ${r.nya} nya, ${r.uppdaterade} uppdaterade, ${r.oforandrade} oförändrade, ${r.avvisade.length} avvisade.`,
  );
  for (const a of r.avvisade) {
    console.log(`  post ${a.post} (${a.service_request_id ?? 'utan id'}): ${a.skal.join('; ')}`);
  }
  process.exitCode = r.avvisade.length > 0 ? 1 : 0;
} finally {
  await orm.orm.close();
}
