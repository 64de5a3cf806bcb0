import {
  buildClientSchema,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/** The council: cleared for every partner's small counts, so a number is a number. */
const RADET = { 'x-lagesbild-roller': 'RADET' };

/** Value types whose fields are a count or a share, read whole. */
const VARDETYPER: Record<string, string> = {
  SkyddatAntal: '{ antal undertryckt visning }',
  SkyddadAndel: '{ andel undertryckt visning }',
};

/** Field names that lead to another period or to records, not to this period's figures. */
const HOPPA_OVER = new Set(['grovre', 'foregaende', 'omrade']);

const harId = (t: GraphQLNamedType) => isObjectType(t) && 'id' in t.getFields();

/**
 * Every figure under a type, as a selection: Int and Float fields, the police's levels
 * (Niva), the protected counts and shares, and the objects that group them (SLA, per
 * reporter) — not records (types with an id), not fields that take arguments (pages of
 * records), not the way to another period (`grovre`, `foregaende`).
 */
function urval(schema: GraphQLSchema, typ: GraphQLNamedType, djup = 0): string {
  if (!isObjectType(typ) || djup > 4) return '';
  const delar: string[] = [];
  for (const f of Object.values(typ.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (HOPPA_OVER.has(f.name) || f.args.length > 0) continue;
    const named = getNamedType(f.type);
    if (f.name === 'rapporteringsstatus' || f.name === 'grovrePeriod') {
      delar.push(f.name);
    } else if (named.name in VARDETYPER) {
      delar.push(`${f.name} ${VARDETYPER[named.name]}`);
    } else if (isScalarType(named) && (named.name === 'Int' || named.name === 'Float')) {
      delar.push(f.name);
    } else if (isEnumType(named) && named.name === 'Niva') {
      delar.push(f.name);
    } else if (isObjectType(named) && !harId(named)) {
      const inre = urval(schema, named, djup + 1);
      if (inre) delar.push(`${f.name} { ${inre} }`);
    }
  }
  return delar.join(' ');
}

/** The partners' sections: the object-typed fields of Lagesbild that carry a status. */
function avsnitt(schema: GraphQLSchema, typnamn: 'Lagesbild' | 'MiljoLage') {
  const typ = schema.getType(typnamn);
  if (!isObjectType(typ)) throw new Error(`${typnamn} saknas i schemat`);
  return Object.values(typ.getFields())
    .filter((f) => {
      const t = getNamedType(f.type as GraphQLOutputType);
      return isObjectType(t) && 'rapporteringsstatus' in t.getFields() && !isListType(f.type);
    })
    .map((f) => ({ falt: f.name, typ: getNamedType(f.type) }));
}

type Nod = Record<string, unknown>;

/**
 * Walks an answer and returns every figure that stands under a status without a number
 * for the period (EJ_RAPPORTERAT, RAPPORTERAT_GROVRE_PERIOD) and is not null, with its path.
 */
function talUtanRapport(nod: unknown, vag: string, arvdStatus: string | null): string[] {
  if (nod === null || nod === undefined) return [];
  if (Array.isArray(nod))
    return nod.flatMap((n, i) => talUtanRapport(n, `${vag}[${i}]`, arvdStatus));
  if (typeof nod !== 'object') {
    const utanTal = arvdStatus === 'EJ_RAPPORTERAT' || arvdStatus === 'RAPPORTERAT_GROVRE_PERIOD';
    return utanTal ? [`${vag} = ${JSON.stringify(nod)} (${arvdStatus})`] : [];
  }
  const o = nod as Nod;
  const status = typeof o.rapporteringsstatus === 'string' ? o.rapporteringsstatus : arvdStatus;
  return Object.entries(o)
    .filter(([k]) => k !== 'rapporteringsstatus' && k !== 'grovrePeriod')
    .flatMap(([k, v]) => talUtanRapport(v, `${vag}.${k}`, status));
}

/** A protected count or share is one figure: null as a whole when there is none. */
function ejNull(nod: unknown): boolean {
  return nod !== null && nod !== undefined;
}

describe('a number means one thing: no figure for a partner that has not reported', () => {
  let system: RunningSystem;
  let schema: GraphQLSchema;
  let fraga: string;

  beforeAll(async () => {
    system = await startSystem();
    const { body } = await system.gql(getIntrospectionQuery(), undefined, RADET);
    schema = buildClientSchema(body.data as unknown as IntrospectionQuery);
    const sektioner = avsnitt(schema, 'Lagesbild')
      .map((a) => `${a.falt} { ${urval(schema, a.typ)} }`)
      .join('\n');
    const rader = avsnitt(schema, 'MiljoLage')
      .map((a) => `${a.falt} { ${urval(schema, a.typ)} }`)
      .join('\n');
    fraga = `query ($p: Period!) { lagesbild(omrade: "norrmalm", period: $p) {
      period periodLage
      ${sektioner}
      miljoer { miljo ${rader} }
    } }`;
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  const hamta = async (period: string) => {
    const { status, body } = await system.gql(fraga, { p: period }, RADET);
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return (body.data as { lagesbild: Nod }).lagesbild;
  };

  it('walks every partner section and every environment row the schema has', () => {
    // Each of the four partners contributes a section and an environment row; the walk
    // reaches their counts without being told their names.
    expect(
      avsnitt(schema, 'Lagesbild')
        .map((a) => a.falt)
        .sort(),
    ).toEqual(['forvaltning', 'klotter', 'polis', 'skolor']);
    expect(
      avsnitt(schema, 'MiljoLage')
        .map((a) => a.falt)
        .sort(),
    ).toEqual(['forvaltning', 'klotter', 'polis', 'skolor']);
    expect(fraga).toContain('incidenterAntal { antal undertryckt visning }');
    expect(fraga).toContain('handelserAntal { antal undertryckt visning }');
    expect(fraga).toContain('besvarade');
    expect(fraga).toContain('bosatta');
  });

  it('declares no count of a partner’s section or environment row as non-null', () => {
    // A non-null count could only be 0 for a partner that has not reported.
    const kravda: string[] = [];
    for (const typnamn of ['Lagesbild', 'MiljoLage'] as const) {
      for (const a of avsnitt(schema, typnamn)) {
        if (!isObjectType(a.typ)) continue;
        for (const f of Object.values(a.typ.getFields())) {
          const named = getNamedType(f.type);
          const ettTal =
            named.name in VARDETYPER ||
            named.name === 'Int' ||
            named.name === 'Float' ||
            named.name === 'Niva' ||
            named.name === 'SlaSummering';
          if (ettTal && isNonNullType(f.type) && !isListType(f.type.ofType)) {
            kravda.push(`${a.typ.name}.${f.name}`);
          }
        }
      }
    }
    expect(kravda).toEqual([]);
  });

  it('2016: every partner reported, and their counts are numbers', async () => {
    const l = await hamta('2016');
    expect(l.periodLage).toBe('AVSLUTAD');
    const status = (p: string) => (l[p] as Nod).rapporteringsstatus;
    expect(['forvaltning', 'polis', 'skolor', 'klotter'].map(status)).toEqual([
      'RAPPORTERAT',
      'RAPPORTERAT',
      'RAPPORTERAT',
      'RAPPORTERAT',
    ]);
    expect((l.forvaltning as Nod).incidenterAntal).toMatchObject({ antal: 3, visning: '3' });
    expect((l.skolor as Nod).besvarade).toBe(6);
    expect((l.klotter as Nod).antal).toMatchObject({ antal: 4 });
    expect(talUtanRapport(l, '2016', null)).toEqual([]);
  });

  it('2015: förvaltning, polis and skolor have not reported — null, never 0; klotter reported zero — 0', async () => {
    const l = await hamta('2015');
    const f = l.forvaltning as Nod;
    expect(f.rapporteringsstatus).toBe('EJ_RAPPORTERAT');
    expect(f.incidenterAntal).toBeNull();
    expect(f.kontakterAntal).toBeNull();
    expect((l.polis as Nod).rapporteringsstatus).toBe('EJ_RAPPORTERAT');
    expect((l.polis as Nod).handelserAntal).toBeNull();
    expect((l.skolor as Nod).rapporteringsstatus).toBe('EJ_RAPPORTERAT');
    expect((l.skolor as Nod).besvarade).toBeNull();
    // Trafikkontoret attested zero graffiti reports for 2015: a reported zero is 0.
    expect((l.klotter as Nod).rapporteringsstatus).toBe('RAPPORTERAT_NOLL');
    expect((l.klotter as Nod).antal).toMatchObject({ antal: 0, visning: '0' });
    const miljoer = l.miljoer as Nod[];
    for (const m of miljoer) {
      expect((m.forvaltning as Nod).incidenterAntal, String(m.miljo)).toBeNull();
      expect((m.polis as Nod).bosatta, String(m.miljo)).toBeNull();
      expect((m.skolor as Nod).besvarade, String(m.miljo)).toBeNull();
      expect((m.klotter as Nod).antal, String(m.miljo)).toMatchObject({ antal: 0 });
    }
    expect(talUtanRapport(l, '2015', null)).toEqual([]);
  });

  it('2016-H2: what was reported for the whole of 2016 is not counted into H2, and says so', async () => {
    const l = await hamta('2016-H2');
    for (const p of ['forvaltning', 'skolor', 'klotter']) {
      expect((l[p] as Nod).rapporteringsstatus, p).toBe('RAPPORTERAT_GROVRE_PERIOD');
      expect((l[p] as Nod).grovrePeriod, p).toBe('2016');
    }
    expect((l.forvaltning as Nod).incidenterAntal).toBeNull();
    expect((l.skolor as Nod).besvarade).toBeNull();
    expect((l.klotter as Nod).antal).toBeNull();
    // The police published its assessment for 2016-H2 itself, and dated three events only
    // to the year: H2 counts its own two, and the year is one field away.
    expect((l.polis as Nod).rapporteringsstatus).toBe('RAPPORTERAT');
    expect((l.polis as Nod).handelserAntal).toMatchObject({ antal: 2 });
    expect((l.polis as Nod).grovrePeriod).toBe('2016');
    expect(talUtanRapport(l, '2016-H2', null)).toEqual([]);
  });

  it('2016-H2: the longer period’s figures are one field away, labelled with that period', async () => {
    const { body } = await system.gql(
      `{ lagesbild(omrade: "norrmalm", period: "2016-H2") {
          forvaltning { grovrePeriod grovre { period: rapporteringsstatus incidenterAntal { antal } } }
          skolor { grovrePeriod grovre { rapporteringsstatus besvarade } }
          klotter { grovrePeriod grovre { rapporteringsstatus antal { antal } } }
          miljoer { miljo forvaltning { grovrePeriod grovre { incidenterAntal { antal } } } }
      } }`,
      undefined,
      RADET,
    );
    expect(body.errors).toBeUndefined();
    const l = (body.data as { lagesbild: Nod }).lagesbild;
    expect(l.forvaltning).toEqual({
      grovrePeriod: '2016',
      grovre: { period: 'RAPPORTERAT', incidenterAntal: { antal: 3 } },
    });
    expect(l.skolor).toEqual({
      grovrePeriod: '2016',
      grovre: { rapporteringsstatus: 'RAPPORTERAT', besvarade: 6 },
    });
    expect(l.klotter).toEqual({
      grovrePeriod: '2016',
      grovre: { rapporteringsstatus: 'RAPPORTERAT', antal: { antal: 4 } },
    });
    const vitMakt = (l.miljoer as Nod[]).find((m) => m.miljo === 'VIT_MAKT') as Nod;
    expect(vitMakt.forvaltning).toEqual({
      grovrePeriod: '2016',
      grovre: { incidenterAntal: { antal: 3 } },
    });
  });

  it('2030: a period that has not begun says so, and no partner has a number', async () => {
    const l = await hamta('2030');
    expect(l.periodLage).toBe('EJ_PABORJAD');
    for (const p of ['forvaltning', 'polis', 'skolor', 'klotter']) {
      expect((l[p] as Nod).rapporteringsstatus, p).toBe('EJ_RAPPORTERAT');
    }
    expect(talUtanRapport(l, '2030', null)).toEqual([]);
    // Nothing in the whole answer is a number.
    const tal = JSON.stringify(l).match(/:\s*-?\d/g) ?? [];
    expect(tal).toEqual([]);
    expect(ejNull((l.forvaltning as Nod).incidenterAntal)).toBe(false);
  });

  it('reads an area id without regard to case, and names the known ones for an unknown id', async () => {
    const stor = await system.gql(
      '{ lagesbild(omrade: "Norrmalm", period: "2016") { omradeId } }',
      undefined,
      RADET,
    );
    expect(stor.body).toEqual({ data: { lagesbild: { omradeId: 'norrmalm' } } });
    const okand = await system.gql(
      '{ lagesbild(omrade: "sodermalm", period: "2016") { omradeId } }',
      undefined,
      RADET,
    );
    expect(okand.body.data ?? null).toBeNull();
    expect(okand.body.errors).toEqual([
      expect.objectContaining({
        message: 'Okänt område "sodermalm". Kända områden: norrmalm.',
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          kandaOmraden: ['norrmalm'],
        }),
      }),
    ]);
  });
});
