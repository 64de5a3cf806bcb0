import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createOrm, GranskningsloggPost, importkommandoSkrivare } from '@lagesbild/subgraph-kit';
import {
  createTestDatabase,
  type GqlBody,
  startTestSubgraph,
  type TestSubgraph,
} from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHandelser } from './import/handelser.import';
import { polis } from './server';

const POLIS = { 'x-lagesbild-roller': 'POLIS' };
const RADET = { 'x-lagesbild-roller': 'RADET' };
const MILJO_ORDER = [
  'VIT_MAKT',
  'AUTONOMA',
  'ISLAMISTISK',
  'ENSAMAGERANDE',
  'ANTIDEMOKRATISK',
  'OSPECIFICERAD',
];
const EXEMPEL = fileURLToPath(new URL('../data/handelser-exempel.json', import.meta.url));

function onlyError(body: GqlBody<unknown>, code: string) {
  expect(body.errors).toHaveLength(1);
  const error = body.errors![0]!;
  expect(error.extensions?.code).toBe(code);
  expect(error.extensions).not.toHaveProperty('stacktrace');
  expect(body.data ?? null).toBeNull();
  return error;
}

const lagesbild = (omradeId: string, period: string) => ({
  __typename: 'Lagesbild',
  omradeId,
  period,
});
const miljoLage = (period: string, miljo: string) => ({
  __typename: 'MiljoLage',
  omradeId: 'norrmalm',
  period,
  miljo,
});

const POLIS_LAGE = `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Lagesbild {
        period
        polis {
          rapporteringsstatus
          publicerad
          handelserAntal { antal visning }
          bedomningar {
            period miljo version ersatt bosatta folkbokforda utsattaForBrott resor
            publicerad utgivare text
          }
          handelser { id typ period datum vald miljo platser { id } gruppering { namn } }
        }
      }
    }
  }`;

interface PolisLage {
  rapporteringsstatus: string;
  publicerad: string | null;
  handelserAntal: { antal: number | null; visning: string };
  bedomningar: Record<string, unknown>[];
  handelser: {
    id: string;
    typ: string;
    period: string;
    datum: string | null;
    vald: boolean | null;
    miljo: string;
    platser: { id: string }[];
    gruppering: { namn: string } | null;
  }[];
}

const MALTAVLOR = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Lagesbild { polis { maltavlor { namn klassning plats { id } } } } }
}`;

describe('polis, read side on the seeded database', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(polis);
  });
  afterAll(() => s?.stop());

  async function polisLage(period: string, headers: Record<string, string> = RADET) {
    const { body } = await s.gql<{ _entities: { period: string; polis: PolisLage }[] }>(
      POLIS_LAGE,
      { r: [lagesbild('norrmalm', period)] },
      headers,
    );
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0]!.polis;
  }

  it("2016: the intelligence unit's report of December 2016, dated 2016-H2, is inside the year", async () => {
    const p = await polisLage('2016');
    expect(p.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(p.publicerad).toBe('2016-12');
    const levels = p.bedomningar.map((b) => [
      b.miljo,
      b.bosatta,
      b.folkbokforda,
      b.utsattaForBrott,
      b.resor,
    ]);
    expect(levels).toEqual([
      ['VIT_MAKT', 'FATAL', 'OKAND', 'OKAND', 'OKAND'],
      ['AUTONOMA', 'FATAL', 'OKAND', 'OKAND', 'OKAND'],
      ['ISLAMISTISK', 'FATAL', 'FATAL', 'OKAND', 'OKAND'],
      // Said of the three environments together: "Några av dessa …", travel "inte i någon
      // större utsträckning".
      ['OSPECIFICERAD', 'OKAND', 'OKAND', 'NAGRA', 'FATAL'],
    ]);
    for (const b of p.bedomningar) {
      expect(b).toMatchObject({
        period: '2016-H2',
        version: 1,
        ersatt: false,
        publicerad: '2016-12',
        utgivare: 'Polisens underrättelseenhet, lokalpolisområde Norrmalm',
      });
      expect(b.text).toContain('förekommer inte i någon större utsträckning');
    }
  });

  it('2016: the events of the year, with places, group and violence as the document gives them', async () => {
    const p = await polisLage('2016');
    // Six is above the threshold: a number even for this reader without a role.
    expect(p.handelserAntal).toEqual({ antal: 6, visning: '6' });
    const byId = Object.fromEntries(p.handelser.map((h) => [h.id, h]));
    expect(byId['norrmalm-2016-01-attack-centralen-sergels-torg']).toMatchObject({
      typ: 'ATTACK',
      period: '2016-01',
      vald: true,
      platser: [{ id: 'centralstationen' }, { id: 'sergels-torg' }],
    });
    expect(byId['norrmalm-2016-11-nmr-demonstration']).toMatchObject({
      typ: 'DEMONSTRATION',
      period: '2016-11',
      vald: true,
      miljo: 'VIT_MAKT',
      gruppering: { namn: 'Nordiska Motståndsrörelsen' },
    });
    expect(byId['norrmalm-2016-11-motdemonstration']).toMatchObject({
      typ: 'MOTDEMONSTRATION',
      vald: true,
    });
    expect(
      p.handelser.filter((h) => h.period === '2016').map((h) => [h.typ, h.vald, h.platser]),
    ).toEqual([
      ['DEMONSTRATION', null, []],
      ['MOTDEMONSTRATION', null, []],
      ['ORO', null, []],
    ]);
  });

  it('2016-H2 sees the assessment and the November events; 2016-H1 has no assessment, only the year’s records', async () => {
    const h2 = await polisLage('2016-H2');
    expect(h2.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(h2.handelser.map((h) => h.period)).toEqual(['2016-11', '2016-11']);
    const h1 = await polisLage('2016-H1');
    // No assessment, but the January attack is an event of the half-year: reported, counted.
    expect(h1.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(h1.bedomningar).toEqual([]);
    expect(h1.publicerad).toBeNull();
    expect(h1.handelser.map((h) => h.id)).toEqual([
      'norrmalm-2016-01-attack-centralen-sergels-torg',
    ]);
  });

  it('2017: the truck attack, but no assessment published — the event is reported, so RAPPORTERAT', async () => {
    const p = await polisLage('2017');
    expect(p.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(p.bedomningar).toEqual([]);
    expect(p.handelser).toEqual([
      expect.objectContaining({
        id: 'norrmalm-2017-04-07-lastbilsattack',
        typ: 'TERRORDAD',
        datum: '2017-04-07',
        platser: [{ id: 'drottninggatan' }],
      }),
    ]);
  });

  it('2010: the bombing at Olof Palmes gata and Bryggargatan, investigated as attempted terrorism', async () => {
    const p = await polisLage('2010-12');
    expect(p.handelser).toEqual([
      expect.objectContaining({
        typ: 'TERRORDAD',
        datum: '2010-12-11',
        vald: true,
        platser: [{ id: 'bryggargatan' }, { id: 'olof-palmes-gata' }],
      }),
    ]);
  });

  it('MiljoLage: each environment its police levels; null ("Ej bedömd") where the police have not assessed it', async () => {
    const { body } = await s.gql<{ _entities: { miljo: string; polis: unknown }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on MiljoLage { miljo polis { rapporteringsstatus bosatta folkbokforda utsattaForBrott resor bedomningsperiod handelserAntal { antal } grovrePeriod } }
      } }`,
      { r: MILJO_ORDER.map((m) => miljoLage('2016', m)) },
      RADET,
    );
    expect(body.errors).toBeUndefined();
    // Not assessed in a period the police reported for: no levels — not OKAND (an
    // assessment) — and no events, a reported 0.
    const ejBedomd = {
      rapporteringsstatus: 'RAPPORTERAT_NOLL',
      bosatta: null,
      folkbokforda: null,
      utsattaForBrott: null,
      resor: null,
      bedomningsperiod: null,
      handelserAntal: { antal: 0 },
      grovrePeriod: null,
    };
    const assessed = {
      ...ejBedomd,
      rapporteringsstatus: 'RAPPORTERAT',
      bosatta: 'OKAND',
      folkbokforda: 'OKAND',
      utsattaForBrott: 'OKAND',
      resor: 'OKAND',
      bedomningsperiod: '2016-H2',
      handelserAntal: { antal: 0 },
    };
    expect(body.data!._entities).toEqual([
      {
        miljo: 'VIT_MAKT',
        polis: { ...assessed, bosatta: 'FATAL', handelserAntal: { antal: 1 } },
      },
      { miljo: 'AUTONOMA', polis: { ...assessed, bosatta: 'FATAL' } },
      { miljo: 'ISLAMISTISK', polis: { ...assessed, bosatta: 'FATAL', folkbokforda: 'FATAL' } },
      { miljo: 'ENSAMAGERANDE', polis: ejBedomd },
      { miljo: 'ANTIDEMOKRATISK', polis: ejBedomd },
      {
        miljo: 'OSPECIFICERAD',
        polis: {
          ...assessed,
          utsattaForBrott: 'NAGRA',
          resor: 'FATAL',
          handelserAntal: { antal: 5 },
        },
      },
    ]);
  });

  describe('what a number means: reported, reported for the longer half-year, not reported', () => {
    const SEKTION = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild {
      period
      polis {
        rapporteringsstatus handelserAntal { antal visning } grovrePeriod
        bedomningar { period miljo } handelser { id }
        grovre { rapporteringsstatus handelserAntal { antal } grovrePeriod bedomningar { period miljo } }
      }
    } } }`;
    const RADER = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MiljoLage {
      miljo
      polis {
        rapporteringsstatus bosatta folkbokforda utsattaForBrott resor bedomningsperiod
        handelserAntal { antal visning } grovrePeriod
        grovre { rapporteringsstatus bosatta resor bedomningsperiod handelserAntal { antal } grovrePeriod }
      }
    } } }`;

    interface Sektion {
      rapporteringsstatus: string;
      handelserAntal: { antal: number | null; visning: string } | null;
      grovrePeriod: string | null;
      bedomningar: { period: string; miljo: string }[];
      handelser: { id: string }[];
      grovre: Record<string, unknown> | null;
    }

    async function sektion(period: string, headers: Record<string, string> = RADET) {
      const { body } = await s.gql<{ _entities: { polis: Sektion }[] }>(
        SEKTION,
        { r: [lagesbild('norrmalm', period)] },
        headers,
      );
      expect(body.errors).toBeUndefined();
      return body.data!._entities[0]!.polis;
    }

    async function rader(period: string, headers: Record<string, string> = RADET) {
      const { body } = await s.gql<{
        _entities: { miljo: string; polis: Record<string, unknown> }[];
      }>(RADER, { r: MILJO_ORDER.map((m) => miljoLage(period, m)) }, headers);
      expect(body.errors).toBeUndefined();
      return Object.fromEntries(body.data!._entities.map((e) => [e.miljo, e.polis]));
    }

    const ejRapporterad = {
      rapporteringsstatus: 'EJ_RAPPORTERAT',
      bosatta: null,
      folkbokforda: null,
      utsattaForBrott: null,
      resor: null,
      bedomningsperiod: null,
      handelserAntal: null,
      grovrePeriod: null,
      grovre: null,
    };

    it.each(['2015', '2030'])(
      '%s: nothing published — EJ_RAPPORTERAT, every count and level null, never 0 or OKAND',
      async (period) => {
        expect(await sektion(period)).toEqual({
          rapporteringsstatus: 'EJ_RAPPORTERAT',
          handelserAntal: null,
          grovrePeriod: null,
          bedomningar: [],
          handelser: [],
          grovre: null,
        });
        const r = await rader(period);
        for (const m of MILJO_ORDER) expect(r[m]).toEqual(ejRapporterad);
      },
    );

    it('2016 as today: six events, the H2 assessment inside the year, no longer period', async () => {
      const p = await sektion('2016');
      expect(p).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT',
        handelserAntal: { antal: 6, visning: '6' },
        grovrePeriod: null,
        grovre: null,
      });
      expect(p.bedomningar).toHaveLength(4);
      expect(p.handelser).toHaveLength(6);
    });

    it('2016-H2: the assessment is the half-year’s own; the November events count, the year-dated ones do not', async () => {
      const p = await sektion('2016-H2');
      // The three events dated only to 2016 are not counted into H2; grovre shows the year.
      expect(p).toEqual({
        rapporteringsstatus: 'RAPPORTERAT',
        handelserAntal: { antal: 2, visning: '2' },
        grovrePeriod: '2016',
        bedomningar: ['VIT_MAKT', 'AUTONOMA', 'ISLAMISTISK', 'OSPECIFICERAD'].map((miljo) => ({
          period: '2016-H2',
          miljo,
        })),
        handelser: [
          { id: 'norrmalm-2016-11-motdemonstration' },
          { id: 'norrmalm-2016-11-nmr-demonstration' },
        ],
        grovre: {
          rapporteringsstatus: 'RAPPORTERAT',
          handelserAntal: { antal: 6 },
          grovrePeriod: null,
          bedomningar: ['VIT_MAKT', 'AUTONOMA', 'ISLAMISTISK', 'OSPECIFICERAD'].map((miljo) => ({
            period: '2016-H2',
            miljo,
          })),
        },
      });
      const r = await rader('2016-H2');
      expect(r.VIT_MAKT).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT',
        bosatta: 'FATAL',
        bedomningsperiod: '2016-H2',
        handelserAntal: { antal: 1, visning: '1' },
        grovrePeriod: '2016',
      });
      expect(r.OSPECIFICERAD).toMatchObject({ handelserAntal: { antal: 1, visning: '1' } });
      expect(r.AUTONOMA).toMatchObject({ handelserAntal: { antal: 0, visning: '0' } });
      // The police reported for H2: an environment it did not assess has no levels and 0 events.
      // The year, which the police reported for too, is beside it: also 0, not assessed.
      const ejBedomdNoll = {
        rapporteringsstatus: 'RAPPORTERAT_NOLL',
        bosatta: null,
        resor: null,
        bedomningsperiod: null,
        handelserAntal: { antal: 0 },
      };
      expect(r.ENSAMAGERANDE).toEqual({
        ...ejRapporterad,
        rapporteringsstatus: 'RAPPORTERAT_NOLL',
        handelserAntal: { antal: 0, visning: '0' },
        grovrePeriod: '2016',
        grovre: { ...ejBedomdNoll, grovrePeriod: null },
      });
    });

    it('2016-Q3: inside the assessed half-year — RAPPORTERAT_GROVRE_PERIOD, the half-year under grovre', async () => {
      expect(await sektion('2016-Q3')).toEqual({
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        handelserAntal: null,
        grovrePeriod: '2016-H2',
        bedomningar: [],
        handelser: [],
        grovre: {
          rapporteringsstatus: 'RAPPORTERAT',
          handelserAntal: { antal: 2 },
          grovrePeriod: '2016',
          bedomningar: ['VIT_MAKT', 'AUTONOMA', 'ISLAMISTISK', 'OSPECIFICERAD'].map((miljo) => ({
            period: '2016-H2',
            miljo,
          })),
        },
      });
      const r = await rader('2016-Q3');
      const grovreRad = {
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        bosatta: null,
        folkbokforda: null,
        utsattaForBrott: null,
        resor: null,
        bedomningsperiod: null,
        handelserAntal: null,
        grovrePeriod: '2016-H2',
      };
      expect(r.VIT_MAKT).toEqual({
        ...grovreRad,
        grovre: {
          rapporteringsstatus: 'RAPPORTERAT',
          bosatta: 'FATAL',
          resor: 'OKAND',
          bedomningsperiod: '2016-H2',
          handelserAntal: { antal: 1 },
          grovrePeriod: '2016',
        },
      });
      expect(r.OSPECIFICERAD).toEqual({
        ...grovreRad,
        grovre: {
          rapporteringsstatus: 'RAPPORTERAT',
          bosatta: 'OKAND',
          resor: 'FATAL',
          bedomningsperiod: '2016-H2',
          handelserAntal: { antal: 1 },
          grovrePeriod: '2016',
        },
      });
      // The half-year's assessment says nothing of these two: not assessed, in Q3 as in H2;
      // the police reported for H2, so H2's row (0 events, no levels) is under grovre.
      for (const m of ['ENSAMAGERANDE', 'ANTIDEMOKRATISK']) {
        expect(r[m]).toEqual({
          ...ejRapporterad,
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          grovrePeriod: '2016-H2',
          grovre: {
            rapporteringsstatus: 'RAPPORTERAT_NOLL',
            bosatta: null,
            resor: null,
            bedomningsperiod: null,
            handelserAntal: { antal: 0 },
            grovrePeriod: '2016',
          },
        });
      }
    });

    it('2016-W45: a week inside November walks past the month (events, no assessment) to the half-year’s levels', async () => {
      const r = await rader('2016-W45');
      expect(r.VIT_MAKT).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        bosatta: null,
        grovrePeriod: '2016-H2',
        grovre: { bosatta: 'FATAL', bedomningsperiod: '2016-H2' },
      });
    });

    it('2016-Q4: the November events are the quarter’s own and counted; the half-year’s assessment is under grovre', async () => {
      const p = await sektion('2016-Q4');
      expect(p).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT',
        handelserAntal: { antal: 2 },
        grovrePeriod: '2016-H2',
        grovre: { rapporteringsstatus: 'RAPPORTERAT', handelserAntal: { antal: 2 } },
      });
      expect(p.handelser.map((h) => h.id)).toEqual([
        'norrmalm-2016-11-motdemonstration',
        'norrmalm-2016-11-nmr-demonstration',
      ]);
    });

    it('to a reader not cleared for the police’s live data: no section and no row, at any period', async () => {
      const ejBehoriga: Record<string, string>[] = [
        {},
        { 'x-lagesbild-roller': 'SKOLA' },
        { 'x-lagesbild-roller': 'SAMVERKANSPART' },
      ];
      for (const headers of ejBehoriga) {
        for (const period of ['2016', '2016-H2', '2016-11', '2016-W45']) {
          const { body } = await s.gql<{ _entities: { polis: unknown }[] }>(
            SEKTION,
            { r: [lagesbild('norrmalm', period)] },
            headers,
          );
          expect(body.data!._entities).toEqual([{ period, polis: null }]);
          const rader = await s.gql<{ _entities: { miljo: string; polis: unknown }[] }>(
            RADER,
            { r: MILJO_ORDER.map((m) => miljoLage(period, m)) },
            headers,
          );
          expect(rader.body.data!._entities.map((e) => e.polis)).toEqual(Array(6).fill(null));
          for (const e of [...(body.errors ?? []), ...(rader.body.errors ?? [])]) {
            expect(e.extensions).toEqual({ code: 'FORBIDDEN', kalla: 'polis' });
          }
          expect((body.errors ?? []).length + (rader.body.errors ?? []).length).toBe(7);
        }
      }
      // The coordinator is cleared for the police's figures: the numbers, never "fåtal".
      const r = await rader('2016', { 'x-lagesbild-roller': 'SAMORDNARE' });
      expect(r.VIT_MAKT!.handelserAntal).toEqual({ antal: 1, visning: '1' });
      expect(r.OSPECIFICERAD!.handelserAntal).toEqual({ antal: 5, visning: '5' });
    });
  });

  it('Plats.handelser: a period filter, and with medDelar the events at the parts the gateway sends in omfattar, each once', async () => {
    const { body } = await s.gql<{ _entities: Record<string, { id: string }[] | string>[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Plats {
        id
        alla: handelser { id }
        medDelar: handelser(medDelar: true) { id }
        ar2017: handelser(period: "2017", medDelar: true) { id }
        h2: handelser(period: "2016-H2", medDelar: true) { id }
        januari: handelser(period: "2016-01") { id }
      } } }`,
      {
        r: [
          // As the gateway sends it after asking förvaltning for omfattar (@requires).
          {
            __typename: 'Plats',
            id: 'sergels-torg',
            omfattar: ['sergels-torg', 'drottninggatan', 'centralstationen'],
          },
          {
            __typename: 'Plats',
            id: 'olof-palmes-gata',
            omfattar: ['olof-palmes-gata', 'bryggargatan'],
          },
          // A register that lists no parts: the place itself.
          { __typename: 'Plats', id: 'bryggargatan' },
        ],
      },
      RADET,
    );
    expect(body.errors).toBeUndefined();
    const ids = (lista: unknown) => (lista as { id: string }[]).map((h) => h.id);
    const [sergel, palme, brygg] = body.data!._entities;
    expect(ids(sergel!.alla)).toEqual(['norrmalm-2016-01-attack-centralen-sergels-torg']);
    // The January attack was at two of the places: listed once, then the truck attack.
    expect(ids(sergel!.medDelar)).toEqual([
      'norrmalm-2016-01-attack-centralen-sergels-torg',
      'norrmalm-2017-04-07-lastbilsattack',
    ]);
    expect(ids(sergel!.ar2017)).toEqual(['norrmalm-2017-04-07-lastbilsattack']);
    expect(ids(sergel!.h2)).toEqual([]);
    expect(ids(sergel!.januari)).toEqual(['norrmalm-2016-01-attack-centralen-sergels-torg']);
    expect(ids(palme!.medDelar)).toEqual(['norrmalm-2010-12-11-bombdad']);
    expect(ids(palme!.ar2017)).toEqual([]);
    expect(ids(brygg!.medDelar)).toEqual(['norrmalm-2010-12-11-bombdad']);
  });

  it('potential targets are SKYDDAD: a role without that clearance is refused, POLIS sees both', async () => {
    const r = [lagesbild('norrmalm', '2016')];
    // The council is cleared for the police's live data, not for SKYDDAD records.
    const radet = await s.gql(MALTAVLOR, { r }, RADET);
    expect(radet.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(radet.body.errors?.[0]?.message).toMatch(/PolisLage\.maltavlor.*klassning:skyddad/);
    // A reader without a role is refused the section itself.
    const utan = await s.gql(MALTAVLOR, { r }, {});
    expect(utan.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', kalla: 'polis' });
    const { body } = await s.gql<{
      _entities: { polis: { maltavlor: Record<string, unknown>[] } }[];
    }>(MALTAVLOR, { r }, POLIS);
    expect(body.data!._entities[0]!.polis.maltavlor).toEqual([
      { namn: 'Drottninggatan', klassning: 'SKYDDAD', plats: { id: 'drottninggatan' } },
      {
        namn: 'Maktcentra och infrastruktur i centrala Stockholm',
        klassning: 'SKYDDAD',
        plats: null,
      },
    ]);
  });

  it('Omrade: the groups, with where the citizens’ guard patrolled, and the events of a period', async () => {
    const { body } = await s.gql<{
      _entities: {
        grupperingar: Record<string, unknown>[];
        handelser: { id: string }[];
      }[];
    }>(
      `{ _entities(representations: [{ __typename: "Omrade", id: "norrmalm" }]) {
        ... on Omrade {
          grupperingar { namn miljo valdsbejakande aktivPa { id } handelser { id } }
          handelser(period: "2016-11") { id }
        }
      } }`,
      {},
      RADET,
    );
    expect(body.errors).toBeUndefined();
    const o = body.data!._entities[0]!;
    expect(o.grupperingar).toEqual([
      {
        namn: 'Nordiska Motståndsrörelsen',
        miljo: 'VIT_MAKT',
        valdsbejakande: true,
        aktivPa: [],
        handelser: [{ id: 'norrmalm-2016-11-nmr-demonstration' }],
      },
      {
        namn: 'Självutnämnt medborgargarde',
        miljo: 'ANTIDEMOKRATISK',
        valdsbejakande: false,
        aktivPa: [{ id: 'klara' }, { id: 'sergels-torg' }],
        handelser: [],
      },
      {
        namn: 'Supportergrupperingar kopplade till huliganism',
        miljo: 'ANTIDEMOKRATISK',
        valdsbejakande: false,
        aktivPa: [],
        handelser: [],
      },
    ]);
    expect(o.handelser.map((h) => h.id)).toEqual([
      'norrmalm-2016-11-motdemonstration',
      'norrmalm-2016-11-nmr-demonstration',
    ]);
  });

  const PLATS_IDS = [
    'drottninggatan',
    'sergels-torg',
    'centralstationen',
    'olof-palmes-gata',
    'bryggargatan',
    'klara',
    'okand-plats',
  ];
  const EXPECTED_AT: Record<string, string[]> = {
    drottninggatan: ['norrmalm-2017-04-07-lastbilsattack'],
    'sergels-torg': ['norrmalm-2016-01-attack-centralen-sergels-torg'],
    centralstationen: ['norrmalm-2016-01-attack-centralen-sergels-torg'],
    'olof-palmes-gata': ['norrmalm-2010-12-11-bombdad'],
    bryggargatan: ['norrmalm-2010-12-11-bombdad'],
  };

  it.each([3, 20, 100])('Plats.handelser for %i places costs one SQL statement', async (n) => {
    const ids = Array.from({ length: n }, (_, i) => PLATS_IDS[i % PLATS_IDS.length]!);
    await s.resetSql();
    const { body } = await s.gql<{ _entities: { id: string; handelser: { id: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Plats { id handelser { id } } } }`,
      { r: ids.map((id) => ({ __typename: 'Plats', id })) },
      RADET,
    );
    expect(await s.sqlStatements()).toBe(1);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((p) => p.handelser.map((h) => h.id))).toEqual(
      ids.map((id) => EXPECTED_AT[id] ?? []),
    );
  });

  it.each([1, 5, 20])(
    '%i pictures: status, levels per environment and counts in one statement, lists in one each',
    async (n) => {
      const periods = Array.from(
        { length: n },
        (_, i) => ['2016', '2016-H2', '2017', '2015'][i % 4]!,
      );
      await s.resetSql();
      const { body } = await s.gql<{ _entities: unknown[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild {
        polis { rapporteringsstatus handelserAntal { antal } }
      } } }`,
        { r: periods.map((p) => lagesbild('norrmalm', p)) },
        RADET,
      );
      expect(body.errors).toBeUndefined();
      // The summary; and, once any period has no assessment of its own (2017, 2015), one
      // more for whether a longer half-year has one.
      expect(await s.sqlStatements()).toBe(n === 1 ? 1 : 2);

      await s.resetSql();
      const lists = await s.gql(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild {
        polis { bedomningar { miljo } handelser { id platser { id } gruppering { namn } } }
      } } }`,
        { r: periods.map((p) => lagesbild('norrmalm', p)) },
        RADET,
      );
      expect(lists.body.errors).toBeUndefined();
      // assessments, events, then their places and their groups: one statement each.
      expect(await s.sqlStatements()).toBe(4);

      await s.resetSql();
      const rows = await s.gql(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MiljoLage { polis { bosatta handelserAntal { antal } } } } }`,
        { r: periods.flatMap((p) => MILJO_ORDER.map((m) => miljoLage(p, m))) },
        RADET,
      );
      expect(rows.body.errors).toBeUndefined();
      expect(await s.sqlStatements()).toBe(1);
    },
  );
});

const KANDA =
  'Kända områden: bromma, enskede-arsta-vantor, farsta, hagersten-alvsjo, ' +
  'hasselby-vallingby, kungsholmen, norrmalm, ostermalm, rinkeby-kista, skarholmen, ' +
  'skarpnack, sodermalm, spanga-tensta.';

const PUBLICERA = `mutation ($input: PubliceraBedomningInput!) {
  publiceraBedomning(input: $input) { id period miljo version ersatt bosatta resor publicerad utgivare }
}`;

const HISTORIK = `query ($p: Period!) {
  polisBedomningar(omrade: "norrmalm", period: $p, historik: true) { id miljo version ersatt ersattAv bosatta }
}`;

describe('polis, publiceraBedomning', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(polis);
  });
  afterAll(() => s?.stop());

  const valid = {
    omradeId: 'norrmalm',
    period: '2016-H2',
    miljo: 'VIT_MAKT',
    bosatta: 'NAGRA',
    text: 'Uppdaterad bedömning: några individer ur vit makt-miljön är bosatta i området.',
    publicerad: '2017-01-15',
  };

  it('publishing again makes version 2 current and keeps version 1, marked superseded', async () => {
    const before = await s.countRows('bedomning');
    const { body } = await s.gql<{ publiceraBedomning: Record<string, unknown> }>(
      PUBLICERA,
      { input: valid },
      POLIS,
    );
    expect(body.errors).toBeUndefined();
    const v2 = body.data!.publiceraBedomning;
    expect(v2).toMatchObject({
      period: '2016-H2',
      miljo: 'VIT_MAKT',
      version: 2,
      ersatt: false,
      bosatta: 'NAGRA',
      utgivare: 'Polisens underrättelseenhet, lokalpolisområde Norrmalm',
    });
    expect(await s.countRows('bedomning')).toBe(before + 1);

    const history = await s.gql<{ polisBedomningar: Record<string, unknown>[] }>(
      HISTORIK,
      { p: '2016-H2' },
      RADET,
    );
    expect(history.body.data!.polisBedomningar.filter((b) => b.miljo === 'VIT_MAKT')).toEqual([
      {
        id: 'norrmalm-2016-h2-vit_makt-v1',
        miljo: 'VIT_MAKT',
        version: 1,
        ersatt: true,
        ersattAv: v2.id,
        bosatta: 'FATAL',
      },
      { id: v2.id, miljo: 'VIT_MAKT', version: 2, ersatt: false, ersattAv: null, bosatta: 'NAGRA' },
    ]);

    // Reads show the current one: the year's picture and the environment's row.
    const { body: picture } = await s.gql<{
      _entities: [
        { polis: { bedomningar: { miljo: string; version: number }[] } },
        { polis: { bosatta: string } },
      ];
    }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Lagesbild { polis { bedomningar { miljo version } } }
        ... on MiljoLage { polis { bosatta } }
      } }`,
      { r: [lagesbild('norrmalm', '2016'), miljoLage('2016', 'VIT_MAKT')] },
      RADET,
    );
    const [lage, rad] = picture.data!._entities;
    expect(lage.polis.bedomningar.filter((b) => b.miljo === 'VIT_MAKT')).toEqual([
      { miljo: 'VIT_MAKT', version: 2 },
    ]);
    expect(lage.polis.bedomningar).toHaveLength(4);
    expect(rad.polis.bosatta).toBe('NAGRA');
  });

  it('levels left out of a new version are carried over from the version it replaces', async () => {
    const levels = `query ($p: Period!) {
      polisBedomningar(omrade: "norrmalm", period: $p) { miljo version bosatta folkbokforda utsattaForBrott resor }
    }`;
    const current = async () =>
      (
        await s.gql<{ polisBedomningar: Record<string, unknown>[] }>(
          levels,
          { p: '2016-H2' },
          RADET,
        )
      ).body.data!.polisBedomningar.find((b) => b.miljo === 'ISLAMISTISK')!;
    const before = await current();
    // The seed's version has known levels, so carrying over is visible (not OKAND).
    expect([before.folkbokforda, before.utsattaForBrott, before.resor]).not.toEqual([
      'OKAND',
      'OKAND',
      'OKAND',
    ]);
    const { body } = await s.gql(
      PUBLICERA,
      { input: { ...valid, miljo: 'ISLAMISTISK', bosatta: 'INGA' } },
      POLIS,
    );
    expect(body.errors).toBeUndefined();
    expect(await current()).toEqual({
      ...before,
      version: (before.version as number) + 1,
      bosatta: 'INGA',
    });
  });

  it('a first assessment for a new half-year, all INGA, reads as RAPPORTERAT_NOLL', async () => {
    const { body } = await s.gql<{ publiceraBedomning: { version: number } }>(
      PUBLICERA,
      {
        input: {
          omradeId: 'norrmalm',
          period: '2015-H1',
          miljo: 'AUTONOMA',
          bosatta: 'INGA',
          folkbokforda: 'INGA',
          utsattaForBrott: 'INGA',
          resor: 'INGA',
          text: 'Polisen har inga uppgifter om förekomst under perioden.',
          publicerad: '2015-06',
        },
      },
      { 'x-lagesbild-roller': 'ADMIN' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.publiceraBedomning.version).toBe(1);
    const { body: picture } = await s.gql<{
      _entities: { polis: { rapporteringsstatus: string } }[];
    }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild { polis { rapporteringsstatus } } } }`,
      { r: [lagesbild('norrmalm', '2015'), lagesbild('norrmalm', '2014')] },
      RADET,
    );
    expect(picture.data!._entities.map((e) => e.polis.rapporteringsstatus)).toEqual([
      'RAPPORTERAT_NOLL',
      'EJ_RAPPORTERAT',
    ]);
  });

  it.each([
    [
      'a period that is not a half-year',
      { period: '2016' },
      'Polisens lägesbild publiceras per halvår; "2016" är inget halvår.',
      [{ field: 'period', reason: 'ange ett halvår, t.ex. "2016-H2"' }],
    ],
    [
      'a publication date that does not exist',
      { publicerad: '2017-02-30' },
      'Ogiltigt publiceringsdatum "2017-02-30": datumet finns inte i kalendern',
      [{ field: 'publicerad', reason: 'datumet finns inte i kalendern' }],
    ],
    [
      'a publication date in the future',
      { publicerad: '2999-01' },
      'Ogiltigt publiceringsdatum "2999-01": datumet ligger i framtiden',
      [{ field: 'publicerad', reason: 'datumet ligger i framtiden' }],
    ],
    [
      'a half-year that has not begun',
      { period: '2031-H1' },
      'Ogiltig indata: period – Perioden 2031-H1 har inte börjat; det går inte att rapportera för den ännu.',
      [
        {
          field: 'period',
          reason: 'Perioden 2031-H1 har inte börjat; det går inte att rapportera för den ännu.',
        },
      ],
    ],
    [
      'a publication date before its period starts',
      { publicerad: '2016-06-30' },
      'Ogiltigt publiceringsdatum "2016-06-30": perioden 2016-H2 börjar 2016-07-01; en bedömning kan inte publiceras innan dess',
      [
        {
          field: 'publicerad',
          reason: 'perioden 2016-H2 börjar 2016-07-01; en bedömning kan inte publiceras innan dess',
        },
      ],
    ],
    [
      'a publication month before its period starts',
      { publicerad: '2016-06' },
      'Ogiltigt publiceringsdatum "2016-06": perioden 2016-H2 börjar 2016-07-01; en bedömning kan inte publiceras innan dess',
      [
        {
          field: 'publicerad',
          reason: 'perioden 2016-H2 börjar 2016-07-01; en bedömning kan inte publiceras innan dess',
        },
      ],
    ],
    [
      'a personnummer in the text',
      { text: 'Uppgift om 19121212-1212 i området.' },
      undefined,
      [
        {
          field: 'text',
          reason:
            'texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        },
      ],
    ],
  ])('refuses %s: BAD_USER_INPUT, nothing written', async (_label, change, message, fields) => {
    const before = await s.countRows('bedomning');
    const { body } = await s.gql(PUBLICERA, { input: { ...valid, ...change } }, POLIS);
    const error = onlyError(body, 'BAD_USER_INPUT');
    if (message) expect(error.message).toBe(message);
    expect(error.extensions?.fields).toEqual(fields);
    expect(await s.countRows('bedomning')).toBe(before);
  });

  it('refuses an area no one knows, and reads none (issue 15, item 3)', async () => {
    const before = await s.countRows('bedomning');
    const { body } = await s.gql(PUBLICERA, { input: { ...valid, omradeId: 'finns-inte' } }, POLIS);
    expect(onlyError(body, 'BAD_USER_INPUT').message).toBe(
      `Ogiltig indata: omradeId – Okänt område "finns-inte". ${KANDA}`,
    );
    expect(await s.countRows('bedomning')).toBe(before);
    const las = await s.gql(
      '{ polisBedomningar(omrade: "finns-inte", period: "2016") { id } }',
      {},
      POLIS,
    );
    // The field is nullable (FORBIDDEN answers null): the area's error beside a null.
    expect(las.body.data).toEqual({ polisBedomningar: null });
    expect(las.body.errors).toHaveLength(1);
    const fel = las.body.errors![0]!;
    expect(fel.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fel.message).toBe(`Okänt område "finns-inte". ${KANDA}`);
    expect(fel.extensions?.kandaOmraden).toContain('norrmalm');
    // A known area as a reader may type it.
    const versaler = await s.gql(
      '{ polisBedomningar(omrade: "Norrmalm", period: "2016-H2") { id } }',
      {},
      POLIS,
    );
    expect(versaler.body.errors).toBeUndefined();
    expect(
      (versaler.body.data as { polisBedomningar: unknown[] }).polisBedomningar.length,
    ).toBeGreaterThan(0);
  });

  it('without a token UNAUTHENTICATED, as RADET FORBIDDEN; nothing written', async () => {
    const before = await s.countRows('bedomning');
    onlyError(
      (await s.gql(PUBLICERA, { input: valid }, { authorization: '' })).body,
      'UNAUTHENTICATED',
    );
    onlyError((await s.gql(PUBLICERA, { input: valid })).body, 'FORBIDDEN');
    onlyError((await s.gql(PUBLICERA, { input: valid }, RADET)).body, 'FORBIDDEN');
    expect(await s.countRows('bedomning')).toBe(before);
  });
});

const REGISTRERA = `mutation ($input: RegistreraHandelseInput!) {
  registreraHandelse(input: $input) { id period datum typ vald miljo platser { id } gruppering { namn } }
}`;

describe('polis, registreraHandelse', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(polis);
  });
  afterAll(() => s?.stop());

  const valid = {
    omradeId: 'norrmalm',
    datum: '2017-05-06',
    typ: 'DEMONSTRATION',
    rubrik: 'Demonstration på Sergels torg',
    beskrivning: 'Tillståndsgiven demonstration, inga oroligheter.',
    platser: ['Sergels Torg', 'sergels torg'],
    miljo: 'VIT_MAKT',
    vald: false,
    grupperingId: 'norrmalm-gruppering-nmr',
  };

  it('registers an event at a place, which then shows at the place and in the month', async () => {
    const before = await s.countRows('handelse');
    const { body } = await s.gql<{ registreraHandelse: Record<string, unknown> }>(
      REGISTRERA,
      { input: valid },
      POLIS,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.registreraHandelse).toMatchObject({
      period: '2017-05-06',
      datum: '2017-05-06',
      typ: 'DEMONSTRATION',
      vald: false,
      miljo: 'VIT_MAKT',
      platser: [{ id: 'sergels-torg' }],
      gruppering: { namn: 'Nordiska Motståndsrörelsen' },
    });
    expect(await s.countRows('handelse')).toBe(before + 1);
    const { body: read } = await s.gql<{
      _entities: [{ handelser: { rubrik: string }[] }, { handelser: { rubrik: string }[] }];
    }>(
      `{ _entities(representations: [{ __typename: "Plats", id: "sergels-torg" }, { __typename: "Omrade", id: "norrmalm" }]) {
      ... on Plats { handelser { rubrik } }
      ... on Omrade { handelser(period: "2017-05") { rubrik } }
    } }`,
      {},
      RADET,
    );
    expect(read.data!._entities[0].handelser.map((h) => h.rubrik)).toEqual([
      'Koordinerad våldsam attack vid Centralstationen och Sergels torg',
      'Demonstration på Sergels torg',
    ]);
    expect(read.data!._entities[1].handelser).toEqual([
      { rubrik: 'Demonstration på Sergels torg' },
    ]);
  });

  it.each([
    ['both date and period', { period: '2017-05' }, 'datum'],
    ['an unknown group', { grupperingId: 'finns-inte' }, 'grupperingId'],
    ['a date in the future', { datum: '2999-01-01' }, 'datum'],
    ['a period that has not begun', { datum: null, period: '2030' }, 'period'],
    ['a date that does not exist', { datum: '2017-02-30' }, 'datum'],
    ['a place with no letters', { platser: ['--'] }, 'platser'],
    ['a personnummer in a place name', { platser: ['Gatan 121212-1212'] }, 'platser'],
  ])('refuses %s: BAD_USER_INPUT on that field, nothing written', async (_label, change, field) => {
    const before = {
      handelse: await s.countRows('handelse'),
      plats: await s.countRows('handelse_plats'),
    };
    const { body } = await s.gql(REGISTRERA, { input: { ...valid, ...change } }, POLIS);
    const error = onlyError(body, 'BAD_USER_INPUT');
    const fields = (error.extensions?.fields ?? []) as { field: string }[];
    expect(fields.map((f) => f.field)).toContain(field);
    expect({
      handelse: await s.countRows('handelse'),
      plats: await s.countRows('handelse_plats'),
    }).toEqual(before);
  });

  it('refuses an area no one knows (issue 15, item 3); nothing written', async () => {
    const before = await s.countRows('handelse');
    const { body } = await s.gql(
      REGISTRERA,
      { input: { ...valid, omradeId: 'finns-inte' } },
      POLIS,
    );
    expect(onlyError(body, 'BAD_USER_INPUT').message).toBe(
      `Ogiltig indata: omradeId – Okänt område "finns-inte". ${KANDA}`,
    );
    expect(await s.countRows('handelse')).toBe(before);
  });

  it('SAMORDNARE may not register police events', async () => {
    const before = await s.countRows('handelse');
    const { body } = await s.gql(
      REGISTRERA,
      { input: valid },
      { 'x-lagesbild-roller': 'SAMORDNARE' },
    );
    onlyError(body, 'FORBIDDEN');
    expect(await s.countRows('handelse')).toBe(before);
  });
});

describe('polis, import of the feed sample', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(polis);
  });
  afterAll(() => s?.stop());

  const skrivare = importkommandoSkrivare('import:kommando handelser polis');
  const logg = async () => {
    const { body } = await s.gql<{ granskningsloggPolis: Record<string, unknown>[] }>(
      '{ granskningsloggPolis(first: 1000) { subjekt roller operation typ vad requestId } }',
      {},
      { 'x-lagesbild-roller': 'ADMIN' },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.granskningsloggPolis;
  };

  it('imports the mapped rows once, skips the rest with reasons, and a second run adds nothing', async () => {
    const { readFile } = await import('node:fs/promises');
    const items = JSON.parse(await readFile(EXEMPEL, 'utf8')) as unknown;
    const before = await s.countRows('handelse');
    const em = s.running.orm.orm.em.fork();
    const first = await importHandelser(em, items, {
      omradeId: 'norrmalm',
      skrivare,
      kalla: 'handelser-exempel.json',
    });
    expect(first).toEqual({
      importerade: ['900001', '900002', '900003'],
      redanInlasta: [],
      overhoppade: [
        { id: '900004', skal: 'händelsetypen "Trafikolycka" hör inte till polisens lägesbild' },
        { id: '900005', skal: 'datumet 2018-02-30 finns inte i kalendern' },
        { id: '900002', skal: 'id:t förekommer flera gånger i filen' },
        {
          id: '900006',
          skal: 'texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        },
      ],
    });
    expect(await s.countRows('handelse')).toBe(before + 3);
    // One audit entry per imported event, none for a skipped one; the admin reads them.
    const entries = await logg();
    expect(entries.map((e) => e.vad).sort()).toEqual([
      'Handelse:polisen-900001 ny, handelser-exempel.json flödes-id 900001',
      'Handelse:polisen-900002 ny, handelser-exempel.json flödes-id 900002',
      'Handelse:polisen-900003 ny, handelser-exempel.json flödes-id 900003',
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({
        subjekt: expect.stringMatching(/^os:.+@.+/),
        roller: ['IMPORTKOMMANDO'],
        operation: 'import:kommando handelser polis',
        typ: 'SKRIVNING',
        requestId: skrivare.requestId,
      });
    }

    const second = await importHandelser(s.running.orm.orm.em.fork(), items, {
      omradeId: 'norrmalm',
      skrivare: importkommandoSkrivare('import:kommando handelser polis'),
    });
    expect(second.importerade).toEqual([]);
    expect(second.redanInlasta).toEqual(['900001', '900002', '900003']);
    expect(await s.countRows('handelse')).toBe(before + 3);
    // A run that writes nothing logs nothing.
    expect(await logg()).toHaveLength(3);

    const { body } = await s.gql<{ _entities: { handelser: Record<string, unknown>[] }[] }>(
      `{ _entities(representations: [{ __typename: "Omrade", id: "norrmalm" }]) {
        ... on Omrade { handelser(period: "2018-03") { datum typ vald miljo kallaId kallaUrl platsbeskrivning lat lon } }
      } }`,
      {},
      { 'x-lagesbild-roller': 'ANALYTIKER' },
    );
    expect(body.data!._entities[0]!.handelser).toEqual([
      {
        datum: '2018-03-10',
        typ: 'ORO',
        vald: null,
        miljo: 'OSPECIFICERAD',
        kallaId: 'polisen:900001',
        kallaUrl: 'https://polisen.se/exempel/handelser/900001',
        platsbeskrivning: 'Stockholm',
        lat: 59.332,
        lon: 18.064,
      },
      expect.objectContaining({
        datum: '2018-03-10',
        typ: 'ORO',
        vald: true,
        kallaId: 'polisen:900002',
      }),
      expect.objectContaining({
        datum: '2018-03-11',
        typ: 'ATTACK',
        vald: true,
        kallaId: 'polisen:900003',
        lat: null,
        lon: null,
      }),
    ]);
  });

  it('skips a personnummer in the feed however it is dashed, spaced or written in fullwidth digits', async () => {
    const items = [
      'Anmälaren 121212–1212 hördes', // en dash
      'Anmälaren 121212\u20111212 hördes', // non-breaking hyphen
      'Anmälaren 121212 - 1212 hördes',
      'Anmälaren １２１２１２-１２１２ hördes', // fullwidth digits
      'Anmälaren 19121212\u22121212 hördes', // the century and a minus sign
    ].map((summary, i) => ({
      id: 910001 + i,
      datetime: '2018-03-10 14:30:00 +01:00',
      name: '10 mars 14.30, Ordningslagen, Stockholm (EXEMPEL)',
      summary,
      url: `/exempel/handelser/${910001 + i}`,
      type: 'Ordningslagen',
      location: { name: 'Stockholm', gps: '59.332,18.064' },
    }));
    const before = await s.countRows('handelse');
    const loggat = await s.countRows('kit_granskningslogg');
    const result = await importHandelser(s.running.orm.orm.em.fork(), items, {
      omradeId: 'norrmalm',
      skrivare: importkommandoSkrivare('import:kommando handelser polis'),
    });
    expect(result.importerade).toEqual([]);
    expect(result.overhoppade).toEqual(
      items.map((item) => ({
        id: String(item.id),
        skal: 'texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
      })),
    );
    expect(await s.countRows('handelse')).toBe(before);
    expect(await s.countRows('kit_granskningslogg')).toBe(loggat);
  });

  it('the command imports into the configured database, twice, the second time adding nothing', async () => {
    const db = await createTestDatabase('polis-import');
    try {
      const run = () =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'src/import/cli.ts', 'data/handelser-exempel.json'],
          {
            cwd: fileURLToPath(new URL('..', import.meta.url)),
            env: { ...process.env, POLIS_DATABASE_URL: db.file },
            encoding: 'utf8',
          },
        );
      const first = run();
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('Importerade: 3\nRedan inlästa: 0\nÖverhoppade: 4');
      const second = run();
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('Importerade: 0\nRedan inlästa: 3\nÖverhoppade: 4');
      expect(second.stdout).toContain('900004: händelsetypen "Trafikolycka"');
      const { orm } = await createOrm({
        databaseUrl: db.file,
        entities: polis.entities,
        migrations: polis.migrations,
      });
      try {
        const entries = await orm.em
          .fork()
          .find(GranskningsloggPost, {}, { orderBy: { id: 'asc' } });
        expect(entries.map((e) => [e.roller, e.operation, e.vad])).toEqual(
          ['900001', '900002', '900003'].map((id) => [
            'IMPORTKOMMANDO',
            'import:kommando handelser polis',
            `Handelse:polisen-${id} ny, handelser-exempel.json flödes-id ${id}`,
          ]),
        );
        expect(new Set(entries.map((e) => e.requestId)).size).toBe(1);
      } finally {
        await orm.close();
      }
    } finally {
      await db.remove();
    }
  });

  it('an unknown area is refused before the file is read: the function throws, the command exits 3', async () => {
    const before = await s.countRows('handelse');
    await expect(
      importHandelser(s.running.orm.orm.em.fork(), [], { omradeId: 'finns-inte', skrivare }),
    ).rejects.toThrow(`Okänt område "finns-inte". ${KANDA}`);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/import/cli.ts', 'finns-inte.json', '--omrade', 'finns-inte'],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' },
    );
    expect(run.status).toBe(3);
    expect(run.stderr.trim()).toBe(`Okänt område "finns-inte". ${KANDA}`);
    expect(await s.countRows('handelse')).toBe(before);
  });

  it('a file that is not a list is refused and nothing is written', async () => {
    const before = await s.countRows('handelse');
    const loggat = await s.countRows('kit_granskningslogg');
    await expect(
      importHandelser(s.running.orm.orm.em.fork(), { id: 1 }, { omradeId: 'norrmalm', skrivare }),
    ).rejects.toThrow('Filen ska innehålla en JSON-lista');
    expect(await s.countRows('handelse')).toBe(before);
    expect(await s.countRows('kit_granskningslogg')).toBe(loggat);
  });
});
