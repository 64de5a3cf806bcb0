import type { PubliceratInnehall } from '@lagesbild/publicering';
import { angriparensIntervall, type PubliceradVersion } from '@lagesbild/publicering/skydd';
import { createOrm } from '@lagesbild/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bekraftelse, Publicering, PubliceringStatus } from '../subgraphs/publicering/src/entities';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

/** A meeting from the draft's creation to today: the drafts are made today. */
const IDAG = new Date().toISOString().slice(0, 10);

const roll = (r: string) => ({ 'x-lagesbild-roller': r, 'x-lagesbild-subjekt': `e2e-${r}` });
const SAMORDNARE = roll('SAMORDNARE');
const RADET = roll('RADET');
const SAMVERKANSPART = roll('SAMVERKANSPART');
const TROSKEL = 3;

const AR = '2021';
const PERIODER = [AR, `${AR}-H1`, `${AR}-H2`] as const;
/** 9 incidents about the autonomous environment: 7 dated in the first half, 2 in the second. */
const DATUM = [
  '2021-01-14',
  '2021-02-03',
  '2021-03-09',
  '2021-04-21',
  '2021-05-05',
  '2021-05-28',
  '2021-06-17',
  '2021-09-08',
  '2021-11-23',
];

interface Pub {
  id: string;
  period: string;
  status: string;
  avsnitt: {
    partner: string;
    rapporteringsstatus: string;
    grovrePeriod: string | null;
    celler: { id: string; antal: number | null; visning: string; undertryckt: string | null }[];
  }[];
}

const FALT = `id period status
  avsnitt { partner rapporteringsstatus grovrePeriod celler { id antal visning undertryckt } }`;

function utanFel(body: GraphQLBody): Record<string, unknown> {
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as Record<string, unknown>;
}

/**
 * The outside reviewer's attack, end to end: as SAMORDNARE, 9 incidents in 2021 (7 in H1,
 * 2 in H2, none dated only to the year); 2021, 2021-H1 and 2021-H2 each drafted, confirmed
 * by every owner and adopted by the council. SAMVERKANSPART then reads all three sections
 * RAPPORTERAT with no longer period, so knows nothing is dated only to the year — and year −
 * half on what is shown must never give a hidden half's small count; nor may an attacker's
 * linear program over every adopted version, given the sums with their known rests.
 */
describe("a year and its halves, adopted one after another: the reviewer's 2021", () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('the coordinator registers the 9 incidents', async () => {
    for (const [i, datum] of DATUM.entries()) {
      const { body } = await system.gql(
        `mutation ($input: RegistreraIncidentInput!) { registreraIncident(input: $input) { id datum } }`,
        {
          input: {
            omradeId: 'norrmalm',
            datum,
            miljo: 'AUTONOMA',
            typ: 'SKADEGORELSE',
            beskrivning: `Klotter med autonoma symboler, nummer ${i + 1}.`,
          },
        },
        SAMORDNARE,
      );
      expect(utanFel(body)).toMatchObject({ registreraIncident: { datum } });
    }
  });

  for (const period of PERIODER) {
    it(`${period}: drafted, confirmed by each owner, adopted by the council`, async () => {
      let { body } = await system.gql(
        'mutation ($p: Period!) { skapaPubliceringsutkast(omrade: "norrmalm", period: $p) { id } }',
        { p: period },
        SAMORDNARE,
      );
      const { id } = (utanFel(body) as { skapaPubliceringsutkast: { id: string } })
        .skapaPubliceringsutkast;
      expect(id).toBe(`norrmalm-${period}-v1`);
      for (const [partner, r] of [
        ['forvaltning', 'SAMORDNARE'],
        ['polis', 'POLIS'],
        ['skolor', 'UTBILDNINGSFORVALTNING'],
        ['klotter', 'TRAFIKKONTORET'],
      ] as const) {
        ({ body } = await system.gql(
          'mutation ($id: ID!, $partner: String!) { bekraftaAvsnitt(id: $id, partner: $partner) { id } }',
          { id, partner },
          roll(r),
        ));
        utanFel(body);
      }
      ({ body } = await system.gql(
        `mutation ($id: ID!) { faststallPublicering(id: $id, motesdatum: "${IDAG}") { ${FALT} } }`,
        { id },
        RADET,
      ));
      const p = (utanFel(body) as { faststallPublicering: Pub }).faststallPublicering;
      expect(p.status).toBe('FASTSTALLD');
    });
  }

  it("SAMVERKANSPART's arithmetic: year − half never gives a hidden half's small count", async () => {
    const visat = new Map<string, number>();
    const dolt = new Map<string, string>();
    for (const period of PERIODER) {
      const { body } = await system.gql(
        `query ($id: ID!) { publicering(id: $id) { ${FALT} } }`,
        { id: `norrmalm-${period}-v1` },
        SAMVERKANSPART,
      );
      const p = (utanFel(body) as { publicering: Pub }).publicering;
      // What the reviewer read: förvaltning reported for the period itself, nothing for the
      // year alone — so year = H1 + H2.
      expect(p.avsnitt.find((a) => a.partner === 'forvaltning')).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT',
        grovrePeriod: null,
      });
      for (const c of p.avsnitt.flatMap((a) => a.celler)) {
        if (c.antal !== null) {
          expect(c.antal === 0 || c.antal > TROSKEL, c.id).toBe(true);
          visat.set(c.id, c.antal);
        } else if (c.undertryckt !== null) {
          dolt.set(c.id, c.visning);
        }
      }
    }
    // The reviewer's cells: the incidents in total and about the autonomous environment.
    for (const d of ['total', 'miljo=AUTONOMA']) {
      const id = (p: string) => `${p}|forvaltning|incidenter|${d}`;
      expect(dolt.get(id(`${AR}-H2`)), id(`${AR}-H2`)).toBe('fåtal');
    }
    const fynd: string[] = [];
    for (const id of visat.keys()) {
      if (!id.startsWith(`${AR}|`)) continue;
      const resten = id.slice(AR.length);
      for (const [kand, okand] of [
        ['H1', 'H2'],
        ['H2', 'H1'],
      ]) {
        const halv = visat.get(`${AR}-${kand}${resten}`);
        const dold = `${AR}-${okand}${resten}`;
        if (halv === undefined || !dolt.has(dold)) continue;
        const skillnad = (visat.get(id) as number) - halv;
        if (skillnad >= 1 && skillnad <= TROSKEL) fynd.push(`${dold} = ${skillnad}`);
      }
    }
    expect(fynd).toEqual([]);
  });

  it("an attacker's linear program over every adopted version, with the known rests, pins nothing", async () => {
    const orm = await createOrm({
      databaseUrl: system.databaseUrls.publicering as string,
      entities: [Publicering, Bekraftelse],
      migrations: [],
      quiet: true,
    });
    let versioner: Publicering[];
    try {
      versioner = await orm.orm.em
        .fork()
        .find(
          Publicering,
          { status: { $in: [PubliceringStatus.FASTSTALLD, PubliceringStatus.ERSATT] } },
          { orderBy: { faststalld: 'asc', skapad: 'asc', version: 'asc' } },
        );
    } finally {
      await orm.orm.close();
    }
    expect(versioner.map((v) => v.id)).toEqual([
      'norrmalm-2016-H2-v1',
      'norrmalm-2021-v1',
      'norrmalm-2021-H1-v1',
      'norrmalm-2021-H2-v1',
    ]);
    // The capture ties the year to its halves with the rest the reader knows: 0.
    const ar = versioner.find((v) => v.period === AR) as Publicering;
    expect(ar.underlag.lankade.relationer).toContainEqual({
      summa: `${AR}|forvaltning|incidenter|total`,
      delar: [`${AR}-H1|forvaltning|incidenter|total`, `${AR}-H2|forvaltning|incidenter|total`],
      rest: 'kand',
      restVarde: 0,
    });
    const publicerat: PubliceradVersion[] = versioner.map((v) => ({
      celler: (v.publicerat as PubliceratInnehall).celler,
      relationer: [...v.underlag.relationer, ...v.underlag.lankade.relationer],
      troskel: v.troskel,
    }));
    // Every true count the captures hold, published or only linked.
    const sanning = new Map<string, number>();
    for (const v of versioner) {
      for (const c of [...v.underlag.celler, ...v.underlag.lankade.celler]) {
        if (c.varde !== null) sanning.set(c.id, c.varde);
      }
    }
    expect(sanning.get(`${AR}-H2|forvaltning|incidenter|total`)).toBe(2);
    const intervall = await angriparensIntervall(publicerat, TROSKEL, sanning.keys());
    const dolda = publicerat.flatMap((v) => v.celler.filter((c) => c.undertryckt !== null));
    expect(dolda.some((c) => c.id === `${AR}-H2|forvaltning|incidenter|total`)).toBe(true);
    const fastlagda: string[] = [];
    for (const [id, { lo, hi }] of intervall) {
      const v = sanning.get(id);
      if (v === undefined) continue;
      expect(v >= lo && v <= hi, `${id} = ${v} outside [${lo}, ${hi}]`).toBe(true);
      if (v >= 1 && v <= TROSKEL && lo === hi) fastlagda.push(`${id} = ${v}`);
    }
    expect(fastlagda).toEqual([]);
  });
});
