import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { testDatabaseKind } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../schema/subgraphs';
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
/** Mutations per gateway request: keeps each body well under the 1 MB limit. */
const CHUNK = 250;

const roles = (roller: string, extra: Record<string, string> = {}) => ({
  'x-lagesbild-roller': roller,
  ...extra,
});

const omradeId = (n: number) => `storlek-${n}`;
const platsNamn = (n: number, i: number) => `Storlek ${n} plats ${i}`;
const skolNamn = (n: number, i: number) => `Storlek ${n} skola ${i}`;

type Body = Awaited<ReturnType<RunningSystem['gql']>>['body'];

describe('SQL statements per gateway request do not grow with the list', () => {
  let system: RunningSystem;
  let memoryDir: string | undefined;

  /**
   * Setting up 2 × 1010 of everything takes about 5000 single-row write transactions:
   * förvaltning, polis and skolor have no bulk write path (polis's feed import is a CLI
   * and records no places), only klotter has Open311's POST. On SQLite each commit also
   * waits for the disk (rollback journal, full sync), so in the SQLite pass the files live
   * in memory (tmpfs), as the PostgreSQL pass's test cluster runs with fsync off: what is
   * measured is statements, not durability.
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

  /** Runs `count` mutations as aliased fields, CHUNK per request (one transaction each). */
  async function aliased(
    count: number,
    headers: Record<string, string>,
    field: (i: number) => string,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (let start = 0; start < count; start += CHUNK) {
      const fields: string[] = [];
      for (let i = start; i < Math.min(count, start + CHUNK); i += 1) {
        fields.push(`m${i}: ${field(i)}`);
      }
      Object.assign(out, await gqlOk(`mutation { ${fields.join('\n')} }`, headers));
    }
    return out;
  }

  /** Förvaltning: the area, its place register, and one incident at every place. */
  async function createForvaltning(n: number) {
    const id = omradeId(n);
    await gqlOk(
      `mutation { registreraOmrade(input: { id: "${id}", namn: "Storlek ${n}", namnd: "Storlek ${n}s stadsdelsnämnd" }) { id } }`,
      roles('ADMIN'),
    );
    await aliased(
      n,
      roles('SAMORDNARE'),
      (i) =>
        `registreraPlats(input: { omradeId: "${id}", namn: "${platsNamn(n, i)}", lat: 59.33, lon: 18.06 }) { id }`,
    );
    await aliased(
      n,
      roles('SAMORDNARE'),
      (i) =>
        `registreraIncident(input: { omradeId: "${id}", datum: "${DATUM}", plats: "${platsNamn(n, i)}", miljo: VIT_MAKT, typ: PROPAGANDA, beskrivning: "Klistermärken vid platsen", klassning: OPPEN }) { id }`,
    );
  }

  /** Polis: one event at every place (the feed import has no places and no HTTP path). */
  async function createPolis(n: number) {
    const id = omradeId(n);
    await aliased(
      n,
      roles('POLIS'),
      (i) =>
        `registreraHandelse(input: { omradeId: "${id}", datum: "${DATUM}", typ: DEMONSTRATION, rubrik: "Manifestation ${i}", beskrivning: "En manifestation vid platsen", platser: ["${platsNamn(n, i)}"], miljo: VIT_MAKT, grupperingId: "${GRUPPERING}" }) { id }`,
    );
  }

  /**
   * Klotter: one report at every place through the Open311 bulk endpoint, half of them in
   * each of two categories so two full pages list them all.
   */
  async function createKlotter(n: number) {
    const id = omradeId(n);
    const open311 = await fetch(
      `${system.subgraphUrls.klotter}/open311/v2/requests.json?omrade=${id}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...roles('TRAFIKKONTORET') },
        body: JSON.stringify(
          [...Array(n).keys()].map((i) => ({
            service_request_id: `${id}-${i}`,
            agency_responsible: 'Trafikkontoret',
            service_code: i % 2 === 0 ? 'klotter-rasistiskt' : 'klotter-stotande',
            description: 'Hakkors på elskåp',
            address: platsNamn(n, i),
            requested_datetime: `${DATUM}T10:00:00+01:00`,
            status: 'open',
            extended_attributes: { environment: 'VIT_MAKT' },
          })),
        ),
      },
    );
    expect(await open311.json()).toMatchObject({ mottagna: n, nya: n, avvisade: [] });
  }

  /** Skolor: n schools, one survey for the period, and every school's answers. */
  async function createSkolor(n: number) {
    const id = omradeId(n);
    const skolor = await aliased(
      n,
      roles('UTBILDNINGSFORVALTNING'),
      (i) => `registreraSkola(input: { omradeId: "${id}", namn: "${skolNamn(n, i)}" }) { id }`,
    );
    const enkat = (await gqlOk(
      `mutation { skapaEnkat(input: { omradeId: "${id}", titel: "Enkät ${n}", period: "${PERIOD}",
        skickad: "2016-02-01", fragor: [
          { text: "Har skolan sett vit makt-propaganda?", typ: JA_NEJ, miljo: VIT_MAKT },
          { text: "Hur ofta?", typ: FLERVAL, alternativ: ["Sällan", "Ofta"] }
        ] }) { id fragor { id } } }`,
      roles('UTBILDNINGSFORVALTNING'),
    )) as { skapaEnkat: { id: string; fragor: { id: string }[] } };
    const [jaNej, flerval] = enkat.skapaEnkat.fragor.map((f) => f.id);
    await aliased(n, roles('ADMIN'), (i) => {
      const skolaId = (skolor[`m${i}`] as { id: string }).id;
      return `lamnaSvar(input: { enkatId: "${enkat.skapaEnkat.id}", skolaId: "${skolaId}", svar: [
        { fragaId: "${jaNej}", ja: true, text: "Klistermärken vid entrén" },
        { fragaId: "${flerval}", alternativ: "Sällan" }
      ] }) { id }`;
    });
  }

  const miljoRad = `miljoer {
    miljo namn
    forvaltning { incidenter kontakter faltobservationer }
    polis { rapporteringsstatus handelser }
    klotter { antal anmalningar(first: ${KLOTTER_SIDA}) { totalt anmalningar { plats { namn } } } }
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
      forvaltning { rapporteringsstatus incidenterAntal incidenter { plats { namn } } }
      polis { rapporteringsstatus handelserAntal handelser { platser { namn } gruppering { namn } } }
      klotter {
        rapporteringsstatus antal perRapportor { antal } perKategori { antal }
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
        forvaltning { rapporteringsstatus incidenterAntal }
        polis { rapporteringsstatus handelserAntal }
        klotter { antal }
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
      ...(await memoryDatabases()),
    });
    // Each partner's writes in its own chain: four processes, four databases.
    const chains = [createForvaltning, createPolis, createKlotter, createSkolor];
    await Promise.all(
      chains.map(async (create) => {
        for (const n of SIZES) await create(n);
      }),
    );

    for (const n of SIZES) {
      const subgraphs = Object.entries(system.subgraphUrls);
      await Promise.all(
        subgraphs.map(([, url]) => fetch(`${url}/debug/sql`, { method: 'DELETE' })),
      );
      const { body } = await system.gql(
        QUERY,
        { omrade: omradeId(n), period: PERIOD },
        roles('ADMIN'),
      );
      answers.set(n, body);
      const perSubgraph: Record<string, number> = {};
      for (const [name, url] of subgraphs) {
        const stats = (await (await fetch(`${url}/debug/sql`)).json()) as {
          statements: number;
          recent: string[];
        };
        perSubgraph[name] = stats.statements;
        recent.set(`${name} ${n}`, stats.recent);
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
  }, 480_000);

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
          forvaltning: { incidenterAntal: number; incidenter: unknown[] };
          polis: { handelserAntal: number; handelser: unknown[] };
          klotter: { antal: number; anmalningar: { totalt: number; anmalningar: unknown[] } };
          skolor: {
            besvarade: number;
            enkater: { svar: { skola: { namn: string } }[]; resultat: { besvarade: number } }[];
          };
          miljoer: { miljo: string; forvaltning: { incidenter: number } }[];
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
      expect(lagesbild.forvaltning.incidenterAntal).toBe(n);
      expect(lagesbild.forvaltning.incidenter).toHaveLength(n);
      expect(lagesbild.polis.handelserAntal).toBe(n);
      expect(lagesbild.polis.handelser).toHaveLength(n);
      expect(lagesbild.klotter.antal).toBe(n);
      expect(lagesbild.klotter.anmalningar.totalt).toBe(n);
      expect(lagesbild.klotter.anmalningar.anmalningar).toHaveLength(Math.min(n, KLOTTER_SIDA));
      expect(lagesbild.skolor.besvarade).toBe(n);
      expect(lagesbild.skolor.enkater[0]?.svar).toHaveLength(n);
      expect(lagesbild.skolor.enkater[0]?.resultat.besvarade).toBe(n);
      expect(lagesbild.miljoer[0]).toMatchObject({
        miljo: 'VIT_MAKT',
        forvaltning: { incidenter: n },
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
      expect({ subgraph, statements: large }).toEqual({ subgraph, statements: small });
    });
  }
});
