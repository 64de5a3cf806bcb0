/**
 * `pnpm --filter @lagesbild/klotter bench [N]`: figures, not a test. On a fresh SQLite file
 * in a temp folder: writes N synthetic reports (default 1 000 000), then times
 * - the picture's aggregation (counts, SLA per reporter and category, reporting status)
 *   through the subgraph's GraphQL endpoint: one area and year, and 20 years in one request;
 * - the first page of an area's report list;
 * - an import of 100 000 Open311 service requests, and the same file again (all unchanged).
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importkommandoSkrivare, startSubgraph } from '@lagesbild/subgraph-kit';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { importOpen311 } from '../src/open311/import';
import { klotter } from '../src/server';
import { generera, oppnaSyntDb, SYNT_OMRADEN, SYNT_PREFIX } from './generera';

const args = process.argv.slice(2).filter((a) => a !== '--');
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const IMPORT_N = 100_000;
const dir = await mkdtemp(join(tmpdir(), 'lagesbild-klotter-bench-'));
const file = join(dir, 'klotter.sqlite');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => `${ms.toFixed(0)} ms`;

try {
  console.log(`Klotter benchmark on SQLite (${file}), Node ${process.version}`);
  const orm = await oppnaSyntDb(file);
  const genMs = await generera(orm, n);
  await orm.orm.close();
  console.log(`generate ${n.toLocaleString('sv-SE')} synthetic reports: ${s(genMs)}`);

  const running = await startSubgraph(klotter, {
    name: 'klotter',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: file,
    seed: false,
    debugSql: false,
    logSql: false,
    // The same folder withToken() signs from, so the benchmark's token verifies.
    dataDir: tmpdir(),
  });
  const auth = await withToken({ 'x-lagesbild-roller': 'ANALYTIKER' });
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const t = performance.now();
    const res = await fetch(running.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown; data?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: performance.now() - t, data: body.data };
  };
  const LAGE = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Lagesbild {
    klotter { rapporteringsstatus antal { antal } perRapportor { rapportor rapporteringsstatus antal { antal } }
      perKategori { rapportor kategori antal { antal }
        sanering { uppfyllt { antal } ejUppfyllt { antal } okant { antal } andelUppfyllt { andel } }
        paPlats { uppfyllt { antal } ejUppfyllt { antal } okant { antal } } } } } } }`;
  const rep = (period: string) => ({ __typename: 'Lagesbild', omradeId: SYNT_OMRADEN[0], period });
  await gql(LAGE, { reps: [rep('2010')] }); // warm-up: schema, statement cache
  const one = await gql(LAGE, { reps: [rep('2016')] });
  // The analyst is cleared for klotter's counts, so the number is there (never "fåtal").
  const antal = (one.data as { _entities: { klotter: { antal: { antal: number } } }[] })
    ._entities[0]!.klotter.antal.antal;
  console.log(
    `aggregation, one area and year (${antal.toLocaleString('sv-SE')} reports): ${msText(one.ms)}`,
  );
  const years = Array.from({ length: 20 }, (_, i) => rep(String(2000 + i)));
  const all = await gql(LAGE, { reps: years });
  console.log(`aggregation, one area, 20 years in one request: ${msText(all.ms)}`);
  const page = await gql(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Omrade {
      klotteranmalningar(period: "2016", first: 50) { totalt anmalningar { id slaSanering } } } } }`,
    { reps: [{ __typename: 'Omrade', id: SYNT_OMRADEN[0] }] },
  );
  console.log(`first page of 50 of an area's 2016 list: ${msText(page.ms)}`);
  await running.stop();

  const records = Array.from({ length: IMPORT_N }, (_, i) => {
    const day = new Date(Date.UTC(2018, 0, 1) + (i % 300) * 86_400_000);
    const iso = (h: number) => new Date(day.getTime() + h * 3_600_000).toISOString();
    return {
      service_request_id: `${SYNT_PREFIX}IMPORT-${i + 1}`,
      status: i % 2 === 0 ? 'closed' : 'open',
      status_notes: 'Syntetisk testdata.',
      service_code: ['klotter-rasistiskt', 'klotter-stotande', 'klotter-odefinierat'][i % 3],
      description: 'Syntetiskt klotter',
      agency_responsible: ['Trafikkontoret', 'SISAB', 'MTR'][i % 3],
      requested_datetime: iso(8),
      updated_datetime: iso(12),
      address: `SYNT plats ${(i % 200) + 1}`,
      extended_attributes: {
        called_off_datetime: iso(9),
        on_site_datetime: iso(11),
        removed_datetime: i % 2 === 0 ? iso(12) : null,
      },
    };
  });
  const orm2 = await oppnaSyntDb(file);
  const importVal = {
    omradeId: 'synt-import',
    skrivare: importkommandoSkrivare('import:kommando open311 klotter (bench)'),
  };
  let t = performance.now();
  const first = await importOpen311(orm2.orm.em.fork(), records, importVal);
  console.log(
    `import ${IMPORT_N.toLocaleString('sv-SE')} Open311 requests: ${s(performance.now() - t)} (${first.nya} new, ${first.avvisade.length} rejected)`,
  );
  t = performance.now();
  const again = await importOpen311(orm2.orm.em.fork(), records, importVal);
  console.log(
    `the same ${IMPORT_N.toLocaleString('sv-SE')} again: ${s(performance.now() - t)} (${again.oforandrade} unchanged)`,
  );
  await orm2.orm.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
