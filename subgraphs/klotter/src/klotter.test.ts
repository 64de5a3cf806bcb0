import {
  type GqlBody,
  startTestSubgraph,
  type TestSubgraph,
} from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klotter } from './server';

const TK = { 'x-lagesbild-roller': 'TRAFIKKONTORET' };
const SISAB = { 'x-lagesbild-roller': 'SISAB' };
const ADMIN = { 'x-lagesbild-roller': 'ADMIN' };

function badInput(body: GqlBody<unknown>, field: string) {
  expect(body.errors).toHaveLength(1);
  const e = body.errors![0]!;
  expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  const fields = (e.extensions?.fields ?? []) as { field: string }[];
  expect(fields.map((f) => f.field)).toContain(field);
  expect(body.data ?? null).toBeNull();
  return e;
}

const SLA =
  'uppfyllt { antal } ejUppfyllt { antal } okant { antal } kanda { antal } totalt { antal } andelUppfyllt { andel visning }';

const LAGE = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Lagesbild {
      period
      klotter {
        rapporteringsstatus antal { antal } grovrePeriod
        perRapportor { rapportor rapporteringsstatus antal { antal } grovrePeriod }
        perKategori {
          rapportor kategori antal { antal }
          sanering { uppfyllt { antal } ejUppfyllt { antal } okant { antal } andelUppfyllt { andel visning } }
          paPlats { okant { antal } }
        }
        sanering { ${SLA} }
        paPlats { ${SLA} }
        anmalningar { totalt anmalningar { rapportorensId kategori miljo innehall platsText plats { id } slaSanering slaPaPlats status anmaldTid } }
        nollrapporter { rapportor period kommentar }
        grovre {
          rapporteringsstatus antal { antal } grovrePeriod
          perRapportor { rapportor rapporteringsstatus antal { antal } }
          sanering { kanda { antal } totalt { antal } }
        }
      }
    }
    ... on MiljoLage {
      miljo
      klotter { rapporteringsstatus antal { antal } grovrePeriod grovre { rapporteringsstatus antal { antal } } }
    }
  }
}`;

/** Counts come as SkyddatAntal; these tests select the number (as a cleared reporter). */
type N = { antal: number | null };
const n = (antal: number | null): N => ({ antal });

const lagesbild = (period: string) => ({ __typename: 'Lagesbild', omradeId: 'norrmalm', period });
const miljoLage = (period: string, miljo: string) => ({
  __typename: 'MiljoLage',
  omradeId: 'norrmalm',
  period,
  miljo,
});

type Sla = {
  uppfyllt: N;
  ejUppfyllt: N;
  okant: N;
  kanda: N;
  totalt: N;
  andelUppfyllt: { andel: number | null; visning: string };
};
type RapportorLage = {
  rapportor: string;
  rapporteringsstatus: string;
  antal: N | null;
  grovrePeriod?: string | null;
};

interface Klotter {
  rapporteringsstatus: string;
  antal: N | null;
  grovrePeriod: string | null;
  perRapportor: RapportorLage[];
  perKategori: {
    rapportor: string;
    kategori: string;
    antal: N;
    sanering: Omit<Sla, 'kanda' | 'totalt'>;
    paPlats: { okant: N };
  }[];
  sanering: Sla | null;
  paPlats: Sla | null;
  anmalningar: { totalt: number; anmalningar: Record<string, unknown>[] };
  nollrapporter: { rapportor: string; period: string; kommentar: string }[];
  grovre: {
    rapporteringsstatus: string;
    antal: N | null;
    grovrePeriod: string | null;
    perRapportor: RapportorLage[];
    sanering: { kanda: N; totalt: N } | null;
  } | null;
}

interface Lage {
  _entities: { period: string; klotter: Klotter }[];
}

type MiljoKlotter = {
  rapporteringsstatus: string;
  antal: N | null;
  grovrePeriod: string | null;
  grovre: { rapporteringsstatus: string; antal: N | null } | null;
};

const REGISTRERA = `mutation ($input: RegistreraKlotteranmalanInput!) {
  registreraKlotteranmalan(input: $input) {
    id period rapportorensId status slaSanering saneringMinuter slaPaPlats paPlatsArbetsminuter
    anmaldTid avropTid paPlatsTid borttagenTid plats { id } platsText
  }
}`;
const TIDER = `mutation ($input: RegistreraKlottertiderInput!) {
  registreraKlottertider(input: $input) {
    id status slaSanering saneringMinuter slaPaPlats paPlatsArbetsminuter borttagenTid
  }
}`;
const NOLL = `mutation ($input: IntygaNollrapportInput!) {
  intygaNollrapport(input: $input) { id rapportor period }
}`;

describe('klotter, the seeded picture', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(klotter);
  });
  afterAll(() => s?.stop());

  it("2016: trafikkontoret's four reports, SISAB's attested zero, MTR not reported", async () => {
    const { body } = await s.gql<Lage>(LAGE, { reps: [lagesbild('2016')] }, TK);
    expect(body.errors).toBeUndefined();
    const k = body.data!._entities[0]!.klotter;
    expect(k.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(k.antal).toEqual(n(4));
    // Nothing longer than the year was reported.
    expect(k.grovrePeriod).toBeNull();
    expect(k.grovre).toBeNull();
    expect(k.perRapportor).toEqual([
      {
        rapportor: 'TRAFIKKONTORET',
        rapporteringsstatus: 'RAPPORTERAT',
        antal: n(4),
        grovrePeriod: null,
      },
      {
        rapportor: 'SISAB',
        rapporteringsstatus: 'RAPPORTERAT_NOLL',
        antal: n(0),
        grovrePeriod: null,
      },
      // Not reported stays null, not a protected count.
      { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null, grovrePeriod: null },
    ]);
    const unknown = {
      uppfyllt: n(0),
      ejUppfyllt: n(0),
      okant: n(2),
      andelUppfyllt: { andel: null, visning: '–' },
    };
    expect(k.perKategori).toEqual([
      {
        rapportor: 'TRAFIKKONTORET',
        kategori: 'RASISTISKT',
        antal: n(2),
        sanering: unknown,
        paPlats: { okant: n(2) },
      },
      {
        rapportor: 'TRAFIKKONTORET',
        kategori: 'STOTANDE',
        antal: n(2),
        sanering: unknown,
        paPlats: { okant: n(2) },
      },
    ]);
    // The document gives no times: none of the four has a known outcome, "0 av 4 med känd tid".
    const ingenKand = {
      uppfyllt: n(0),
      ejUppfyllt: n(0),
      okant: n(4),
      kanda: n(0),
      totalt: n(4),
      andelUppfyllt: { andel: null, visning: '–' },
    };
    expect(k.sanering).toEqual(ingenKand);
    expect(k.paPlats).toEqual(ingenKand);
    expect(k.anmalningar.totalt).toBe(4);
    expect(
      k.anmalningar.anmalningar.map((a) => [
        a.innehall,
        a.miljo,
        (a.plats as { id: string }).id,
        a.platsText,
      ]),
    ).toEqual([
      ['Sieg Heil', 'VIT_MAKT', 'observatorielundens-parklek', 'Observatorielundens parklek'],
      ['Hakkors', 'VIT_MAKT', 'karlbergsvagen', 'Karlbergsvägen'],
      ['Stötande klotter', 'OSPECIFICERAD', 'raoul-wallenbergs-torg', 'Raul Wallenbergs Torg'],
      [
        'Utpekande av ett förtryckt folk',
        'OSPECIFICERAD',
        'nedre-observatorielunden-tunnelbanenedgangen',
        'Nedre Observatorielunden, tunnelbanenedgången',
      ],
    ]);
    // The document gives no times: the SLA is unknown, not met and not missed.
    expect(k.anmalningar.anmalningar[0]).toMatchObject({
      slaSanering: 'OKANT',
      slaPaPlats: 'OKANT',
      status: 'ANMALD',
      anmaldTid: null,
    });
    expect(k.nollrapporter.map((n) => [n.rapportor, n.period])).toEqual([['SISAB', '2016']]);
  });

  it('a reader not cleared for klotter’s live data: no section, no row, no report, at any period', async () => {
    const FRAGA = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Lagesbild { klotter { antal { visning } sanering { kanda { visning } } } }
      ... on MiljoLage { miljo klotter { antal { visning } } }
      ... on Plats { id klotteranmalningar { innehall } }
      ... on Omrade { sida: klotteranmalningar(period: "2016") { totalt } }
    } }`;
    for (const roll of ['POLIS', 'SKOLA', 'UTBILDNINGSFORVALTNING', 'SAMVERKANSPART', '']) {
      for (const period of ['2016', '2016-H2', '2016-05', '2016-W20']) {
        const { body } = await s.gql<{ _entities: Record<string, unknown>[] }>(
          FRAGA,
          {
            reps: [
              lagesbild(period),
              { __typename: 'MiljoLage', omradeId: 'norrmalm', period, miljo: 'VIT_MAKT' },
              { __typename: 'Plats', id: 'karlbergsvagen' },
              { __typename: 'Omrade', id: 'norrmalm' },
            ],
          },
          roll ? { 'x-lagesbild-roller': roll } : {},
        );
        expect(body.data!._entities).toEqual([
          { klotter: null },
          { miljo: 'VIT_MAKT', klotter: null },
          { id: 'karlbergsvagen', klotteranmalningar: null },
          { sida: null },
        ]);
        expect(body.errors).toHaveLength(4);
        for (const e of body.errors ?? []) {
          expect(e.extensions).toEqual({ code: 'FORBIDDEN', kalla: 'klotter' });
        }
      }
      const en = await s.gql(
        '{ klotteranmalan(id: "norrmalm-2016-klotter-1") { innehall } }',
        {},
        roll ? { 'x-lagesbild-roller': roll } : {},
      );
      expect(en.body.data).toEqual({ klotteranmalan: null });
      expect(en.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', kalla: 'klotter' });
    }
  });

  it("2015: trafikkontoret's attested zero, the others not reported", async () => {
    const { body } = await s.gql<Lage>(LAGE, { reps: [lagesbild('2015')] }, TK);
    expect(body.errors).toBeUndefined();
    const k = body.data!._entities[0]!.klotter;
    expect(k.rapporteringsstatus).toBe('RAPPORTERAT_NOLL');
    // Zero is zero.
    expect(k.antal).toEqual(n(0));
    expect(k.grovrePeriod).toBeNull();
    expect(k.perRapportor.map((r) => [r.rapportor, r.rapporteringsstatus, r.antal])).toEqual([
      ['TRAFIKKONTORET', 'RAPPORTERAT_NOLL', n(0)],
      ['SISAB', 'EJ_RAPPORTERAT', null],
      ['MTR', 'EJ_RAPPORTERAT', null],
    ]);
    // A reported zero has an SLA of zeros: "0 av 0", nothing to divide.
    expect(k.sanering).toEqual({
      uppfyllt: n(0),
      ejUppfyllt: n(0),
      okant: n(0),
      kanda: n(0),
      totalt: n(0),
      andelUppfyllt: { andel: null, visning: '–' },
    });
    expect(k.nollrapporter[0]?.kommentar).toMatch(/inga inkom under 2015/);
  });

  it('2016-H2: the reports and the zero dated 2016 are reported for the whole year, not 0', async () => {
    const { body } = await s.gql<Lage>(LAGE, { reps: [lagesbild('2016-H2')] }, TK);
    expect(body.errors).toBeUndefined();
    const k = body.data!._entities[0]!.klotter;
    expect(k.rapporteringsstatus).toBe('RAPPORTERAT_GROVRE_PERIOD');
    expect(k.antal).toBeNull();
    expect(k.sanering).toBeNull();
    expect(k.paPlats).toBeNull();
    expect(k.perKategori).toEqual([]);
    expect(k.anmalningar.totalt).toBe(0);
    expect(k.grovrePeriod).toBe('2016');
    expect(k.perRapportor).toEqual([
      {
        rapportor: 'TRAFIKKONTORET',
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        antal: null,
        grovrePeriod: '2016',
      },
      {
        rapportor: 'SISAB',
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        antal: null,
        grovrePeriod: '2016',
      },
      { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null, grovrePeriod: null },
    ]);
    // The year's figures, one step away.
    expect(k.grovre).toEqual({
      rapporteringsstatus: 'RAPPORTERAT',
      antal: n(4),
      grovrePeriod: null,
      perRapportor: [
        { rapportor: 'TRAFIKKONTORET', rapporteringsstatus: 'RAPPORTERAT', antal: n(4) },
        { rapportor: 'SISAB', rapporteringsstatus: 'RAPPORTERAT_NOLL', antal: n(0) },
        { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null },
      ],
      sanering: { kanda: n(0), totalt: n(4) },
    });

    const miljo = await s.gql<{ _entities: { miljo: string; klotter: MiljoKlotter }[] }>(
      LAGE,
      { reps: [miljoLage('2016-H2', 'VIT_MAKT'), miljoLage('2016-H2', 'AUTONOMA')] },
      TK,
    );
    expect(miljo.body.errors).toBeUndefined();
    expect(miljo.body.data!._entities).toEqual([
      {
        miljo: 'VIT_MAKT',
        klotter: {
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
          grovrePeriod: '2016',
          grovre: { rapporteringsstatus: 'RAPPORTERAT', antal: n(2) },
        },
      },
      {
        miljo: 'AUTONOMA',
        klotter: {
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
          grovrePeriod: '2016',
          // Klotter reported for 2016 and nothing in this environment: a reported 0.
          grovre: { rapporteringsstatus: 'RAPPORTERAT', antal: n(0) },
        },
      },
    ]);
  });

  it('2030 has not begun: nothing reported, every count null', async () => {
    const { body } = await s.gql<Lage>(LAGE, { reps: [lagesbild('2030')] }, TK);
    expect(body.errors).toBeUndefined();
    const k = body.data!._entities[0]!.klotter;
    expect(k).toMatchObject({
      rapporteringsstatus: 'EJ_RAPPORTERAT',
      antal: null,
      grovrePeriod: null,
      grovre: null,
      sanering: null,
      paPlats: null,
      perKategori: [],
      nollrapporter: [],
    });
    expect(k.perRapportor.map((r) => [r.rapporteringsstatus, r.antal, r.grovrePeriod])).toEqual([
      ['EJ_RAPPORTERAT', null, null],
      ['EJ_RAPPORTERAT', null, null],
      ['EJ_RAPPORTERAT', null, null],
    ]);
    const miljo = await s.gql<{ _entities: { klotter: MiljoKlotter }[] }>(
      LAGE,
      { reps: [miljoLage('2030', 'VIT_MAKT')] },
      TK,
    );
    expect(miljo.body.data!._entities[0]!.klotter).toEqual({
      rapporteringsstatus: 'EJ_RAPPORTERAT',
      antal: null,
      grovrePeriod: null,
      grovre: null,
    });
  });

  it('MiljoLage: two white-power reports, two unspecified, one statement for all six rows', async () => {
    const miljoer = [
      'VIT_MAKT',
      'AUTONOMA',
      'ISLAMISTISK',
      'ENSAMAGERANDE',
      'ANTIDEMOKRATISK',
      'OSPECIFICERAD',
    ];
    await s.resetSql();
    const { body } = await s.gql<{
      _entities: { miljo: string; klotter: { rapporteringsstatus: string; antal: N } }[];
    }>(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on MiljoLage { miljo klotter { rapporteringsstatus antal { antal } } }
      } }`,
      { reps: miljoer.map((miljo) => miljoLage('2016', miljo)) },
      TK,
    );
    // Klotter reported for 2016 itself, so no longer period is looked for.
    expect(await s.sqlStatements()).toBe(1);
    expect(
      body.data!._entities.map((e) => [e.miljo, e.klotter.rapporteringsstatus, e.klotter.antal]),
    ).toEqual([
      ['VIT_MAKT', 'RAPPORTERAT', n(2)],
      ['AUTONOMA', 'RAPPORTERAT', n(0)],
      ['ISLAMISTISK', 'RAPPORTERAT', n(0)],
      ['ENSAMAGERANDE', 'RAPPORTERAT', n(0)],
      ['ANTIDEMOKRATISK', 'RAPPORTERAT', n(0)],
      ['OSPECIFICERAD', 'RAPPORTERAT', n(2)],
    ]);
  });

  it('the whole picture for several periods costs one statement per kind of fact', async () => {
    // The aggregate, the pages, the zero-reports and the longer periods: one statement
    // each, whatever the number of periods. With half-years in the batch, the year they
    // were reported for adds one to ask which reporters reported for it, and the year's
    // own picture (`grovre`) its aggregate and its longer periods: one each again, unless
    // the year is in the batch already (the request's loaders have it).
    for (const [perioder, statements] of [
      [['2014'], 4],
      [['2013', '2014', '2015'], 4],
      [['2016-H1'], 7],
      [['2014', '2015', '2016', '2017', '2016-H1', '2016-H2'], 5],
    ] as const) {
      await s.resetSql();
      const { body } = await s.gql<Lage>(LAGE, { reps: perioder.map(lagesbild) }, TK);
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities).toHaveLength(perioder.length);
      expect(await s.sqlStatements(), perioder.join(' ')).toBe(statements);
    }
  });

  it('Plats: the reports at a place, with its parts and within a period when asked', async () => {
    await s.resetSql();
    const { body } = await s.gql<{
      _entities: { id?: string; klotteranmalningar: unknown }[];
    }>(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Plats { id klotteranmalningar { innehall } }
      } }`,
      {
        reps: ['karlbergsvagen', 'raoul-wallenbergs-torg', 'sveavagen-73'].map((id) => ({
          __typename: 'Plats',
          id,
        })),
      },
      TK,
    );
    expect(await s.sqlStatements()).toBe(1);
    expect(body.data!._entities).toEqual([
      { id: 'karlbergsvagen', klotteranmalningar: [{ innehall: 'Hakkors' }] },
      { id: 'raoul-wallenbergs-torg', klotteranmalningar: [{ innehall: 'Stötande klotter' }] },
      { id: 'sveavagen-73', klotteranmalningar: [] },
    ]);

    // As the gateway sends it: the park with `omfattar` (its own id and its parts' ids)
    // fetched from förvaltning's register first, for the @requires.
    const park = {
      __typename: 'Plats',
      id: 'observatorielunden',
      omfattar: [
        'observatorielunden',
        'observatorielundens-parklek',
        'nedre-observatorielunden-tunnelbanenedgangen',
      ],
    };
    const PARK = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Plats {
      egna: klotteranmalningar { innehall }
      medDelar: klotteranmalningar(medDelar: true) { innehall platsText }
      ar2016: klotteranmalningar(medDelar: true, period: "2016") { innehall }
      h2: klotteranmalningar(medDelar: true, period: "2016-H2") { innehall }
      ar2015: klotteranmalningar(medDelar: true, period: "2015") { innehall }
    } } }`;
    const parken = await s.gql<{ _entities: Record<string, unknown>[] }>(
      PARK,
      { reps: [park] },
      TK,
    );
    expect(parken.body.errors).toBeUndefined();
    expect(parken.body.data!._entities[0]).toEqual({
      // Nothing was reported at the park as a whole.
      egna: [],
      medDelar: [
        { innehall: 'Sieg Heil', platsText: 'Observatorielundens parklek' },
        {
          innehall: 'Utpekande av ett förtryckt folk',
          platsText: 'Nedre Observatorielunden, tunnelbanenedgången',
        },
      ],
      ar2016: [{ innehall: 'Sieg Heil' }, { innehall: 'Utpekande av ett förtryckt folk' }],
      // Dated to the year: not inside its second half.
      h2: [],
      ar2015: [],
    });

    // A part on its own: medDelar without parts in the register is the place itself.
    const del = await s.gql<{ _entities: Record<string, unknown>[] }>(
      PARK,
      {
        reps: [
          {
            __typename: 'Plats',
            id: 'observatorielundens-parklek',
            omfattar: ['observatorielundens-parklek'],
          },
        ],
      },
      TK,
    );
    expect(del.body.data!._entities[0]).toMatchObject({
      egna: [{ innehall: 'Sieg Heil' }],
      medDelar: [{ innehall: 'Sieg Heil', platsText: 'Observatorielundens parklek' }],
      h2: [],
    });
  });

  it('Omrade: a paginated, filtered area list', async () => {
    const OMRADE = `query ($reps: [_Any!]!, $after: String, $kategori: Kategori) { _entities(representations: $reps) {
      ... on Omrade { klotteranmalningar(period: "2016", rapportor: TRAFIKKONTORET, kategori: $kategori, first: 3, after: $after) {
        totalt finnsFler nastaMarkor anmalningar { innehall }
      } }
    } }`;
    type Page = {
      totalt: number;
      finnsFler: boolean;
      nastaMarkor: string | null;
      anmalningar: { innehall: string }[];
    };
    const reps = [{ __typename: 'Omrade', id: 'norrmalm' }];
    const first = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(OMRADE, { reps }, TK);
    const p1 = first.body.data!._entities[0]!.klotteranmalningar;
    expect(p1.totalt).toBe(4);
    expect(p1.finnsFler).toBe(true);
    expect(p1.anmalningar).toHaveLength(3);
    const second = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(
      OMRADE,
      { reps, after: p1.nastaMarkor },
      TK,
    );
    const p2 = second.body.data!._entities[0]!.klotteranmalningar;
    expect(p2).toEqual({
      totalt: 4,
      finnsFler: false,
      nastaMarkor: null,
      anmalningar: [{ innehall: 'Utpekande av ett förtryckt folk' }],
    });
    const rasist = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(
      OMRADE,
      { reps, kategori: 'RASISTISKT' },
      TK,
    );
    expect(rasist.body.data!._entities[0]!.klotteranmalningar.anmalningar).toEqual([
      { innehall: 'Sieg Heil' },
      { innehall: 'Hakkors' },
    ]);
    const bad = await s.gql(OMRADE, { reps, after: 'inte-en-markor' }, TK);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A cursor past the last row: an empty page that still knows its total.
    const slut = Buffer.from(JSON.stringify(['9999-01-01', 'zzz'])).toString('base64url');
    const tom = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(
      OMRADE,
      { reps, after: slut },
      TK,
    );
    expect(tom.body.data!._entities[0]!.klotteranmalningar).toEqual({
      totalt: 4,
      finnsFler: false,
      nastaMarkor: null,
      anmalningar: [],
    });
  });

  it('pages with different filters in one request: one statement, each its own rows', async () => {
    await s.resetSql();
    const { body } = await s.gql<{
      _entities: Record<string, { totalt: number; finnsFler: boolean; anmalningar: unknown[] }>[];
    }>(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Omrade {
        tk: klotteranmalningar(period: "2016", rapportor: TRAFIKKONTORET, first: 2) {
          totalt finnsFler anmalningar { rapportor innehall }
        }
        rasist: klotteranmalningar(period: "2016", kategori: RASISTISKT, first: 5) {
          totalt finnsFler anmalningar { kategori innehall }
        }
        tom: klotteranmalningar(period: "2003") { totalt finnsFler anmalningar { innehall } }
      } } }`,
      { reps: [{ __typename: 'Omrade', id: 'norrmalm' }] },
      TK,
    );
    expect(body.errors).toBeUndefined();
    const o = body.data!._entities[0]!;
    expect(o.tk).toMatchObject({ totalt: 4, finnsFler: true });
    expect(o.tk!.anmalningar).toHaveLength(2);
    expect(
      o.tk!.anmalningar.every((a) => (a as { rapportor: string }).rapportor === 'TRAFIKKONTORET'),
    ).toBe(true);
    expect(o.rasist!.finnsFler).toBe(false);
    expect(o.rasist!.anmalningar.length).toBe(o.rasist!.totalt);
    expect(
      o.rasist!.anmalningar.every((a) => (a as { kategori: string }).kategori === 'RASISTISKT'),
    ).toBe(true);
    expect(o.tom).toEqual({ totalt: 0, finnsFler: false, anmalningar: [] });
    expect(await s.sqlStatements()).toBe(1);
  });
});

describe('klotter, writes', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(klotter);
  });
  afterAll(() => s?.stop());

  const base = {
    rapportor: 'TRAFIKKONTORET',
    omradeId: 'norrmalm',
    kategori: 'RASISTISKT',
    miljo: 'VIT_MAKT',
    innehall: 'Hakkors',
    plats: 'Sveavägen 73',
  };

  it('registers a report on its Stockholm day; a re-send updates only the times', async () => {
    const { body } = await s.gql<{ registreraKlotteranmalan: Record<string, unknown> }>(
      REGISTRERA,
      { input: { ...base, rapportorensId: 'TK-2017-1', anmaldTid: '2017-04-13T12:00:00Z' } },
      TK,
    );
    expect(body.errors).toBeUndefined();
    const a = body.data!.registreraKlotteranmalan;
    expect(a).toMatchObject({
      period: '2017-04-13',
      status: 'ANMALD',
      anmaldTid: '2017-04-13T14:00:00+02:00',
      slaSanering: 'OKANT',
      plats: { id: 'sveavagen-73' },
    });
    const again = await s.gql<{ registreraKlotteranmalan: Record<string, unknown> }>(
      REGISTRERA,
      {
        input: {
          ...base,
          innehall: 'Något annat',
          rapportorensId: 'TK-2017-1',
          anmaldTid: '2017-04-13T12:00:00Z',
          avropTid: '2017-04-13T15:00:00+02:00',
        },
      },
      TK,
    );
    expect(again.body.data!.registreraKlotteranmalan).toMatchObject({
      id: a.id,
      status: 'AVROPAD',
    });
    expect(await s.countRows('klotteranmalan')).toBe(5);

    // Easter: call-off Thursday 15:00, on site Tuesday 09:00 = exactly three working hours.
    const tider = await s.gql<{ registreraKlottertider: Record<string, unknown> }>(
      TIDER,
      {
        input: {
          id: a.id,
          paPlatsTid: '2017-04-18T09:00:00+02:00',
          borttagenTid: '2017-04-18T10:00:00+02:00',
        },
      },
      TK,
    );
    expect(tider.body.errors).toBeUndefined();
    expect(tider.body.data!.registreraKlottertider).toMatchObject({
      status: 'SANERAD',
      slaPaPlats: 'UPPFYLLT',
      paPlatsArbetsminuter: 180,
      slaSanering: 'EJ_UPPFYLLT',
      saneringMinuter: (4 * 24 + 20) * 60,
    });
  });

  it('refuses times out of order and a removal before the report; nothing written', async () => {
    const { body } = await s.gql<{ registreraKlotteranmalan: { id: string } }>(
      REGISTRERA,
      { input: { ...base, rapportorensId: 'TK-2017-2', anmaldTid: '2017-05-02T10:00:00+02:00' } },
      TK,
    );
    const id = body.data!.registreraKlotteranmalan.id;
    const before = await s.gql(
      `{ klotteranmalan(id: "${id}") { status borttagenTid andrad: status } }`,
    );
    const bad = await s.gql(
      TIDER,
      { input: { id, borttagenTid: '2017-05-01T10:00:00+02:00' } },
      TK,
    );
    const e = badInput(bad.body, 'borttagenTid');
    expect(e.message).toMatch(/saneringen kan inte ligga före anmälan/);
    const after = await s.gql(
      `{ klotteranmalan(id: "${id}") { status borttagenTid andrad: status } }`,
    );
    expect(after.body).toEqual(before.body);

    const rows = await s.countRows('klotteranmalan');
    const noTime = await s.gql(REGISTRERA, { input: { ...base, rapportorensId: 'TK-x' } }, TK);
    badInput(noTime.body, 'anmaldTid');
    const malformed = await s.gql(
      REGISTRERA,
      { input: { ...base, rapportorensId: 'TK-y', anmaldTid: '2017-05-02 10:00' } },
      TK,
    );
    badInput(malformed.body, 'anmaldTid');
    const order = await s.gql(
      REGISTRERA,
      {
        input: {
          ...base,
          rapportorensId: 'TK-z',
          anmaldTid: '2017-05-02T10:00:00+02:00',
          avropTid: '2017-05-02T09:00:00+02:00',
        },
      },
      TK,
    );
    badInput(order.body, 'avropTid');
    expect(await s.countRows('klotteranmalan')).toBe(rows);
  });

  it("a reporter writes only its own reports; ADMIN any; anonymous nobody's", async () => {
    const input = { ...base, rapportorensId: 'X-1', anmaldTid: '2017-05-02T10:00:00+02:00' };
    const sisab = await s.gql(REGISTRERA, { input }, SISAB);
    expect(sisab.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await s.gql(REGISTRERA, { input }, { authorization: '' });
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const roleless = await s.gql(REGISTRERA, { input });
    expect(roleless.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await s.gql(REGISTRERA, { input }, ADMIN);
    expect(admin.body.errors).toBeUndefined();
  });

  it('no zero-attestation nor report for a period that has not begun (issue 15, item 4)', async () => {
    const zeros = await s.countRows('nollrapport');
    const noll = await s.gql(
      NOLL,
      { input: { rapportor: 'TRAFIKKONTORET', omradeId: 'norrmalm', period: '2031' } },
      TK,
    );
    expect(badInput(noll.body, 'period').message).toBe(
      'Ogiltig indata: period – Perioden 2031 har inte börjat; det går inte att rapportera för den ännu.',
    );
    expect(await s.countRows('nollrapport')).toBe(zeros);

    const rows = await s.countRows('klotteranmalan');
    const report = await s.gql(
      REGISTRERA,
      { input: { ...base, rapportorensId: 'TK-2030', period: '2030-Q1' } },
      TK,
    );
    expect(badInput(report.body, 'period').message).toMatch(/Perioden 2030-Q1 har inte börjat/);
    expect(await s.countRows('klotteranmalan')).toBe(rows);
  });

  it('refuses an area no one knows, on a report and on a zero (issue 15, item 3)', async () => {
    const fore = {
      anmalningar: await s.countRows('klotteranmalan'),
      nollor: await s.countRows('nollrapport'),
    };
    const lista =
      'Kända områden: bromma, enskede-arsta-vantor, farsta, hagersten-alvsjo, ' +
      'hasselby-vallingby, kungsholmen, norrmalm, ostermalm, rinkeby-kista, skarholmen, ' +
      'skarpnack, sodermalm, spanga-tensta.';
    const report = await s.gql(
      REGISTRERA,
      {
        input: {
          ...base,
          omradeId: 'finns-inte',
          rapportorensId: 'TK-OKANT',
          anmaldTid: '2017-05-02T10:00:00+02:00',
        },
      },
      TK,
    );
    expect(badInput(report.body, 'omradeId').message).toBe(
      `Ogiltig indata: omradeId – Okänt område "finns-inte". ${lista}`,
    );
    const noll = await s.gql(
      NOLL,
      { input: { rapportor: 'TRAFIKKONTORET', omradeId: 'finns-inte', period: '2014' } },
      TK,
    );
    expect(badInput(noll.body, 'omradeId').message).toBe(
      `Ogiltig indata: omradeId – Okänt område "finns-inte". ${lista}`,
    );
    const injection = await s.gql(
      REGISTRERA,
      {
        input: {
          ...base,
          omradeId: "x' OR 1=1--",
          rapportorensId: 'TK-OKANT-2',
          anmaldTid: '2017-05-02T10:00:00+02:00',
        },
      },
      TK,
    );
    expect(badInput(injection.body, 'omradeId').message).toContain(
      `Okänt område "x' OR 1=1--". ${lista}`,
    );
    expect({
      anmalningar: await s.countRows('klotteranmalan'),
      nollor: await s.countRows('nollrapport'),
    }).toEqual(fore);
  });

  it('a re-send with another category or area is a conflict, not the original (issue 15, item 11)', async () => {
    const input = {
      ...base,
      rapportorensId: 'TK-KONFLIKT',
      anmaldTid: '2017-06-01T10:00:00+02:00',
    };
    const first = await s.gql<{ registreraKlotteranmalan: { id: string } }>(
      REGISTRERA,
      { input },
      TK,
    );
    expect(first.body.errors).toBeUndefined();
    const fore = await s.gql(
      `{ klotteranmalan(id: "${first.body.data!.registreraKlotteranmalan.id}") { id kategori omradeId: plats { id } status avropTid } }`,
      {},
      TK,
    );
    const rows = await s.countRows('klotteranmalan');

    const kategori = await s.gql(
      REGISTRERA,
      { input: { ...input, kategori: 'STOTANDE', avropTid: '2017-06-01T11:00:00+02:00' } },
      TK,
    );
    expect(kategori.body.data ?? null).toBeNull();
    expect(kategori.body.errors).toHaveLength(1);
    expect(kategori.body.errors![0]).toMatchObject({
      message:
        'Anmälan "TK-KONFLIKT" från Trafikkontoret finns redan och säger något annat: kategorin är RASISTISKT, inte STOTANDE. Skickas en anmälan igen får bara tiderna ändras.',
      extensions: {
        code: 'CONFLICT',
        fields: [{ field: 'kategori', reason: 'kategorin är RASISTISKT, inte STOTANDE' }],
      },
    });
    const omrade = await s.gql(
      REGISTRERA,
      { input: { ...input, omradeId: 'kungsholmen', kategori: 'STOTANDE' } },
      TK,
    );
    expect(omrade.body.errors![0]).toMatchObject({
      message:
        'Anmälan "TK-KONFLIKT" från Trafikkontoret finns redan och säger något annat: kategorin är RASISTISKT, inte STOTANDE; området är norrmalm, inte kungsholmen. Skickas en anmälan igen får bara tiderna ändras.',
      extensions: { code: 'CONFLICT' },
    });
    // Nothing changed: not the times the refused re-send carried either.
    const efter = await s.gql(
      `{ klotteranmalan(id: "${first.body.data!.registreraKlotteranmalan.id}") { id kategori omradeId: plats { id } status avropTid } }`,
      {},
      TK,
    );
    expect(efter.body).toEqual(fore.body);
    expect(await s.countRows('klotteranmalan')).toBe(rows);
    // The same report again is still the same report.
    const igen = await s.gql<{ registreraKlotteranmalan: { id: string } }>(
      REGISTRERA,
      { input },
      TK,
    );
    expect(igen.body.data!.registreraKlotteranmalan.id).toBe(
      first.body.data!.registreraKlotteranmalan.id,
    );
  });

  it('the longer period is found inside its calendar year: a quarter for its months and weeks', async () => {
    const ok = await s.gql<{ intygaNollrapport: { period: string } }>(
      NOLL,
      { input: { rapportor: 'MTR', omradeId: 'norrmalm', period: '2015-Q4' } },
      { 'x-lagesbild-roller': 'MTR' },
    );
    expect(ok.body.errors).toBeUndefined();
    const perioder = ['2015-11', '2015-W47', '2015-W53', '2015-12', '2016-01'];
    const { body } = await s.gql<Lage>(LAGE, { reps: perioder.map(lagesbild) }, TK);
    expect(body.errors).toBeUndefined();
    const mtr = body.data!._entities.map(
      (e) => e.klotter.perRapportor.find((r) => r.rapportor === 'MTR')?.grovrePeriod ?? null,
    );
    // 2015-W53 runs into 2016 and 2016-01 is after the quarter: neither lies inside it.
    expect(mtr).toEqual(['2015-Q4', '2015-Q4', null, '2015-Q4', null]);
  });

  it('zero-reports: none over reports, no report inside a zero', async () => {
    const ok = await s.gql<{ intygaNollrapport: { id: string } }>(
      NOLL,
      { input: { rapportor: 'MTR', omradeId: 'norrmalm', period: '2017-T1' } },
      { 'x-lagesbild-roller': 'MTR' },
    );
    expect(ok.body.data!.intygaNollrapport).toEqual({
      id: 'norrmalm-2017-T1-klotter-noll-mtr',
      rapportor: 'MTR',
      period: '2017-T1',
    });
    const zeros = await s.countRows('nollrapport');
    const clash = await s.gql(
      NOLL,
      { input: { rapportor: 'TRAFIKKONTORET', omradeId: 'norrmalm', period: '2016' } },
      TK,
    );
    expect(badInput(clash.body, 'period').message).toMatch(/har 4 anmälningar under 2016/);
    expect(await s.countRows('nollrapport')).toBe(zeros);

    const rows = await s.countRows('klotteranmalan');
    const inside = await s.gql(
      REGISTRERA,
      { input: { ...base, rapportorensId: 'TK-2015', anmaldTid: '2015-06-01T10:00:00+02:00' } },
      TK,
    );
    expect(badInput(inside.body, 'anmaldTid').message).toMatch(/intygat noll anmälningar för 2015/);
    expect(await s.countRows('klotteranmalan')).toBe(rows);
  });
});

describe("klotter, the SLA's denominator", () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(klotter);
    // Five reports in September 2017; one removed within 24 hours, the others with no
    // removal time yet: 1 of 5 with a known outcome.
    for (const i of [1, 2, 3, 4, 5]) {
      const { body } = await s.gql(
        REGISTRERA,
        {
          input: {
            rapportor: 'TRAFIKKONTORET',
            rapportorensId: `TK-2017-09-${i}`,
            omradeId: 'norrmalm',
            kategori: 'RASISTISKT',
            miljo: 'VIT_MAKT',
            innehall: 'Hakkors',
            anmaldTid: `2017-09-0${i}T08:00:00+02:00`,
            ...(i === 1 ? { borttagenTid: '2017-09-01T12:00:00+02:00' } : {}),
          },
        },
        TK,
      );
      expect(body.errors).toBeUndefined();
    }
  });
  afterAll(() => s?.stop());

  const FRAGA = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Lagesbild {
    klotter {
      antal { antal visning }
      sanering {
        uppfyllt { antal visning } ejUppfyllt { antal visning } okant { antal visning }
        kanda { antal visning } totalt { antal visning } andelUppfyllt { andel visning }
      }
    }
  } } }`;
  type V = { antal: number | null; visning: string };
  type Svar = {
    _entities: {
      klotter: {
        antal: V;
        sanering: Record<string, V | { andel: number | null; visning: string }>;
      };
    }[];
  };
  const v = (antal: number | null, visning: string) => ({ antal, visning });

  it('"1 av 5 med känd tid": a cleared reader gets the share with its denominator', async () => {
    const { body } = await s.gql<Svar>(FRAGA, { reps: [lagesbild('2017-09')] }, TK);
    expect(body.errors).toBeUndefined();
    const k = body.data!._entities[0]!.klotter;
    expect(k.antal).toEqual(v(5, '5'));
    expect(k.sanering).toEqual({
      uppfyllt: v(1, '1'),
      ejUppfyllt: v(0, '0'),
      okant: v(4, '4'),
      kanda: v(1, '1'),
      totalt: v(5, '5'),
      andelUppfyllt: { andel: 1, visning: '100 %' },
    });
  });

  it('a reader not cleared for klotter’s live data gets neither the share nor its counts', async () => {
    const { body } = await s.gql<Svar>(
      FRAGA,
      { reps: [lagesbild('2017-09')] },
      { 'x-lagesbild-roller': 'POLIS' },
    );
    expect(body.data).toEqual({ _entities: [{ klotter: null }] });
    expect(body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'FORBIDDEN', kalla: 'klotter' },
    ]);
  });
});
