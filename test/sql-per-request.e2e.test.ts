import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImportKommando, korImportITest } from '@lagesbild/subgraph-kit/import';
import { testDatabaseKind, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../schema/subgraphs';
import { incidentImporter } from '../subgraphs/forvaltning/src/import/incident.import';
import { forvaltning } from '../subgraphs/forvaltning/src/server';
import { klotterImporter } from '../subgraphs/klotter/src/import/klotter.csv';
import { klotter } from '../subgraphs/klotter/src/server';
import { handelseImporter } from '../subgraphs/polis/src/import/handelser.csv';
import { polis } from '../subgraphs/polis/src/server';
import { svarImporter } from '../subgraphs/skolor/src/import/svar.csv';
import { skolor } from '../subgraphs/skolor/src/server';
import { type RunningSystem, startSystem } from './support/system';

/**
 * O(1) database work per request (issue 9): one gateway request that lists everything an
 * area has — places with their graffiti and police events, incidents, reports, events,
 * schools and a survey's answers, the picture with its environment rows and the previous
 * period — costs every subgraph the same number of SQL statements whether the lists hold
 * 10 items or 1000. A count that grows with the list is an N+1.
 */

const SIZES = [10, 1000] as const;
const PERIOD = '2016';
const DATUM = '2016-03-15';
/** Klotter's page size is capped (STORSTA_SIDA); two filtered pages cover a list of 1000. */
const KLOTTER_SIDA = 500;
/** A grouping the polis seed has; the events point at it so `gruppering` is resolved. */
const GRUPPERING = 'norrmalm-gruppering-nmr';
/**
 * Mutations per request and rows per import transaction. Every write in one request or
 * batch shares one entity manager whose identity map grows with each row, and MikroORM
 * compares all of it at every flush: skolor's 1000 answer sets in one transaction took
 * 18 s, 100 at a time 6 s.
 */
const CHUNK = 100;

const roles = (roller: string, extra: Record<string, string> = {}) => ({
  'x-lagesbild-roller': roller,
  ...extra,
});

/** A real district per size (the register takes no other): one that holds nothing else. */
const OMRADE_FOR_STORLEK: Record<(typeof SIZES)[number], string> = {
  10: 'farsta',
  1000: 'skarholmen',
};
const omradeId = (n: number) => OMRADE_FOR_STORLEK[n as (typeof SIZES)[number]];
const platsNamn = (n: number, i: number) => `Storlek ${n} plats ${i}`;
const skolNamn = (n: number, i: number) => `Storlek ${n} skola ${i}`;

type Body = Awaited<ReturnType<RunningSystem['gql']>>['body'];

/** Rows as a `;`-separated CSV file; no value here holds `;`, a quote or a line break. */
const csv = (rubrik: string[], rader: string[][]) =>
  `${[rubrik, ...rader].map((r) => r.join(';')).join('\n')}\n`;

describe('SQL statements per gateway request do not grow with the list', () => {
  let system: RunningSystem;
  let memoryDir: string | undefined;

  /**
   * The lists are written with each partner's bulk CSV importer, in this process, into the
   * database the running subgraph uses: a few transactions per subgraph instead of
   * thousands of single-row mutations. What the importers cannot write — förvaltning's
   * places and skolor's schools — goes in one aliased mutation sent straight to the
   * subgraph (the gateway's alias limit guards the public door, not this setup). On
   * SQLite the files still live in memory (tmpfs), as the PostgreSQL pass's test cluster
   * runs with fsync off: what is measured is statements, not durability.
   */
  async function memoryDatabases(): Promise<Record<string, string>> {
    if (testDatabaseKind() !== 'sqlite' || !existsSync('/dev/shm')) return {};
    memoryDir = await mkdtemp(join('/dev/shm', 'lagesbild-sqlcount-'));
    return Object.fromEntries(
      SUBGRAPHS.map((s) => [
        `${s.name.toUpperCase()}_DATABASE_URL`,
        join(memoryDir as string, `${s.name}.sqlite`),
      ]),
    );
  }
  const counts = new Map<number, Record<string, number>>();
  const answers = new Map<number, Body>();
  /** The last statements each subgraph ran, to name the extra one when counts differ. */
  const recent = new Map<string, string[]>();

  async function gqlOk(query: string, headers: Record<string, string>, variables = {}) {
    const { status, body } = await system.gql(query, variables, headers);
    if (status !== 200 || body.errors) {
      throw new Error(`${status}: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
    }
    return body.data as Record<string, unknown>;
  }

  /** `count` mutations as aliased fields, CHUNK per request, straight to a subgraph. */
  async function aliased(
    subgraph: string,
    count: number,
    headers: Record<string, string>,
    field: (i: number) => string,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (let start = 0; start < count; start += CHUNK) {
      const fields = [...Array(Math.min(CHUNK, count - start)).keys()].map(
        (k) => `m${start + k}: ${field(start + k)}`,
      );
      const response = await fetch(`${system.subgraphUrls[subgraph]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
        body: JSON.stringify({ query: `mutation { ${fields.join('\n')} }` }),
      });
      const body = (await response.json()) as Body;
      if (response.status !== 200 || body.errors) {
        throw new Error(`${subgraph} ${response.status}: ${JSON.stringify(body).slice(0, 2000)}`);
      }
      Object.assign(out, body.data);
    }
    return out;
  }

  /** Runs a subgraph's CSV import of `text` for area `n` against its running database. */
  async function importera<R extends object>(
    subgraf: ImportKommando<R>['subgraf'],
    importer: ImportKommando<R>['importer'],
    n: number,
    text: string,
  ) {
    const fil = join(system.dataDir, `${subgraf.name}-${n}.csv`);
    await writeFile(fil, text, 'utf8');
    const databaseUrl = system.databaseUrls[subgraf.name] as string;
    const r = await korImportITest(
      { subgraf, importer, config: { databaseUrl, seed: false }, skript: 'import:csv' },
      [fil, '--omrade', omradeId(n), '--batch', String(CHUNK)],
      system.dataDir,
    );
    if (r.kod !== 0) throw new Error(`${subgraf.name} import ${r.kod}:\n${r.ut}\n${r.fel}`);
    expect(r.ut).toContain('Redan inlästa: 0');
  }

  /** Förvaltning: the area, its place register, and one incident at every place. */
  async function createForvaltning(n: number) {
    const id = omradeId(n);
    await gqlOk(
      `mutation { registreraOmrade(input: { id: "${id}", namnd: "Nämnden för storlek ${n}" }) { id } }`,
      roles('ADMIN'),
    );
    await aliased(
      'forvaltning',
      n,
      roles('SAMORDNARE'),
      (i) =>
        `registreraPlats(input: { omradeId: "${id}", namn: "${platsNamn(n, i)}", lat: 59.33, lon: 18.06 }) { id }`,
    );
    await importera(
      forvaltning,
      incidentImporter,
      n,
      csv(
        ['id', 'datum', 'plats', 'miljo', 'typ', 'beskrivning', 'klassning'],
        [...Array(n).keys()].map((i) => [
          `${id}-${i}`,
          DATUM,
          platsNamn(n, i),
          'VIT_MAKT',
          'PROPAGANDA',
          'Klistermärken vid platsen',
          'OPPEN',
        ]),
      ),
    );
  }

  /** Polis: one event at every place. */
  async function createPolis(n: number) {
    const id = omradeId(n);
    await importera(
      polis,
      handelseImporter,
      n,
      csv(
        ['id', 'datum', 'typ', 'rubrik', 'beskrivning', 'platser', 'miljo', 'gruppering_id'],
        [...Array(n).keys()].map((i) => [
          `${id}-${i}`,
          DATUM,
          'DEMONSTRATION',
          `Manifestation ${i}`,
          'En manifestation vid platsen',
          platsNamn(n, i),
          'VIT_MAKT',
          GRUPPERING,
        ]),
      ),
    );
    // The half-year's assessment: without one the police have not reported for the year,
    // and the picture's count of events would rightly be null.
    await gqlOk(
      `mutation { publiceraBedomning(input: { omradeId: "${id}", period: "2016-H1",
        miljo: VIT_MAKT, bosatta: FATAL, text: "Ett fåtal individer i området.",
        publicerad: "2016-06" }) { id } }`,
      roles('POLIS'),
    );
  }

  /** Klotter: one report at every place, half in each of two categories (two full pages). */
  async function createKlotter(n: number) {
    const id = omradeId(n);
    await importera(
      klotter,
      klotterImporter,
      n,
      csv(
        ['rapportor', 'rapportorens_id', 'kategori', 'miljo', 'innehall', 'plats', 'anmald_tid'],
        [...Array(n).keys()].map((i) => [
          'TRAFIKKONTORET',
          `${id}-${i}`,
          i % 2 === 0 ? 'RASISTISKT' : 'STOTANDE',
          'VIT_MAKT',
          'Hakkors på elskåp',
          platsNamn(n, i),
          `${DATUM}T10:00:00+01:00`,
        ]),
      ),
    );
  }

  /** Skolor: n schools, one survey for the period, and every school's answers. */
  async function createSkolor(n: number) {
    const id = omradeId(n);
    const skolorna = await aliased(
      'skolor',
      n,
      roles('UTBILDNINGSFORVALTNING'),
      (i) => `registreraSkola(input: { omradeId: "${id}", namn: "${skolNamn(n, i)}" }) { id }`,
    );
    const enkat = (await gqlOk(
      `mutation { skapaEnkat(input: { omradeId: "${id}", titel: "Enkät ${n}", period: "${PERIOD}",
        skickad: "2016-02-01", fragor: [
          { text: "Har skolan sett vit makt-propaganda?", typ: JA_NEJ, miljo: VIT_MAKT },
          { text: "Hur ofta?", typ: FLERVAL, alternativ: ["Sällan", "Ofta"] }
        ] }) { id } }`,
      roles('UTBILDNINGSFORVALTNING'),
    )) as { skapaEnkat: { id: string } };
    await importera(
      skolor,
      svarImporter,
      n,
      csv(
        ['skola', 'enkat', 'fraga', 'svar', 'text'],
        [...Array(n).keys()].flatMap((i) => {
          const skola = (skolorna[`m${i}`] as { id: string }).id;
          return [
            [skola, enkat.skapaEnkat.id, '1', 'ja', 'Klistermärken vid entrén'],
            [skola, enkat.skapaEnkat.id, '2', 'Sällan', ''],
          ];
        }),
      ),
    );
  }

  const miljoRad = `miljoer {
    miljo namn
    forvaltning { incidenterAntal { antal } kontakterAntal { antal } faltobservationerAntal { antal } }
    polis { rapporteringsstatus handelserAntal { antal } }
    klotter { antal { antal } anmalningar(first: ${KLOTTER_SIDA}) { totalt anmalningar { plats { namn } } } }
    skolor { besvarade skolorMedTecken { visning } observationer }
  }`;

  const QUERY = `query ($omrade: String!, $period: Period!) {
    omrade(id: $omrade) {
      namn
      platser {
        id namn koordinater { wgs84 { lat } } omrade { namn }
        klotteranmalningar { id plats { namn } }
        handelser { id platser { namn } gruppering { namn } }
      }
      incidenter(period: $period) { id plats { namn omrade { namn } handelser { id } } }
      rasistiskt: klotteranmalningar(period: $period, kategori: RASISTISKT, first: ${KLOTTER_SIDA}) {
        totalt anmalningar { id plats { namn koordinater { wgs84 { lat } } } }
      }
      stotande: klotteranmalningar(period: $period, kategori: STOTANDE, first: ${KLOTTER_SIDA}) {
        totalt anmalningar { id plats { namn koordinater { wgs84 { lat } } } }
      }
      handelser(period: $period) {
        id platser { namn klotteranmalningar { id } } gruppering { namn handelser { id } }
      }
      grupperingar { namn }
      skolor { id namn }
    }
    lagesbild(omrade: $omrade, period: $period) {
      forvaltning { rapporteringsstatus incidenterAntal { antal } incidenter { plats { namn } } }
      polis { rapporteringsstatus handelserAntal { antal } handelser { platser { namn } gruppering { namn } } }
      klotter {
        rapporteringsstatus antal { antal } perRapportor { antal { antal } } perKategori { antal { antal } }
        anmalningar(first: ${KLOTTER_SIDA}) { totalt anmalningar { plats { namn } } }
      }
      skolor {
        rapporteringsstatus besvarade svarsfrekvensVisning
        enkater {
          titel resultat { besvarade }
          fragor { text resultat { besvarade ja { antal } alternativ { alternativ antal { antal } } } }
          svar { skola { namn } svar { ja alternativ text } }
        }
      }
      ${miljoRad}
      foregaende {
        period
        forvaltning { rapporteringsstatus incidenterAntal { antal } }
        polis { rapporteringsstatus handelserAntal { antal } }
        klotter { antal { antal } }
        skolor { besvarade }
        ${miljoRad}
      }
    }
    skolor(omrade: $omrade) { namn }
    enkater(omrade: $omrade, period: $period) { svar { skola { namn } } }
  }`;

  beforeAll(async () => {
    system = await startSystem({
      FORVALTNING_DEBUG_SQL: '1',
      POLIS_DEBUG_SQL: '1',
      SKOLOR_DEBUG_SQL: '1',
      KLOTTER_DEBUG_SQL: '1',
      // The whole picture with `first: 500` pages is far above the default cost limit
      // (the council's report is ≈33 000), and answering 1000 of everything takes longer
      // than the 3 s a subgraph gets in production.
      GATEWAY_MAX_COST: '10000000',
      // The setup's writes: CHUNK aliased mutations per request straight to a subgraph,
      // which applies the gateway's alias limit itself (issue 15, item 7).
      GATEWAY_MAX_ALIASES: String(CHUNK),
      SUBGRAPH_TIMEOUT_MS: '60000',
      // The count is each subgraph's own work per request. The gateway's in-flight dedup
      // merges identical entity fetches within one request when their representations
      // happen to coincide (förvaltning's Plats lookups were 10 for one list size, 13 for
      // the other), which is the gateway's saving, not the subgraph's batching: off here.
      SUBGRAPH_DEDUPE: 'false',
      ...(await memoryDatabases()),
    });
    const setupStart = performance.now();
    // Each partner's writes in its own chain: four processes, four databases.
    const chains = [createForvaltning, createPolis, createKlotter, createSkolor];
    await Promise.all(
      chains.map(async (create) => {
        for (const n of SIZES) await create(n);
      }),
    );
    console.log(
      `Setup (${SIZES.join(' + ')} of everything): ${Math.round(performance.now() - setupStart)} ms`,
    );

    // Each size asked three times, the fewest statements per subgraph kept: the gateway
    // batches one caller's reads of one turn into one HTTP request, whose operations share
    // their loaders; when timing splits a plan level over two requests, their loaders run
    // apart and a statement repeats. That varies from ask to ask and not with the list; a
    // per-parent load would add ~990 to every ask.
    for (const n of SIZES) {
      const subgraphs = Object.entries(system.subgraphUrls);
      const perSubgraph: Record<string, number> = {};
      for (let ask = 0; ask < 3; ask++) {
        await Promise.all(
          subgraphs.map(([, url]) => fetch(`${url}/debug/sql`, { method: 'DELETE' })),
        );
        const { body } = await system.gql(
          QUERY,
          { omrade: omradeId(n), period: PERIOD },
          roles('ADMIN'),
        );
        if (ask === 0) answers.set(n, body);
        for (const [name, url] of subgraphs) {
          const stats = (await (await fetch(`${url}/debug/sql`)).json()) as {
            statements: number;
            recent: string[];
          };
          if (perSubgraph[name] === undefined || stats.statements < perSubgraph[name]) {
            perSubgraph[name] = stats.statements;
            recent.set(`${name} ${n}`, stats.recent);
          }
        }
      }
      counts.set(n, perSubgraph);
    }
    console.log(
      'SQL statements per gateway request:\n' +
        Object.keys(counts.get(SIZES[0]) ?? {})
          .map(
            (s) =>
              `  ${s.padEnd(12)} ${SIZES.map((n) => `${n}: ${counts.get(n)?.[s]}`).join('  ')}`,
          )
          .join('\n'),
    );
  }, 600_000);

  afterAll(async () => {
    await system?.interrupt();
    if (memoryDir) await rm(memoryDir, { recursive: true, force: true });
  });

  for (const n of SIZES) {
    it(`lists ${n} of everything in one request`, () => {
      const body = answers.get(n);
      expect(body?.errors).toBeUndefined();
      const data = body?.data as {
        omrade: {
          platser: {
            koordinater: { wgs84: { lat: number } };
            klotteranmalningar: { plats: { namn: string } }[];
            handelser: { platser: { namn: string }[]; gruppering: { namn: string } }[];
          }[];
          incidenter: { plats: { namn: string; handelser: unknown[] } }[];
          rasistiskt: { totalt: number; anmalningar: unknown[] };
          stotande: { totalt: number; anmalningar: unknown[] };
          handelser: { platser: { klotteranmalningar: unknown[] }[] }[];
          skolor: unknown[];
        };
        lagesbild: {
          forvaltning: { incidenterAntal: { antal: number }; incidenter: unknown[] };
          polis: { handelserAntal: { antal: number }; handelser: unknown[] };
          klotter: {
            antal: { antal: number };
            anmalningar: { totalt: number; anmalningar: unknown[] };
          };
          skolor: {
            besvarade: number;
            enkater: { svar: { skola: { namn: string } }[]; resultat: { besvarade: number } }[];
          };
          miljoer: { miljo: string; forvaltning: { incidenterAntal: { antal: number } } }[];
          foregaende: { period: string };
        };
        enkater: { svar: unknown[] }[];
      };
      const { omrade, lagesbild } = data;
      expect(omrade.platser).toHaveLength(n);
      for (const p of omrade.platser) {
        expect(p.koordinater.wgs84.lat).toBe(59.33);
        expect(p.klotteranmalningar).toHaveLength(1);
        expect(p.handelser).toHaveLength(1);
        expect(p.handelser[0]?.gruppering.namn).toBeTruthy();
      }
      expect(omrade.platser[0]?.klotteranmalningar[0]?.plats.namn).toMatch(/^Storlek \d+ plats/);
      expect(omrade.incidenter).toHaveLength(n);
      expect(omrade.incidenter.every((i) => i.plats.handelser.length === 1)).toBe(true);
      expect(omrade.rasistiskt.anmalningar).toHaveLength(n / 2);
      expect(omrade.stotande.anmalningar).toHaveLength(n / 2);
      expect(omrade.handelser).toHaveLength(n);
      expect(omrade.handelser.every((h) => h.platser[0]?.klotteranmalningar.length === 1)).toBe(
        true,
      );
      expect(omrade.skolor).toHaveLength(n);
      // Read as ADMIN, cleared everywhere: numbers, never "fåtal".
      expect(lagesbild.forvaltning.incidenterAntal.antal).toBe(n);
      expect(lagesbild.forvaltning.incidenter).toHaveLength(n);
      expect(lagesbild.polis.handelserAntal.antal).toBe(n);
      expect(lagesbild.polis.handelser).toHaveLength(n);
      expect(lagesbild.klotter.antal.antal).toBe(n);
      expect(lagesbild.klotter.anmalningar.totalt).toBe(n);
      expect(lagesbild.klotter.anmalningar.anmalningar).toHaveLength(Math.min(n, KLOTTER_SIDA));
      expect(lagesbild.skolor.besvarade).toBe(n);
      expect(lagesbild.skolor.enkater[0]?.svar).toHaveLength(n);
      expect(lagesbild.skolor.enkater[0]?.resultat.besvarade).toBe(n);
      expect(lagesbild.miljoer[0]).toMatchObject({
        miljo: 'VIT_MAKT',
        forvaltning: { incidenterAntal: { antal: n } },
      });
      expect(lagesbild.foregaende.period).toBe('2015');
      expect(data.enkater[0]?.svar).toHaveLength(n);
    });
  }

  for (const subgraph of ['forvaltning', 'polis', 'klotter', 'skolor']) {
    it(`${subgraph}: as many statements for 1000 items as for 10`, () => {
      const small = counts.get(10)?.[subgraph];
      const large = counts.get(1000)?.[subgraph];
      expect(small).toBeGreaterThan(0);
      if (large !== small) {
        console.log(
          `${subgraph}, last statements:`,
          SIZES.map((n) => `\n  ${n}:\n    ${recent.get(`${subgraph} ${n}`)?.join('\n    ')}`).join(
            '',
          ),
        );
      }
      // Not growing with the list is the property: a per-parent load would add ~990 here.
      // DataLoader batches by tick, so a loader whose load waits behind another query's I/O
      // can, on a busy machine, go out as a second statement in either run (klotter was
      // seen at 10 and 11 for the same list); one statement of that jitter is tolerated.
      expect(
        Math.abs((large ?? 0) - (small ?? 0)),
        `${subgraph}: ${small} vs ${large}`,
      ).toBeLessThanOrEqual(1);
    });
  }
});
