import { type PubliceratInnehall, standardMote } from '@lagesbild/publicering';
import { verifieraExport } from '@lagesbild/publicering/export';
import { angriparensIntervall, type PubliceradVersion } from '@lagesbild/publicering/skydd';
import { createOrm } from '@lagesbild/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bekraftelse, Publicering, PubliceringStatus } from '../subgraphs/publicering/src/entities';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

const roll = (r: string) => ({ 'x-lagesbild-roller': r, 'x-lagesbild-subjekt': `e2e-${r}` });
const SAMORDNARE = roll('SAMORDNARE');
const RADET = roll('RADET');
const SAMVERKANSPART = roll('SAMVERKANSPART');
const TROSKEL = 3;
/** A meeting from the draft's creation to today: the draft is made today. */
const IDAG = new Date().toISOString().slice(0, 10);

const FALT = `id version status faststalld mote hash
  bekraftelser { partner bekraftad roll }
  avsnitt { partner celler { id antal visning undertryckt rapporteringsstatus } }`;

interface Pub {
  id: string;
  version: number;
  status: string;
  faststalld: string | null;
  mote: string | null;
  hash: string | null;
  bekraftelser: { partner: string; bekraftad: boolean; roll: string | null }[];
  avsnitt: {
    partner: string;
    celler: {
      id: string;
      antal: number | null;
      visning: string;
      undertryckt: string | null;
      rapporteringsstatus: string;
    }[];
  }[];
}

const celler = (p: Pub) => p.avsnitt.flatMap((a) => a.celler);

function utanFel(body: GraphQLBody): Record<string, unknown> {
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as Record<string, unknown>;
}

/**
 * The council's publication end to end, every service its own process and every question
 * through the gateway: the coordinator's draft of 2016 captured from the live picture with
 * the coordinator's own token, each section confirmed by its owner, adopted by the council;
 * the council's other actors read it suppressed, the council reads the numbers, and an
 * attacker's linear program over every adopted version in the database — the seeded 2016-H2
 * and the new 2016 — pins no hidden cell to a small value.
 */
describe('the adopted lägesbild, through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it("serves the seeded 2016-H2 publication on its Lagesbild, equal to today's live picture", async () => {
    const { body } = await system.gql(
      `{ lagesbild(omrade: "norrmalm", period: "2016-H2") {
          publicering { id version status faststalld mote andratSedanFaststallandet { cell fran till } }
        } }`,
      {},
      RADET,
    );
    const data = utanFel(body) as {
      lagesbild: { publicering: Record<string, unknown> };
    };
    expect(data.lagesbild.publicering).toEqual({
      id: 'norrmalm-2016-H2-v1',
      version: 1,
      status: 'FASTSTALLD',
      faststalld: '2016-12-14',
      mote: 'Trygghets- och säkerhetsrådets möte 14 december 2016',
      // The seed's captured picture is today's seeded data: nothing changed since adoption.
      andratSedanFaststallandet: [],
    });
  });

  let id = '';

  it('the coordinator creates the 2016 draft from the live picture', async () => {
    const { body } = await system.gql(
      `mutation { skapaPubliceringsutkast(omrade: "norrmalm", period: "2016") { ${FALT} } }`,
      {},
      SAMORDNARE,
    );
    const p = (utanFel(body) as { skapaPubliceringsutkast: Pub }).skapaPubliceringsutkast;
    expect(p).toMatchObject({ id: 'norrmalm-2016-v1', version: 1, status: 'UTKAST', hash: null });
    // Captured with every number: the police's year, the schools' "1 av 6".
    const c = new Map(celler(p).map((x) => [x.id, x]));
    expect(c.get('2016|polis|handelser|total')?.antal).toBe(6);
    expect(c.get('2016|skolor|skolorMedTecken|miljo=VIT_MAKT')?.antal).toBe(1);
    expect(c.get('2016|skolor|besvaradeSkolor|miljo=VIT_MAKT')?.antal).toBe(6);
    id = p.id;
  });

  it('each owner confirms its section, and the council adopts it', async () => {
    for (const [partner, r] of [
      ['forvaltning', 'SAMORDNARE'],
      ['polis', 'POLIS'],
      ['skolor', 'UTBILDNINGSFORVALTNING'],
      ['klotter', 'TRAFIKKONTORET'],
    ] as const) {
      const { body } = await system.gql(
        'mutation ($id: ID!, $partner: String!) { bekraftaAvsnitt(id: $id, partner: $partner) { id } }',
        { id, partner },
        roll(r),
      );
      utanFel(body);
    }
    const { body } = await system.gql(
      `mutation ($id: ID!, $datum: String!) { faststallPublicering(id: $id, motesdatum: $datum) { ${FALT} } }`,
      { id, datum: IDAG },
      RADET,
    );
    const p = (utanFel(body) as { faststallPublicering: Pub }).faststallPublicering;
    expect(p).toMatchObject({
      status: 'FASTSTALLD',
      faststalld: IDAG,
      mote: standardMote(IDAG),
    });
    expect(p.bekraftelser.every((b) => b.bekraftad)).toBe(true);
  });

  it("the council's other actors read it suppressed: no number from 1 to 3 anywhere", async () => {
    const { body } = await system.gql(
      `query ($id: ID!) { publicering(id: $id) { ${FALT} } }`,
      { id },
      SAMVERKANSPART,
    );
    const p = (utanFel(body) as { publicering: Pub }).publicering;
    const alla = celler(p);
    expect(alla.length).toBeGreaterThanOrEqual(40);
    for (const c of alla) {
      if (c.antal !== null) expect(c.antal === 0 || c.antal > TROSKEL, c.id).toBe(true);
      expect(['1', '2', '3'], c.id).not.toContain(c.visning);
      if (c.undertryckt) expect(c.antal, c.id).toBeNull();
    }
    const skolor = alla.find((c) => c.id === '2016|skolor|skolorMedTecken|miljo=VIT_MAKT');
    expect(skolor).toMatchObject({ antal: null, visning: 'fåtal', undertryckt: 'PRIMAR' });
  });

  it('the council reads the numbers: "1 av 6"', async () => {
    const { body } = await system.gql(
      `query ($id: ID!) { publicering(id: $id) { ${FALT} } }`,
      { id },
      RADET,
    );
    const p = (utanFel(body) as { publicering: Pub }).publicering;
    const c = new Map(celler(p).map((x) => [x.id, x]));
    expect(c.get('2016|skolor|skolorMedTecken|miljo=VIT_MAKT')).toMatchObject({
      antal: 1,
      visning: '1',
      undertryckt: 'PRIMAR',
    });
    expect(c.get('2016|skolor|besvaradeSkolor|miljo=VIT_MAKT')?.antal).toBe(6);
  });

  it("an attacker's linear program over every adopted version in the database pins no hidden cell", async () => {
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
          { orderBy: { id: 'asc' } },
        );
    } finally {
      await orm.orm.close();
    }
    expect(versioner.map((v) => v.id)).toEqual(['norrmalm-2016-H2-v1', 'norrmalm-2016-v1']);
    // Everything a reader knows: every published cell, and every sum among the tables and
    // between a year and its halves (the linked ones too: their structure is public).
    const publicerat: PubliceradVersion[] = versioner.map((v) => ({
      celler: (v.publicerat as PubliceratInnehall).celler,
      relationer: [...v.underlag.relationer, ...v.underlag.lankade.relationer],
      troskel: v.troskel,
    }));
    const intervall = await angriparensIntervall(publicerat, TROSKEL);
    const dolda = publicerat.flatMap((v) => v.celler.filter((c) => c.undertryckt !== null));
    expect(dolda.length).toBeGreaterThan(0);
    for (const c of dolda) {
      const i = intervall.get(c.id);
      expect(i, `no interval for ${c.id}`).toBeDefined();
      const { lo, hi } = i as { lo: number; hi: number };
      const fastlagt = hi - lo < 1e-6 && lo >= 1 - 1e-6 && lo <= TROSKEL + 1e-6;
      expect(fastlagt, `${c.id} pinned to [${lo}, ${hi}]`).toBe(false);
    }
  });

  it('exports JSON and CSV with version and hash, the hash matching the JSON', async () => {
    const { body } = await system.gql(
      `query ($id: ID!) { publicering(id: $id) {
          version hash export { json hash filnamn csv { namn innehall } }
        } }`,
      { id },
      SAMVERKANSPART,
    );
    const p = (
      utanFel(body) as {
        publicering: {
          version: number;
          hash: string;
          export: {
            json: string;
            hash: string;
            filnamn: string;
            csv: { namn: string; innehall: string }[];
          };
        };
      }
    ).publicering;
    expect(p.export.hash).toBe(p.hash);
    expect(verifieraExport(p.export.json)).toBe(true);
    expect(JSON.parse(p.export.json)).toMatchObject({ version: 1, hash: p.hash, period: '2016' });
    expect(p.export.filnamn).toBe('lagesbild-norrmalm-2016-v1.json');
    expect(p.export.csv).toHaveLength(4);
    for (const f of p.export.csv) {
      const [, ...rader] = f.innehall.trim().split('\r\n');
      for (const rad of rader) expect(rad.startsWith(`1;${p.hash};`), f.namn).toBe(true);
    }
  });
});
