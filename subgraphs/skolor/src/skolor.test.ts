import {
  type GqlBody,
  startTestSubgraph,
  type TestSubgraph,
} from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { skolor } from './server';

const MILJOER = [
  'VIT_MAKT',
  'AUTONOMA',
  'ISLAMISTISK',
  'ENSAMAGERANDE',
  'ANTIDEMOKRATISK',
  'OSPECIFICERAD',
];
const UTBF = { 'x-lagesbild-roller': 'UTBILDNINGSFORVALTNING' };
const RADET = { 'x-lagesbild-roller': 'RADET' };
const skola = (id: string) => ({ 'x-lagesbild-roller': 'SKOLA', 'x-lagesbild-skola': id });
const R1 = 'norrmalm-2016-respondent-1';
const R2 = 'norrmalm-2016-respondent-2';
const OBSERVATION = 'vit makt-propaganda i form av klistermärken och flygblad i elevskåp';
const EN = { antal: 1, undertryckt: false, visning: '1' };
/** Readers not cleared for the schools' live data: a single school among them. */
const EJ_BEHORIGA: Record<string, string>[] = [
  {},
  { 'x-lagesbild-roller': 'POLIS' },
  { 'x-lagesbild-roller': 'SAMVERKANSPART' },
  { 'x-lagesbild-roller': 'SKOLA', 'x-lagesbild-skola': 'norrmalm-2016-respondent-2' },
];

/** Every error of the answer is the refusal of the schools' live data. */
function baraNekad(body: GqlBody<unknown>) {
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const e of body.errors ?? []) {
    expect(e.extensions).toEqual({ code: 'FORBIDDEN', kalla: 'skolor' });
    expect(e.message).toMatch(/^Skolornas siffror och register visas bara för de behöriga/);
  }
}

function onlyError(body: GqlBody<unknown>, code: string) {
  expect(body.errors).toHaveLength(1);
  const error = body.errors![0]!;
  expect(error.extensions?.code).toBe(code);
  expect(error.extensions).not.toHaveProperty('stacktrace');
  return error;
}

function badInput(body: GqlBody<unknown>, message: string, fields?: unknown) {
  const error = onlyError(body, 'BAD_USER_INPUT');
  expect(error.message).toBe(message);
  if (fields) expect(error.extensions?.fields).toEqual(fields);
  expect(body.data ?? null).toBeNull();
}

const LAGE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild {
  period
  skolor {
    rapporteringsstatus utskick besvarade svarsfrekvens svarsfrekvensVisning grovrePeriod
    enkater { titel period skickad sistaSvarsdag status stangd }
    miljoer {
      miljo rapporteringsstatus besvarade grovrePeriod
      skolorMedTecken { antal undertryckt visning }
      andelMedTecken { andel undertryckt visning }
      observationer
    }
  }
} } }`;

const lagesbild = (period: string) => ({ __typename: 'Lagesbild', omradeId: 'norrmalm', period });

interface SkolorLage {
  rapporteringsstatus: string;
  utskick: number | null;
  besvarade: number | null;
  svarsfrekvens: number | null;
  svarsfrekvensVisning: string | null;
  grovrePeriod: string | null;
  enkater: unknown[];
  miljoer: {
    miljo: string;
    rapporteringsstatus: string;
    besvarade: number | null;
    grovrePeriod: string | null;
    skolorMedTecken: unknown;
    andelMedTecken: unknown;
    observationer: string[] | null;
  }[];
}

async function lage(s: TestSubgraph, period: string, headers: Record<string, string> = RADET) {
  const { body } = await s.gql<{ _entities: { skolor: SkolorLage }[] }>(
    LAGE,
    { r: [lagesbild(period)] },
    headers,
  );
  // observationer needs roll:UTBILDNINGSFORVALTNING or roll:ADMIN: anyone else is refused
  // that field (FORBIDDEN, and it reads null) and gets the rest.
  const other = (body.errors ?? []).filter(
    (e) => !(e.extensions?.code === 'FORBIDDEN' && e.path?.at(-1) === 'observationer'),
  );
  expect(other).toEqual([]);
  return body.data!._entities[0]!.skolor;
}

describe('skolor, the 2016 survey from the source document', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(skolor);
  });
  afterAll(() => s?.stop());

  it('to the council: six answered, one saw white-power signs — "1", 17 %', async () => {
    const l = await lage(s, '2016');
    expect(l).toMatchObject({
      rapporteringsstatus: 'RAPPORTERAT',
      // The document does not say how many schools got the survey.
      utskick: null,
      besvarade: 6,
      svarsfrekvens: null,
      svarsfrekvensVisning: 'okänd',
      grovrePeriod: null,
      enkater: [
        {
          titel: 'Enkätundersökning till kommunala och fristående skolor i stadsdelsområdet',
          period: '2016',
          skickad: null,
          sistaSvarsdag: null,
          status: 'STANGD',
          stangd: null,
        },
      ],
    });
    expect(l.miljoer[0]).toEqual({
      miljo: 'VIT_MAKT',
      rapporteringsstatus: 'RAPPORTERAT',
      besvarade: 6,
      grovrePeriod: null,
      skolorMedTecken: EN,
      andelMedTecken: { andel: 1 / 6, undertryckt: false, visning: '17 %' },
      // The free text says which school saw what: the survey's owner only.
      observationer: null,
    });
    // The schools were asked about white power only: the rest is "not asked", not zero.
    for (const m of l.miljoer.slice(1)) {
      expect(m).toMatchObject({
        rapporteringsstatus: 'EJ_RAPPORTERAT',
        besvarade: null,
        grovrePeriod: null,
        skolorMedTecken: null,
        andelMedTecken: null,
      });
    }
    expect(l.miljoer.map((m) => m.miljo)).toEqual([
      'VIT_MAKT',
      'AUTONOMA',
      'ISLAMISTISK',
      'ENSAMAGERANDE',
      'ANTIDEMOKRATISK',
      'OSPECIFICERAD',
    ]);
  });

  it('a reader not cleared — a single school too — gets no section and no row, at any period', async () => {
    for (const headers of EJ_BEHORIGA) {
      for (const period of ['2016', '2016-H2', '2016-Q3', '2016-11', '2016-W45']) {
        const { body } = await s.gql<{ _entities: { skolor: unknown }[] }>(
          LAGE,
          { r: [lagesbild(period)] },
          headers,
        );
        expect(body.data!._entities).toEqual([{ period, skolor: null }]);
        baraNekad(body);
      }
    }
    // The coordinator and the analyst are cleared, as the council is.
    for (const roll of ['SAMORDNARE', 'ANALYTIKER']) {
      const l = await lage(s, '2016', { 'x-lagesbild-roller': roll });
      expect(l.miljoer[0]!.skolorMedTecken).toEqual(EN);
    }
  });

  it('to utbildningsförvaltningen: the number 1, 17 %, and the observation without a school', async () => {
    const l = await lage(s, '2016', UTBF);
    expect(l.miljoer[0]).toEqual({
      miljo: 'VIT_MAKT',
      rapporteringsstatus: 'RAPPORTERAT',
      besvarade: 6,
      grovrePeriod: null,
      skolorMedTecken: EN,
      andelMedTecken: { andel: 1 / 6, undertryckt: false, visning: '17 %' },
      observationer: [OBSERVATION],
    });
    expect(l.miljoer[1]!.observationer).toEqual([]);
  });

  it('MiljoLage.skolor gives the same figure per environment', async () => {
    const q = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MiljoLage {
      miljo skolor { besvarade skolorMedTecken { antal visning } }
    } } }`;
    const r = ['VIT_MAKT', 'AUTONOMA'].map((miljo) => ({
      __typename: 'MiljoLage',
      omradeId: 'norrmalm',
      period: '2016',
      miljo,
    }));
    const radet = await s.gql(q, { r }, RADET);
    expect(radet.body.data).toEqual({
      _entities: [
        {
          miljo: 'VIT_MAKT',
          skolor: { besvarade: 6, skolorMedTecken: { antal: 1, visning: '1' } },
        },
        { miljo: 'AUTONOMA', skolor: { besvarade: null, skolorMedTecken: null } },
      ],
    });
    for (const headers of EJ_BEHORIGA) {
      const nekad = await s.gql(q, { r }, headers);
      expect(nekad.body.data).toEqual({
        _entities: [
          { miljo: 'VIT_MAKT', skolor: null },
          { miljo: 'AUTONOMA', skolor: null },
        ],
      });
      baraNekad(nekad.body);
    }
    const cleared = await s.gql(q, { r: r.slice(0, 1) }, UTBF);
    expect(cleared.body.data).toEqual({
      _entities: [
        {
          miljo: 'VIT_MAKT',
          skolor: { besvarade: 6, skolorMedTecken: { antal: 1, visning: '1' } },
        },
      ],
    });
  });

  it('no school is named: six anonymous respondents, huvudman unknown', async () => {
    const { body } = await s.gql<{ _entities: { skolor: unknown[] }[] }>(
      `{ _entities(representations: [{ __typename: "Omrade", id: "norrmalm" }]) {
        ... on Omrade { skolor { namn huvudman anonym } } } }`,
    );
    expect(body.data!._entities[0]!.skolor).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => ({ namn: `Respondent ${n}`, huvudman: null, anonym: true })),
    );
  });

  const ENKAT_SVAR = `{ enkater(omrade: "norrmalm", period: "2016") {
    resultat { utskick besvarade svarsfrekvens svarsfrekvensVisning }
    fragor { nr text typ miljo resultat { besvarade ja { antal visning } andelJa { visning } } }
    svar { skola { namn } svar { ja text } }
  } }`;

  it('per-school answers: refused without clearance, the own for a school, all for the owner', async () => {
    interface E {
      enkater: {
        resultat: unknown;
        fragor: { resultat: unknown }[];
        svar: { skola: { namn: string }; svar: { ja: boolean; text: string | null }[] }[] | null;
      }[];
    }
    // The survey and its questions are register data; its results and answers are not.
    for (const headers of [{}, { 'x-lagesbild-roller': 'POLIS' }] as Record<string, string>[]) {
      const nekad = await s.gql<E>(ENKAT_SVAR, {}, headers);
      expect(nekad.body.data!.enkater[0]).toMatchObject({
        resultat: null,
        fragor: [{ nr: 1, resultat: null }],
        svar: null,
      });
      baraNekad(nekad.body);
    }
    const radet = await s.gql<E>(ENKAT_SVAR, {}, RADET);
    expect(radet.body.errors).toBeUndefined();
    const e = radet.body.data!.enkater[0]!;
    expect(e.resultat).toEqual({
      utskick: null,
      besvarade: 6,
      svarsfrekvens: null,
      svarsfrekvensVisning: 'okänd',
    });
    expect(e.fragor).toEqual([
      {
        nr: 1,
        text: 'Har skolan uppmärksammat tecken på högerextremism (vit makt-miljön)?',
        typ: 'JA_NEJ',
        miljo: 'VIT_MAKT',
        resultat: { besvarade: 6, ja: { antal: 1, visning: '1' }, andelJa: { visning: '17 %' } },
      },
    ]);
    // The council reads the survey's figures, not which school answered what.
    expect(e.svar).toEqual([]);

    // A school reads its own answers, and not the survey's figures.
    const own = await s.gql<E>(ENKAT_SVAR, {}, skola(R2));
    expect(own.body.data!.enkater[0]!.svar).toEqual([
      { skola: { namn: 'Respondent 2' }, svar: [{ ja: false, text: null }] },
    ]);
    expect(own.body.data!.enkater[0]!.resultat).toBeNull();
    baraNekad(own.body);
    // A school role without the school header sees no school's answers.
    const noId = await s.gql<E>(ENKAT_SVAR, {}, { 'x-lagesbild-roller': 'SKOLA' });
    expect(noId.body.data!.enkater[0]!.svar).toEqual([]);

    const all = await s.gql<E>(ENKAT_SVAR, {}, UTBF);
    const svar = all.body.data!.enkater[0]!.svar ?? [];
    expect(svar).toHaveLength(6);
    expect(svar.filter((u) => u.svar[0]!.ja)).toHaveLength(1);
    expect(all.body.data!.enkater[0]!.fragor[0]!.resultat).toEqual({
      besvarade: 6,
      ja: { antal: 1, visning: '1' },
      andelJa: { visning: '17 %' },
    });
  });

  describe('what a number means: the survey is dated to the year 2016', () => {
    const GROVRE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild {
      skolor {
        rapporteringsstatus besvarade grovrePeriod
        grovre { rapporteringsstatus besvarade utskick svarsfrekvensVisning grovrePeriod }
        miljoer {
          miljo rapporteringsstatus besvarade grovrePeriod
          grovre { rapporteringsstatus besvarade skolorMedTecken { antal visning } grovrePeriod }
        }
      }
    } } }`;

    interface Grovre {
      rapporteringsstatus: string;
      besvarade: number | null;
      grovrePeriod: string | null;
      grovre: Record<string, unknown> | null;
      miljoer: Record<string, unknown>[];
    }

    async function grovre(period: string) {
      const { body } = await s.gql<{ _entities: { skolor: Grovre }[] }>(
        GROVRE,
        { r: [lagesbild(period)] },
        RADET,
      );
      expect(body.errors).toBeUndefined();
      return body.data!._entities[0]!.skolor;
    }

    const ejRapporterad = (miljo: string) => ({
      miljo,
      rapporteringsstatus: 'EJ_RAPPORTERAT',
      besvarade: null,
      grovrePeriod: null,
      grovre: null,
    });

    it.each(['2015', '2030'])(
      '%s: no survey — EJ_RAPPORTERAT, no count, no response rate, no longer period',
      async (period) => {
        const l = await lage(s, period);
        expect(l).toEqual({
          rapporteringsstatus: 'EJ_RAPPORTERAT',
          utskick: null,
          besvarade: null,
          svarsfrekvens: null,
          // No survey, so no rate to call "okänd".
          svarsfrekvensVisning: null,
          grovrePeriod: null,
          enkater: [],
          miljoer: MILJOER.map((miljo) => ({
            miljo,
            rapporteringsstatus: 'EJ_RAPPORTERAT',
            besvarade: null,
            grovrePeriod: null,
            skolorMedTecken: null,
            andelMedTecken: null,
            observationer: null,
          })),
        });
        const g = await grovre(period);
        expect(g).toEqual({
          rapporteringsstatus: 'EJ_RAPPORTERAT',
          besvarade: null,
          grovrePeriod: null,
          grovre: null,
          miljoer: MILJOER.map(ejRapporterad),
        });
      },
    );

    it.each(['2016-H2', '2016-Q3'])(
      '%s: the schools answered for the whole of 2016 — RAPPORTERAT_GROVRE_PERIOD, the year under grovre',
      async (period) => {
        const l = await lage(s, period);
        expect(l).toMatchObject({
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          utskick: null,
          besvarade: null,
          svarsfrekvens: null,
          svarsfrekvensVisning: null,
          grovrePeriod: '2016',
          // Not counted into the shorter period: the survey is listed for 2016.
          enkater: [],
        });
        const g = await grovre(period);
        expect(g).toEqual({
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          besvarade: null,
          grovrePeriod: '2016',
          grovre: {
            rapporteringsstatus: 'RAPPORTERAT',
            besvarade: 6,
            utskick: null,
            svarsfrekvensVisning: 'okänd',
            grovrePeriod: null,
          },
          miljoer: [
            {
              miljo: 'VIT_MAKT',
              rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
              besvarade: null,
              grovrePeriod: '2016',
              grovre: {
                rapporteringsstatus: 'RAPPORTERAT',
                besvarade: 6,
                skolorMedTecken: { antal: 1, visning: '1' },
                grovrePeriod: null,
              },
            },
            // Not asked about in 2016 either: nothing for the year to show.
            ...MILJOER.slice(1).map(ejRapporterad),
          ],
        });
      },
    );

    it('2016 itself: reported, and no longer period', async () => {
      const g = await grovre('2016');
      expect(g).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT',
        besvarade: 6,
        grovrePeriod: null,
        grovre: null,
      });
      expect(g.miljoer[0]).toEqual({
        miljo: 'VIT_MAKT',
        rapporteringsstatus: 'RAPPORTERAT',
        besvarade: 6,
        grovrePeriod: null,
        grovre: null,
      });
    });
  });

  it.each([1, 3, 10])(
    '%i Lagesbild references with their sections cost three SQL statements',
    async (n) => {
      const periods = Array.from({ length: n }, (_, i) => String(2016 - i));
      await s.resetSql();
      const { body } = await s.gql<{ _entities: { period: string; skolor: SkolorLage }[] }>(
        LAGE,
        { r: periods.map(lagesbild) },
        UTBF,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities.map((e) => [e.period, e.skolor.besvarade])).toEqual(
        periods.map((p) => [p, p === '2016' ? 6 : null]),
      );
      // One aggregate for every area-period, one list of surveys, one of observations, and
      // one look for a longer period where a section or a row has no answers of its own.
      expect(await s.sqlStatements()).toBe(4);
    },
  );

  it.each([1, 6, 12])('%i MiljoLage references cost one SQL statement', async (n) => {
    const r = Array.from({ length: n }, (_, i) => ({
      __typename: 'MiljoLage',
      omradeId: 'norrmalm',
      period: i < 6 ? '2016' : '2017',
      miljo: MILJOER[i % 6],
    }));
    await s.resetSql();
    const { body } = await s.gql<{ _entities: { skolor: { besvarade: number | null } }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MiljoLage { skolor { besvarade skolorMedTecken { visning } } } } }`,
      { r },
      RADET,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((e) => e.skolor.besvarade)).toEqual(
      r.map((x) => (x.period === '2016' && x.miljo === 'VIT_MAKT' ? 6 : null)),
    );
    expect(await s.sqlStatements()).toBe(1);
  });

  it.each([1, 5, 20])(
    '%i Omrade references with their schools cost one SQL statement',
    async (n) => {
      const ids = Array.from({ length: n }, (_, i) => (i === 0 ? 'norrmalm' : `omrade-${i}`));
      await s.resetSql();
      const { body } = await s.gql<{ _entities: { skolor: unknown[] }[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Omrade { id skolor { namn } } } }`,
        { r: ids.map((id) => ({ __typename: 'Omrade', id })) },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities.map((e) => e.skolor.length)).toEqual(
        ids.map((_, i) => (i === 0 ? 6 : 0)),
      );
      expect(await s.sqlStatements()).toBe(1);
    },
  );

  it('a survey with its questions, results and answers costs a fixed number of statements', async () => {
    await s.resetSql();
    const { body } = await s.gql(ENKAT_SVAR, {}, UTBF);
    expect(body.errors).toBeUndefined();
    // Surveys, questions, the survey aggregate, answer sets, their answers, their schools.
    expect(await s.sqlStatements()).toBe(6);
  });
});

const REGISTRERA_SKOLA = `mutation ($input: RegistreraSkolaInput!) {
  registreraSkola(input: $input) { id namn huvudman omradeId anonym }
}`;
const SKAPA_ENKAT = `mutation ($input: SkapaEnkatInput!) {
  skapaEnkat(input: $input) {
    id titel period status skickad sistaSvarsdag
    fragor { id nr typ miljo alternativ }
    resultat { utskick besvarade svarsfrekvensVisning }
  }
}`;
const LAMNA_SVAR = `mutation ($input: LamnaSvarInput!) {
  lamnaSvar(input: $input) { enkatId skolaId inskickad skola { namn } svar { fragaId ja alternativ text } }
}`;
const STANG = `mutation ($id: ID!) { stangEnkat(enkatId: $id) { id status stangd } }`;

interface Uppsattning {
  enkatId: string;
  fragor: { id: string; nr: number; typ: string }[];
  skolor: string[];
}

/** Five schools in a new area, a 2018 survey sent to all five, four of them answering yes. */
async function fyraJa(s: TestSubgraph, omradeId: string): Promise<Uppsattning> {
  const skolor: string[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    const { body } = await s.gql<{ registreraSkola: { id: string } }>(
      REGISTRERA_SKOLA,
      { input: { omradeId, namn: `Testskolan ${n}`, huvudman: n % 2 ? 'KOMMUNAL' : 'FRISTAENDE' } },
      UTBF,
    );
    expect(body.errors).toBeUndefined();
    skolor.push(body.data!.registreraSkola.id);
  }
  const { body } = await s.gql<{
    skapaEnkat: { id: string; fragor: Uppsattning['fragor'] };
  }>(
    SKAPA_ENKAT,
    {
      input: {
        omradeId,
        titel: 'Trygghetsenkät till skolorna 2018',
        period: '2018',
        skickad: '2018-03-01',
        sistaSvarsdag: '2999-12-31',
        mottagare: skolor,
        fragor: [
          { text: 'Har skolan sett tecken på vit makt-miljön?', typ: 'JA_NEJ', miljo: 'VIT_MAKT' },
          {
            text: 'Hur ofta tas frågan upp i undervisningen?',
            typ: 'FLERVAL',
            alternativ: ['Ofta', 'Sällan'],
          },
        ],
      },
    },
    UTBF,
  );
  expect(body.errors).toBeUndefined();
  const enkat = body.data!.skapaEnkat;
  for (const id of skolor.slice(0, 4)) {
    const svar = await s.gql(
      LAMNA_SVAR,
      {
        input: {
          enkatId: enkat.id,
          skolaId: id,
          svar: [
            { fragaId: enkat.fragor[0]!.id, ja: true, text: 'Klistermärken på skolgården.' },
            { fragaId: enkat.fragor[1]!.id, alternativ: 'Sällan' },
          ],
        },
      },
      skola(id),
    );
    expect(svar.body.errors).toBeUndefined();
  }
  return { enkatId: enkat.id, fragor: enkat.fragor, skolor };
}

async function vitMakt(s: TestSubgraph, omradeId: string, headers: Record<string, string> = RADET) {
  const { body } = await s.gql<{
    _entities: { skolor: { miljoer: { skolorMedTecken: unknown }[] } & Record<string, unknown> }[];
  }>(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild { skolor {
      rapporteringsstatus utskick besvarade svarsfrekvens svarsfrekvensVisning
      miljoer { skolorMedTecken { antal undertryckt visning } }
    } } } }`,
    { r: [{ __typename: 'Lagesbild', omradeId, period: '2018' }] },
    headers,
  );
  expect(body.errors).toBeUndefined();
  const { miljoer, ...rest } = body.data!._entities[0]!.skolor;
  return { ...rest, vitMakt: miljoer[0]!.skolorMedTecken };
}

describe('skolor, surveys written through the API', () => {
  let s: TestSubgraph;
  let u: Uppsattning;
  beforeAll(async () => {
    s = await startTestSubgraph(skolor);
    u = await fyraJa(s, 'kungsholmen');
  });
  afterAll(() => s?.stop());

  const tables = async () => ({
    skola: await s.countRows('skola'),
    enkat: await s.countRows('enkat'),
    mottagare: await s.countRows('enkat_mottagare'),
    fraga: await s.countRows('fraga'),
    svarsuppsattning: await s.countRows('svarsuppsattning'),
    svar: await s.countRows('svar'),
  });

  it('four of five answered yes, 80 % answered', async () => {
    expect(await vitMakt(s, 'kungsholmen')).toEqual({
      rapporteringsstatus: 'RAPPORTERAT',
      utskick: 5,
      besvarade: 4,
      svarsfrekvens: 0.8,
      svarsfrekvensVisning: '80 %',
      vitMakt: { antal: 4, undertryckt: false, visning: '4' },
    });
    const { body } = await s.gql<{ enkat: { fragor: { resultat: unknown }[] } }>(
      `query ($id: ID!) { enkat(id: $id) { fragor { resultat {
        besvarade andelJa { andel visning } alternativ { alternativ antal { antal visning } }
      } } } }`,
      { id: u.enkatId },
      RADET,
    );
    expect(body.data!.enkat.fragor.map((f) => f.resultat)).toEqual([
      { besvarade: 4, andelJa: { andel: 1, visning: '100 %' }, alternativ: [] },
      {
        besvarade: 4,
        andelJa: null,
        alternativ: [
          { alternativ: 'Ofta', antal: { antal: 0, visning: '0' } },
          { alternativ: 'Sällan', antal: { antal: 4, visning: '4' } },
        ],
      },
    ]);
  });

  it('a second submission replaces the first while the survey is open: 3 yes', async () => {
    const before = await tables();
    const { body } = await s.gql<{ lamnaSvar: { skolaId: string; svar: unknown[] } }>(
      LAMNA_SVAR,
      {
        input: {
          enkatId: u.enkatId,
          skolaId: u.skolor[0],
          svar: [{ fragaId: u.fragor[0]!.id, ja: false }],
        },
      },
      skola(u.skolor[0]!),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.lamnaSvar).toMatchObject({
      skolaId: u.skolor[0],
      svar: [{ fragaId: u.fragor[0]!.id, ja: false, alternativ: null, text: null }],
    });
    // The same answer set, its two answers replaced by one.
    expect(await tables()).toEqual({ ...before, svar: before.svar - 1 });
    expect((await vitMakt(s, 'kungsholmen')).vitMakt).toEqual({
      antal: 3,
      undertryckt: false,
      visning: '3',
    });
    expect((await vitMakt(s, 'kungsholmen', UTBF)).vitMakt).toEqual({
      antal: 3,
      undertryckt: false,
      visning: '3',
    });
  });

  it.each([
    [
      'an unknown question',
      (x: Uppsattning) => [
        { fragaId: 'finns-inte', ja: true },
        { fragaId: x.fragor[0]!.id, ja: true },
      ],
      'Enkäten har ingen fråga med id "finns-inte".',
      [{ field: 'svar.0.fragaId', reason: 'okänd fråga' }],
    ],
    [
      'the same question twice',
      (x: Uppsattning) => [
        { fragaId: x.fragor[0]!.id, ja: true },
        { fragaId: x.fragor[0]!.id, ja: false },
      ],
      'Samma fråga besvaras flera gånger.',
      [{ field: 'svar.1.fragaId', reason: 'frågan är redan besvarad' }],
    ],
    [
      'a yes/no question answered with an alternative',
      (x: Uppsattning) => [{ fragaId: x.fragor[0]!.id, alternativ: 'Ofta' }],
      'Fråga 1: en ja/nej-fråga besvaras med ja.',
      [{ field: 'svar.0.ja', reason: 'en ja/nej-fråga besvaras med ja' }],
    ],
    [
      'an alternative the question does not have',
      (x: Uppsattning) => [{ fragaId: x.fragor[1]!.id, alternativ: 'Aldrig' }],
      'Fråga 2: välj ett av frågans alternativ.',
      [{ field: 'svar.0.alternativ', reason: 'välj ett av frågans alternativ' }],
    ],
    [
      'a personnummer in the observation',
      (x: Uppsattning) => [
        { fragaId: x.fragor[0]!.id, ja: true, text: 'Eleven 811218-9876 delade ut flygblad.' },
      ],
      'Ogiltig indata: svar.0.text – texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
      undefined,
    ],
    [
      'no answers at all',
      () => [],
      'Ogiltig indata: svar – minst ett svar',
      [{ field: 'svar', reason: 'minst ett svar' }],
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, svar, message, fields) => {
    const before = await tables();
    const { body } = await s.gql(
      LAMNA_SVAR,
      { input: { enkatId: u.enkatId, skolaId: u.skolor[1], svar: svar(u) } },
      skola(u.skolor[1]!),
    );
    badInput(body, message, fields);
    expect(await tables()).toEqual(before);
    expect((await vitMakt(s, 'kungsholmen', UTBF)).vitMakt).toEqual({
      antal: 3,
      undertryckt: false,
      visning: '3',
    });
  });

  it('a school may answer only for itself, and only with the school role', async () => {
    const before = await tables();
    const input = {
      enkatId: u.enkatId,
      skolaId: u.skolor[1],
      svar: [{ fragaId: u.fragor[0]!.id, ja: false }],
    };
    const other = await s.gql(LAMNA_SVAR, { input }, skola(u.skolor[2]!));
    expect(onlyError(other.body, 'FORBIDDEN').message).toBe(
      'Du kan bara lämna svar för din egen skola.',
    );
    const owner = await s.gql(LAMNA_SVAR, { input }, UTBF);
    expect(onlyError(owner.body, 'FORBIDDEN').message).toMatch(
      /^Din roll har inte behörighet till Mutation\.\w+ \(kräver någon av: roll:/,
    );
    const anonymous = await s.gql(LAMNA_SVAR, { input }, { authorization: '' });
    onlyError(anonymous.body, 'UNAUTHENTICATED');
    expect(await tables()).toEqual(before);
  });

  it('a school the survey was not sent to cannot answer it', async () => {
    const { body: ny } = await s.gql<{ registreraSkola: { id: string } }>(
      REGISTRERA_SKOLA,
      { input: { omradeId: 'kungsholmen', namn: 'Nya skolan' } },
      UTBF,
    );
    const id = ny.data!.registreraSkola.id;
    const before = await tables();
    const { body } = await s.gql(
      LAMNA_SVAR,
      {
        input: { enkatId: u.enkatId, skolaId: id, svar: [{ fragaId: u.fragor[0]!.id, ja: false }] },
      },
      skola(id),
    );
    badInput(body, 'Enkäten skickades inte till Nya skolan.', [
      { field: 'skolaId', reason: 'skolan fick inte enkäten' },
    ]);
    expect(await tables()).toEqual(before);
  });

  it.each([
    [
      'a yes/no environment on a free-text question',
      { fragor: [{ text: 'Vad har skolan sett?', typ: 'FRITEXT', miljo: 'VIT_MAKT' }] },
      'Fråga 1: bara ja/nej-frågor gäller en miljö.',
      [{ field: 'fragor.0.miljo', reason: 'bara ja/nej-frågor gäller en miljö' }],
    ],
    [
      'a multiple-choice question with one alternative',
      { fragor: [{ text: 'Hur ofta?', typ: 'FLERVAL', alternativ: ['Ofta'] }] },
      'Fråga 1: en flervalsfråga behöver minst två alternativ.',
      [{ field: 'fragor.0.alternativ', reason: 'en flervalsfråga behöver minst två alternativ' }],
    ],
    [
      'a last day before the sending',
      { skickad: '2018-03-01', sistaSvarsdag: '2018-02-01' },
      'Sista svarsdag ligger före utskicket.',
      [{ field: 'sistaSvarsdag', reason: 'före utskicksdatum' }],
    ],
    [
      'an unknown recipient',
      { mottagare: ['finns-inte'] },
      'Okända skolor bland mottagarna: finns-inte.',
      [{ field: 'mottagare', reason: 'okänd skola' }],
    ],
    [
      'a period that has not begun',
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
      'a personnummer in an alternative',
      {
        fragor: [
          {
            text: 'Vad har ni sett?',
            typ: 'FLERVAL',
            alternativ: ['Klotter', 'Anmält av 121212–1212'],
          },
        ],
      },
      'Ogiltig indata: fragor.0.alternativ – texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
      [
        {
          field: 'fragor.0.alternativ',
          reason:
            'texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        },
      ],
    ],
    [
      'a too short question',
      { fragor: [{ text: 'Nå?', typ: 'FRITEXT' }] },
      'Ogiltig indata: fragor.0.text – frågan ska vara 5–1000 tecken',
      [{ field: 'fragor.0.text', reason: 'frågan ska vara 5–1000 tecken' }],
    ],
  ])(
    'skapaEnkat refuses %s with BAD_USER_INPUT and writes nothing',
    async (_case, extra, message, fields) => {
      const before = await tables();
      const { body } = await s.gql(
        SKAPA_ENKAT,
        { input: { omradeId: 'kungsholmen', titel: 'Enkät 2019', period: '2019', ...extra } },
        UTBF,
      );
      badInput(body, message, fields);
      expect(await tables()).toEqual(before);
    },
  );

  it('refuses an area no one knows, writing and reading (issue 15, item 3)', async () => {
    const KANDA =
      'Kända områden: bromma, enskede-arsta-vantor, farsta, hagersten-alvsjo, ' +
      'hasselby-vallingby, kungsholmen, norrmalm, ostermalm, rinkeby-kista, skarholmen, ' +
      'skarpnack, sodermalm, spanga-tensta.';
    const before = await tables();
    const enkat = await s.gql(
      SKAPA_ENKAT,
      { input: { omradeId: 'finns-inte', titel: 'Enkät 2019', period: '2019' } },
      UTBF,
    );
    badInput(enkat.body, `Ogiltig indata: omradeId – Okänt område "finns-inte". ${KANDA}`);
    const skolan = await s.gql(
      REGISTRERA_SKOLA,
      { input: { omradeId: 'finns-inte', namn: 'Nya skolan' } },
      UTBF,
    );
    badInput(skolan.body, `Ogiltig indata: omradeId – Okänt område "finns-inte". ${KANDA}`);
    expect(await tables()).toEqual(before);
    for (const fraga of [
      '{ skolor(omrade: "finns-inte") { id } }',
      '{ enkater(omrade: "finns-inte", period: "2016") { id } }',
    ]) {
      const { body } = await s.gql(fraga, {}, UTBF);
      badInput(body, `Okänt område "finns-inte". ${KANDA}`);
    }
  });

  it('only the owner creates surveys', async () => {
    const before = await tables();
    const input = { omradeId: 'kungsholmen', titel: 'Enkät 2019', period: '2019' };
    onlyError((await s.gql(SKAPA_ENKAT, { input }, skola(u.skolor[0]!))).body, 'FORBIDDEN');
    onlyError((await s.gql(SKAPA_ENKAT, { input }, { authorization: '' })).body, 'UNAUTHENTICATED');
    onlyError((await s.gql(SKAPA_ENKAT, { input })).body, 'FORBIDDEN');
    expect(await tables()).toEqual(before);
  });

  it('adds a question as the next number, then closes; after that nothing changes', async () => {
    const LAGG_TILL = `mutation ($input: LaggTillFragaInput!) { laggTillFraga(input: $input) { nr typ text } }`;
    const fraga = { enkatId: u.enkatId, text: 'Något annat skolan vill berätta?', typ: 'FRITEXT' };
    const added = await s.gql(LAGG_TILL, { input: fraga }, UTBF);
    expect(added.body.data).toEqual({ laggTillFraga: { nr: 3, typ: 'FRITEXT', text: fraga.text } });

    const closed = await s.gql<{ stangEnkat: { status: string; stangd: string } }>(
      STANG,
      { id: u.enkatId },
      UTBF,
    );
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data!.stangEnkat.status).toBe('STANGD');
    expect(Date.parse(closed.body.data!.stangEnkat.stangd)).not.toBeNaN();

    const before = await tables();
    const late = await s.gql(
      LAMNA_SVAR,
      {
        input: {
          enkatId: u.enkatId,
          skolaId: u.skolor[0],
          svar: [{ fragaId: u.fragor[0]!.id, ja: true }],
        },
      },
      skola(u.skolor[0]!),
    );
    badInput(late.body, 'Enkäten "Trygghetsenkät till skolorna 2018" är stängd.', [
      { field: 'enkatId', reason: 'enkäten är stängd' },
    ]);
    badInput(
      (await s.gql(LAGG_TILL, { input: fraga }, UTBF)).body,
      'Enkäten "Trygghetsenkät till skolorna 2018" är stängd.',
    );
    badInput(
      (await s.gql(STANG, { id: u.enkatId }, UTBF)).body,
      'Enkäten "Trygghetsenkät till skolorna 2018" är redan stängd.',
    );
    expect(await tables()).toEqual(before);
    expect((await vitMakt(s, 'kungsholmen', UTBF)).vitMakt).toEqual({
      antal: 3,
      undertryckt: false,
      visning: '3',
    });
  });

  it('the seeded 2016 survey is closed: its answers cannot be changed', async () => {
    const before = await tables();
    const { body } = await s.gql(
      LAMNA_SVAR,
      {
        input: {
          enkatId: 'norrmalm-2016-enkat-skolor',
          skolaId: R1,
          svar: [{ fragaId: 'norrmalm-2016-enkat-skolor-fraga-1', ja: false }],
        },
      },
      skola(R1),
    );
    badInput(
      body,
      'Enkäten "Enkätundersökning till kommunala och fristående skolor i stadsdelsområdet" är stängd.',
    );
    expect(await tables()).toEqual(before);
  });
});

describe('skolor, a survey nobody has answered yet', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(skolor);
  });
  afterAll(() => s?.stop());

  const AVSNITT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Lagesbild {
    period
    skolor {
      rapporteringsstatus utskick besvarade svarsfrekvens svarsfrekvensVisning grovrePeriod
      miljoer { rapporteringsstatus besvarade grovrePeriod }
    }
  } } }`;

  async function avsnitt(...perioder: string[]) {
    const { body } = await s.gql<{
      _entities: { period: string; skolor: Record<string, unknown> & { miljoer: unknown[] } }[];
    }>(
      AVSNITT,
      {
        r: perioder.map((period) => ({ __typename: 'Lagesbild', omradeId: 'bromma', period })),
      },
      RADET,
    );
    expect(body.errors).toBeUndefined();
    return body.data!._entities.map(({ skolor: { miljoer, ...rest } }) => ({
      ...rest,
      vitMakt: miljoer[0],
    }));
  }

  it('is not a report — for its own period or a shorter one — until a school answers', async () => {
    const skolorna: string[] = [];
    for (const namn of ['Tomskolan 1', 'Tomskolan 2']) {
      const { body } = await s.gql<{ registreraSkola: { id: string } }>(
        REGISTRERA_SKOLA,
        { input: { omradeId: 'bromma', namn } },
        UTBF,
      );
      expect(body.errors).toBeUndefined();
      skolorna.push(body.data!.registreraSkola.id);
    }
    const { body } = await s.gql<{ skapaEnkat: { id: string; fragor: { id: string }[] } }>(
      SKAPA_ENKAT,
      {
        input: {
          omradeId: 'bromma',
          titel: 'Trygghetsenkät 2019',
          period: '2019',
          sistaSvarsdag: '2999-12-31',
          mottagare: skolorna,
          fragor: [
            {
              text: 'Har skolan sett tecken på vit makt-miljön?',
              typ: 'JA_NEJ',
              miljo: 'VIT_MAKT',
            },
          ],
        },
      },
      UTBF,
    );
    expect(body.errors).toBeUndefined();
    const enkat = body.data!.skapaEnkat;

    // Sent to two known schools, none has answered: the rate is a true 0 %, the count is
    // not reported, and the half-year does not borrow a report the year does not have.
    const ejRapporterad = {
      rapporteringsstatus: 'EJ_RAPPORTERAT',
      besvarade: null,
      grovrePeriod: null,
    };
    expect(await avsnitt('2019', '2019-H1')).toEqual([
      {
        ...ejRapporterad,
        utskick: 2,
        svarsfrekvens: 0,
        svarsfrekvensVisning: '0 %',
        vitMakt: ejRapporterad,
      },
      {
        ...ejRapporterad,
        utskick: null,
        svarsfrekvens: null,
        svarsfrekvensVisning: null,
        vitMakt: ejRapporterad,
      },
    ]);

    const svar = await s.gql(
      LAMNA_SVAR,
      {
        input: {
          enkatId: enkat.id,
          skolaId: skolorna[0],
          svar: [{ fragaId: enkat.fragor[0]!.id, ja: false }],
        },
      },
      skola(skolorna[0]!),
    );
    expect(svar.body.errors).toBeUndefined();

    // One school answered no: the year is reported zero, the half-year reported for 2019.
    expect(await avsnitt('2019', '2019-H1')).toEqual([
      {
        rapporteringsstatus: 'RAPPORTERAT_NOLL',
        besvarade: 1,
        grovrePeriod: null,
        utskick: 2,
        svarsfrekvens: 0.5,
        svarsfrekvensVisning: '50 %',
        vitMakt: { rapporteringsstatus: 'RAPPORTERAT_NOLL', besvarade: 1, grovrePeriod: null },
      },
      {
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        besvarade: null,
        grovrePeriod: '2019',
        utskick: null,
        svarsfrekvens: null,
        svarsfrekvensVisning: null,
        vitMakt: {
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          besvarade: null,
          grovrePeriod: '2019',
        },
      },
    ]);
  });
});

describe('skolor, configuration', () => {
  it('reads SKOLOR_PORT; no disclosure threshold of its own any more', () => {
    expect(loadConfig({}, { SKOLOR_PORT: '4999' }).port).toBe(4999);
    expect(loadConfig({}, { SKOLOR_DISKRETION_TROSKEL: '5' })).not.toHaveProperty(
      'diskretionTroskel',
    );
  });
});
