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

const LAGE = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Lagesbild {
      period
      klotter {
        rapporteringsstatus antal { antal }
        perRapportor { rapportor rapporteringsstatus antal { antal } }
        perKategori {
          rapportor kategori antal { antal }
          sanering { uppfyllt { antal } ejUppfyllt { antal } okant { antal } andelUppfyllt { andel visning } }
          paPlats { okant { antal } }
        }
        anmalningar { totalt anmalningar { rapportorensId kategori miljo innehall platsText plats { id } slaSanering slaPaPlats status anmaldTid } }
        nollrapporter { rapportor period kommentar }
      }
    }
    ... on MiljoLage { miljo klotter { antal { antal } } }
  }
}`;

/** Counts come as SkyddatAntal; these tests select the number (as a cleared reporter). */
type N = { antal: number | null };
const n = (antal: number | null): N => ({ antal });

const lagesbild = (period: string) => ({ __typename: 'Lagesbild', omradeId: 'norrmalm', period });

interface Lage {
  _entities: {
    period: string;
    klotter: {
      rapporteringsstatus: string;
      antal: N;
      perRapportor: { rapportor: string; rapporteringsstatus: string; antal: N | null }[];
      perKategori: {
        rapportor: string;
        kategori: string;
        antal: N;
        sanering: {
          uppfyllt: N;
          ejUppfyllt: N;
          okant: N;
          andelUppfyllt: { andel: number | null; visning: string };
        };
        paPlats: { okant: N };
      }[];
      anmalningar: { totalt: number; anmalningar: Record<string, unknown>[] };
      nollrapporter: { rapportor: string; period: string; kommentar: string }[];
    };
  }[];
}

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
    expect(k.perRapportor).toEqual([
      { rapportor: 'TRAFIKKONTORET', rapporteringsstatus: 'RAPPORTERAT', antal: n(4) },
      { rapportor: 'SISAB', rapporteringsstatus: 'RAPPORTERAT_NOLL', antal: n(0) },
      // Not reported stays null, not a protected count.
      { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null },
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

  it("2015: trafikkontoret's attested zero, the others not reported", async () => {
    const { body } = await s.gql<Lage>(LAGE, { reps: [lagesbild('2015')] });
    const k = body.data!._entities[0]!.klotter;
    expect(k.rapporteringsstatus).toBe('RAPPORTERAT_NOLL');
    // Zero is zero for every reader, this one without a role too.
    expect(k.antal).toEqual(n(0));
    expect(k.perRapportor.map((r) => [r.rapportor, r.rapporteringsstatus, r.antal])).toEqual([
      ['TRAFIKKONTORET', 'RAPPORTERAT_NOLL', n(0)],
      ['SISAB', 'EJ_RAPPORTERAT', null],
      ['MTR', 'EJ_RAPPORTERAT', null],
    ]);
    expect(k.nollrapporter[0]?.kommentar).toMatch(/inga inkom under 2015/);
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
    const { body } = await s.gql<{ _entities: { miljo: string; klotter: { antal: N } }[] }>(
      LAGE,
      {
        reps: miljoer.map((miljo) => ({
          __typename: 'MiljoLage',
          omradeId: 'norrmalm',
          period: '2016',
          miljo,
        })),
      },
      TK,
    );
    expect(await s.sqlStatements()).toBe(1);
    expect(body.data!._entities.map((e) => [e.miljo, e.klotter.antal.antal])).toEqual([
      ['VIT_MAKT', 2],
      ['AUTONOMA', 0],
      ['ISLAMISTISK', 0],
      ['ENSAMAGERANDE', 0],
      ['ANTIDEMOKRATISK', 0],
      ['OSPECIFICERAD', 2],
    ]);
  });

  it('the whole picture for several periods costs one aggregate and one page statement', async () => {
    for (const n of [1, 3, 6]) {
      const reps = ['2014', '2015', '2016', '2017', '2016-H1', '2016-H2']
        .slice(0, n)
        .map(lagesbild);
      await s.resetSql();
      const { body } = await s.gql<Lage>(LAGE, { reps });
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities).toHaveLength(n);
      // the aggregate, the pages, the zero-reports: one statement each, whatever n is
      expect(await s.sqlStatements()).toBe(3);
    }
  });

  it('Plats and Omrade: reports at a place, and a paginated, filtered area list', async () => {
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
    );
    expect(await s.sqlStatements()).toBe(1);
    expect(body.data!._entities).toEqual([
      { id: 'karlbergsvagen', klotteranmalningar: [{ innehall: 'Hakkors' }] },
      { id: 'raoul-wallenbergs-torg', klotteranmalningar: [{ innehall: 'Stötande klotter' }] },
      { id: 'sveavagen-73', klotteranmalningar: [] },
    ]);

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
    const first = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(OMRADE, { reps });
    const p1 = first.body.data!._entities[0]!.klotteranmalningar;
    expect(p1.totalt).toBe(4);
    expect(p1.finnsFler).toBe(true);
    expect(p1.anmalningar).toHaveLength(3);
    const second = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(OMRADE, {
      reps,
      after: p1.nastaMarkor,
    });
    const p2 = second.body.data!._entities[0]!.klotteranmalningar;
    expect(p2).toEqual({
      totalt: 4,
      finnsFler: false,
      nastaMarkor: null,
      anmalningar: [{ innehall: 'Utpekande av ett förtryckt folk' }],
    });
    const rasist = await s.gql<{ _entities: { klotteranmalningar: Page }[] }>(OMRADE, {
      reps,
      kategori: 'RASISTISKT',
    });
    expect(rasist.body.data!._entities[0]!.klotteranmalningar.anmalningar).toEqual([
      { innehall: 'Sieg Heil' },
      { innehall: 'Hakkors' },
    ]);
    const bad = await s.gql(OMRADE, { reps, after: 'inte-en-markor' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
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
