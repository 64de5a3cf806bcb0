import {
  createTestDatabase,
  type GqlBody,
  startTestSubgraph,
  type TestSubgraph,
} from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { skolor, skolorSubgraph } from './server';

const UTBF = { 'x-lagesbild-roller': 'UTBILDNINGSFORVALTNING' };
const RADET = { 'x-lagesbild-roller': 'RADET' };
const skola = (id: string) => ({ 'x-lagesbild-roller': 'SKOLA', 'x-lagesbild-skola': id });
const R1 = 'norrmalm-2016-respondent-1';
const R2 = 'norrmalm-2016-respondent-2';
const OBSERVATION = 'vit makt-propaganda i form av klistermärken och flygblad i elevskåp';
const FATAL = { antal: null, undertryckt: true, visning: 'fåtal' };
const EN = { antal: 1, undertryckt: false, visning: '1' };

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
    rapporteringsstatus utskick besvarade svarsfrekvens svarsfrekvensVisning
    enkater { titel period skickad sistaSvarsdag status stangd }
    miljoer {
      miljo rapporteringsstatus besvarade
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
  besvarade: number;
  svarsfrekvens: number | null;
  svarsfrekvensVisning: string;
  enkater: unknown[];
  miljoer: {
    miljo: string;
    rapporteringsstatus: string;
    besvarade: number;
    skolorMedTecken: unknown;
    andelMedTecken: unknown;
    observationer: string[] | null;
  }[];
}

async function lage(s: TestSubgraph, period: string, headers: Record<string, string> = {}) {
  const { body } = await s.gql<{ _entities: { skolor: SkolorLage }[] }>(
    LAGE,
    { r: [lagesbild(period)] },
    headers,
  );
  expect(body.errors).toBeUndefined();
  return body.data!._entities[0]!.skolor;
}

describe('skolor, the 2016 survey from the source document', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(skolor);
  });
  afterAll(() => s?.stop());

  it('to a reader without clearance: six answered, one saw white-power signs shown as "fåtal"', async () => {
    const l = await lage(s, '2016');
    expect(l).toMatchObject({
      rapporteringsstatus: 'RAPPORTERAT',
      // The document does not say how many schools got the survey.
      utskick: null,
      besvarade: 6,
      svarsfrekvens: null,
      svarsfrekvensVisning: 'okänd',
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
      skolorMedTecken: FATAL,
      andelMedTecken: { andel: null, undertryckt: true, visning: 'ej redovisad' },
      observationer: null,
    });
    // The schools were asked about white power only: the rest is "not asked", not zero.
    for (const m of l.miljoer.slice(1)) {
      expect(m).toMatchObject({
        rapporteringsstatus: 'EJ_RAPPORTERAT',
        besvarade: 0,
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

  it('the council and a single school also see "fåtal": only the owner has clearance', async () => {
    for (const headers of [RADET, skola(R2)]) {
      const l = await lage(s, '2016', headers);
      expect(l.miljoer[0]!.skolorMedTecken).toEqual(FATAL);
      expect(l.miljoer[0]!.observationer).toBeNull();
    }
  });

  it('to utbildningsförvaltningen: the number 1, 17 %, and the observation without a school', async () => {
    const l = await lage(s, '2016', UTBF);
    expect(l.miljoer[0]).toEqual({
      miljo: 'VIT_MAKT',
      rapporteringsstatus: 'RAPPORTERAT',
      besvarade: 6,
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
    const anonymous = await s.gql(q, { r });
    expect(anonymous.body.data).toEqual({
      _entities: [
        {
          miljo: 'VIT_MAKT',
          skolor: { besvarade: 6, skolorMedTecken: { antal: null, visning: 'fåtal' } },
        },
        { miljo: 'AUTONOMA', skolor: { besvarade: 0, skolorMedTecken: null } },
      ],
    });
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

  it('per-school answers: none without clearance, the own for a school, all for the owner', async () => {
    interface E {
      enkater: {
        resultat: unknown;
        fragor: { resultat: unknown }[];
        svar: { skola: { namn: string }; svar: { ja: boolean; text: string | null }[] }[];
      }[];
    }
    const anonymous = await s.gql<E>(ENKAT_SVAR);
    const e = anonymous.body.data!.enkater[0]!;
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
        resultat: {
          besvarade: 6,
          ja: { antal: null, visning: 'fåtal' },
          andelJa: { visning: 'ej redovisad' },
        },
      },
    ]);
    expect(e.svar).toEqual([]);

    const own = await s.gql<E>(ENKAT_SVAR, {}, skola(R2));
    expect(own.body.data!.enkater[0]!.svar).toEqual([
      { skola: { namn: 'Respondent 2' }, svar: [{ ja: false, text: null }] },
    ]);
    // A school role without the school header sees no school's answers.
    const noId = await s.gql<E>(ENKAT_SVAR, {}, { 'x-lagesbild-roller': 'SKOLA' });
    expect(noId.body.data!.enkater[0]!.svar).toEqual([]);

    const all = await s.gql<E>(ENKAT_SVAR, {}, UTBF);
    const svar = all.body.data!.enkater[0]!.svar;
    expect(svar).toHaveLength(6);
    expect(svar.filter((u) => u.svar[0]!.ja)).toHaveLength(1);
    expect(all.body.data!.enkater[0]!.fragor[0]!.resultat).toEqual({
      besvarade: 6,
      ja: { antal: 1, visning: '1' },
      andelJa: { visning: '17 %' },
    });
  });

  it('2016-H2 and 2015: no survey inside the period, so not reported', async () => {
    for (const period of ['2016-H2', '2015']) {
      const l = await lage(s, period);
      expect(l).toMatchObject({
        rapporteringsstatus: 'EJ_RAPPORTERAT',
        utskick: null,
        besvarade: 0,
        enkater: [],
      });
      expect(l.miljoer.every((m) => m.skolorMedTecken === null)).toBe(true);
    }
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
        periods.map((p) => [p, p === '2016' ? 6 : 0]),
      );
      // One aggregate for every area-period, one list of surveys, one of observations.
      expect(await s.sqlStatements()).toBe(3);
    },
  );

  it.each([1, 6, 12])('%i MiljoLage references cost one SQL statement', async (n) => {
    const miljoer = [
      'VIT_MAKT',
      'AUTONOMA',
      'ISLAMISTISK',
      'ENSAMAGERANDE',
      'ANTIDEMOKRATISK',
      'OSPECIFICERAD',
    ];
    const r = Array.from({ length: n }, (_, i) => ({
      __typename: 'MiljoLage',
      omradeId: 'norrmalm',
      period: i < 6 ? '2016' : '2017',
      miljo: miljoer[i % 6],
    }));
    await s.resetSql();
    const { body } = await s.gql<{ _entities: { skolor: { besvarade: number } }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MiljoLage { skolor { besvarade skolorMedTecken { visning } } } } }`,
      { r },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((e) => e.skolor.besvarade)).toEqual(
      r.map((x) => (x.period === '2016' && x.miljo === 'VIT_MAKT' ? 6 : 0)),
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
