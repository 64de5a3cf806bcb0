import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { Roll } from '@lagesbild/domain';
import {
  buildSchema,
  type DocumentNode,
  execute,
  GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  parse,
  print,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  behorighetExecutor,
  behovFor,
  forApolloGateway,
  lasBehorighetskrav,
  saknadBehorighet,
  UNAUTHORIZED_FIELD_OR_TYPE,
  vadSomSaknas,
} from './behorighet';

const SUPERGRAPH = readFileSync(
  fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)),
  'utf8',
);

/** A small supergraph-shaped SDL: a renamed directive, type-level rules and an extension. */
const SDL = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
{ query: Query mutation: Mutation }
directive @scopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
directive @authenticated on FIELD_DEFINITION | OBJECT
type Query { lage: Lage, hemligt: Hemligt @authenticated, logg: [String!]! @scopes(scopes: [["roll:ADMIN"]]) }
type Lage { antal: Int, text: String @scopes(scopes: [["klassning:begransad"]]), mal: [String!]! @scopes(scopes: [["klassning:skyddad"]]), obs: [String!] @scopes(scopes: [["roll:UTBILDNINGSFORVALTNING"], ["roll:ADMIN"]]) }
type Hemligt @scopes(scopes: [["klassning:skyddad"]]) { namn: String }
type Mutation { skriv: Int! @scopes(scopes: [["roll:ADMIN"]]), oppen: Int }
`;
const API = buildSchema(`
type Query { lage: Lage, hemligt: Hemligt, logg: [String!]!, lagen: [Lage!], tomma: [Lage!]! }
type Lage { antal: Int, text: String, mal: [String!]!, obs: [String!] }
type Hemligt { namn: String }
type Mutation { skriv: Int!, oppen: Int }
`);

describe('lasBehorighetskrav', () => {
  it('reads field and type rules, through a renamed directive', () => {
    const krav = lasBehorighetskrav(SDL);
    expect(Object.fromEntries(krav.scopes)).toEqual({
      'Query.logg': [['roll:ADMIN']],
      'Lage.text': [['klassning:begransad']],
      'Lage.mal': [['klassning:skyddad']],
      'Lage.obs': [['roll:UTBILDNINGSFORVALTNING'], ['roll:ADMIN']],
      Hemligt: [['klassning:skyddad']],
      'Mutation.skriv': [['roll:ADMIN']],
    });
    expect([...krav.autentiserad]).toEqual(['Query.hemligt']);
  });

  it('reads the composed supergraph: the restricted fields of issue 7', () => {
    const krav = lasBehorighetskrav(SUPERGRAPH);
    const falt = [...krav.scopes].filter(([k]) => !k.startsWith('Mutation.'));
    expect(Object.fromEntries(falt)).toEqual({
      'Incident.beskrivning': [['klassning:begransad']],
      'Klotteranmalan.anteckningar': [['klassning:begransad']],
      'Kontakt.atgard': [['klassning:begransad']],
      'Kontakt.utfall': [['klassning:begransad']],
      'PolisLage.maltavlor': [['klassning:skyddad']],
      'Query.granskningsloggForvaltning': [['roll:ADMIN']],
      'Query.granskningsloggKlotter': [['roll:ADMIN']],
      'Query.granskningsloggPolis': [['roll:ADMIN']],
      'Query.granskningsloggPublicering': [['roll:ADMIN']],
      'Query.granskningsloggSkolor': [['roll:ADMIN']],
      'SkolorMiljo.observationer': [['roll:UTBILDNINGSFORVALTNING'], ['roll:ADMIN']],
    });
    // Every write names its roles, so the gateway refuses a write before calling anyone.
    expect(krav.scopes.get('Mutation.registreraOmrade')).toEqual([['roll:ADMIN']]);
    expect(krav.scopes.get('Mutation.faststallPublicering')).toEqual([['roll:RADET']]);
    expect([...krav.scopes.keys()].filter((k) => k.startsWith('Mutation.'))).toHaveLength(18);
  });
});

describe('forApolloGateway', () => {
  it('drops only the SECURITY purpose of the two links and keeps the rules', () => {
    const out = forApolloGateway(SDL);
    expect(out).not.toMatch(/for: SECURITY/);
    expect(lasBehorighetskrav(out)).toEqual(lasBehorighetskrav(SDL));
  });

  it('lets Apollo Gateway load the composed supergraph, which it refuses as composed', async () => {
    await expect(new ApolloGateway({ supergraphSdl: SUPERGRAPH }).load()).rejects.toThrow(
      /SECURITY but is unsupported/,
    );
    const gateway = new ApolloGateway({ supergraphSdl: forApolloGateway(SUPERGRAPH) });
    const { schema } = await gateway.load();
    expect(schema.getType('PolisLage')).toBeDefined();
    await gateway.stop();
  });
});

describe('behovFor: what an operation reads that has a rule', () => {
  const krav = lasBehorighetskrav(SDL);
  const elements = (query: string, operationName?: string) =>
    behovFor(API, parse(query), operationName, krav)
      .map((b) => b.element)
      .sort();

  it('finds nothing in an open query', () => {
    expect(elements('{ lage { antal } }')).toEqual([]);
  });

  it('sees through aliases, fragments, nested fragments and inline fragments', () => {
    expect(elements('{ a: lage { b: text } }')).toEqual(['Lage.text']);
    expect(
      elements(`
        query Q { lage { ...L } }
        fragment L on Lage { antal ...M }
        fragment M on Lage { ... on Lage { mal } }
      `),
    ).toEqual(['Lage.mal']);
    expect(elements('{ lage { ... { obs } } }')).toEqual(['Lage.obs']);
  });

  it('counts a type rule where a field returns the type, and @authenticated', () => {
    expect(elements('{ hemligt { namn } }')).toEqual(['Hemligt', 'Query.hemligt']);
  });

  it('walks only the chosen operation and the fragments it spreads', () => {
    const doc = `
      query Oppen { lage { antal } }
      query Admin { logg lage { ...T } }
      fragment T on Lage { text }
      fragment Oanvand on Lage { mal }
    `;
    expect(elements(doc, 'Oppen')).toEqual([]);
    expect(elements(doc, 'Admin')).toEqual(['Lage.text', 'Query.logg']);
  });
});

describe('saknadBehorighet', () => {
  const krav = lasBehorighetskrav(SDL);
  const behov = behovFor(API, parse('{ logg lage { text mal obs } }'), undefined, krav);
  const viewer = (...roller: Roll[]) => ({ subject: 't', roller, skolaId: null });

  it('names each field and the scope it needs, in Swedish', () => {
    expect(saknadBehorighet(behov, viewer(Roll.RADET))).toEqual([
      'Query.logg (kräver roll:ADMIN)',
      'Lage.mal (kräver klassning:skyddad)',
      'Lage.obs (kräver roll:UTBILDNINGSFORVALTNING eller roll:ADMIN)',
    ]);
  });

  it('passes a caller who holds one alternative of each rule', () => {
    expect(saknadBehorighet(behov, viewer(Roll.ADMIN))).toEqual([]);
    expect(saknadBehorighet(behov, viewer(Roll.POLIS, Roll.UTBILDNINGSFORVALTNING))).toEqual([
      'Query.logg (kräver roll:ADMIN)',
    ]);
  });
});

describe('the refusal names what the reader tried', () => {
  it('says "utföra" for a mutation and "läsa" for a field', () => {
    expect(vadSomSaknas(['Mutation.publiceraBedomning (kräver roll:POLIS eller roll:ADMIN)'])).toBe(
      'utföra Mutation.publiceraBedomning (kräver roll:POLIS eller roll:ADMIN)',
    );
    expect(vadSomSaknas(['Incident.beskrivning (kräver klassning:begransad)'])).toBe(
      'läsa Incident.beskrivning (kräver klassning:begransad)',
    );
    expect(vadSomSaknas(['Mutation.a (kräver x)', 'Typ.b (kräver y)'])).toBe(
      'utföra Mutation.a (kräver x) eller läsa Typ.b (kräver y)',
    );
  });
});

describe('Router-like filtering: removed, answered null with an error, the rest run', () => {
  const krav = lasBehorighetskrav(SDL);
  const lage = (n: number) => ({
    antal: n,
    text: `text ${n}`,
    mal: ['m'],
    obs: ['o'],
  });
  const ROOT = {
    lage: lage(1),
    hemligt: { namn: 'h' },
    logg: ['l'],
    lagen: [lage(1), lage(2)],
    tomma: [],
    skriv: 1,
    oppen: 2,
  };
  /** Stands in for Apollo Gateway's executor: graphql-js runs what it is given. */
  const run = async (
    query: string,
    roller: Roll[],
    options: {
      variables?: Record<string, unknown>;
      operationName?: string;
      fel?: GraphQLError[];
    } = {},
  ) => {
    const sent: { document: DocumentNode; queryHash: string }[] = [];
    const executor = behorighetExecutor(
      async (rc) => {
        sent.push({ document: rc.document, queryHash: rc.queryHash });
        if (options.fel) return { data: { lagen: [null, null] }, errors: options.fel };
        return execute({
          schema: API,
          document: rc.document,
          rootValue: ROOT,
          variableValues: rc.request.variables ?? {},
          operationName: rc.request.operationName ?? null,
        }) as Promise<{ data?: Record<string, unknown> | null; errors?: never[] }>;
      },
      () => krav,
    );
    const document = parse(query);
    const operation = getOperationAST(document, options.operationName);
    if (!operation) throw new Error('no operation');
    const rc = {
      request: { query, variables: options.variables, operationName: options.operationName },
      document,
      operation,
      operationName: options.operationName ?? null,
      schema: API,
      context: { viewer: { subject: 't', roller, skolaId: null } },
      queryHash: 'originalets-hash',
      source: query,
    } as unknown as Parameters<typeof executor>[0];
    const result = await executor(rc);
    const errors = (result.errors ?? []).map((e) =>
      'toJSON' in e ? (e as { toJSON(): GraphQLFormattedError }).toJSON() : e,
    ) as GraphQLFormattedError[];
    return {
      data: result.data,
      errors,
      sent: sent.map((x) => ({ ...x, text: print(x.document) })),
    };
  };

  it('passes an operation the caller may read in full, untouched', async () => {
    const svar = await run('{ lage { antal obs } }', [Roll.UTBILDNINGSFORVALTNING]);
    expect(svar.errors).toEqual([]);
    expect(svar.sent[0]?.queryHash).toBe('originalets-hash');
    expect(svar.data).toEqual({ lage: { antal: 1, obs: ['o'] } });
  });

  it('removes the field before planning and answers it null, naming it, in Swedish', async () => {
    const svar = await run('{ lage { antal obs text } }', [Roll.RADET]);
    expect(svar.sent).toHaveLength(1);
    expect(svar.sent[0]?.text).not.toContain('obs');
    // The plan is cached under the filtered text, never under the caller's query.
    expect(svar.sent[0]?.queryHash).toBe(
      createHash('sha256')
        .update(svar.sent[0]?.text ?? '')
        .digest('hex'),
    );
    // The caller's order of fields, the removed one null.
    expect(JSON.stringify(svar.data)).toBe('{"lage":{"antal":1,"obs":null,"text":"text 1"}}');
    expect(svar.errors).toEqual([
      {
        message:
          'Din roll har inte behörighet att läsa Lage.obs (kräver roll:UTBILDNINGSFORVALTNING eller roll:ADMIN). Fältet har tagits bort ur frågan och besvaras med null.',
        path: ['lage', 'obs'],
        extensions: {
          code: UNAUTHORIZED_FIELD_OR_TYPE,
          saknadBehorighet: ['Lage.obs (kräver roll:UTBILDNINGSFORVALTNING eller roll:ADMIN)'],
        },
      },
    ]);
  });

  it('answers each list item, by alias and through fragments, with one error per item', async () => {
    const svar = await run(
      `query Q { l: lagen { ...F } }
       fragment F on Lage { a: antal ... on Lage { o: obs } }`,
      [Roll.RADET],
      { operationName: 'Q' },
    );
    expect(svar.data).toEqual({
      l: [
        { a: 1, o: null },
        { a: 2, o: null },
      ],
    });
    expect(svar.errors.map((e) => e.path)).toEqual([
      ['l', 0, 'o'],
      ['l', 1, 'o'],
    ]);
  });

  it('keeps the object of a selection left empty, its removed fields null', async () => {
    const svar = await run('{ lagen { obs } }', [Roll.RADET]);
    expect(svar.data).toEqual({ lagen: [{ obs: null }, { obs: null }] });
    expect(svar.errors).toHaveLength(2);
  });

  it('makes the nearest nullable parent null when the removed field is non-null', async () => {
    const svar = await run('{ lage { antal mal } lagen { antal mal } }', [Roll.RADET]);
    // lage is nullable: it becomes null; an item of lagen is not: the list becomes null.
    expect(svar.data).toEqual({ lage: null, lagen: null });
    expect(svar.errors.map((e) => e.path)).toEqual([
      ['lage', 'mal'],
      ['lagen', 0, 'mal'],
      ['lagen', 1, 'mal'],
    ]);
    // A non-null root field: the whole data is null, though the rest was asked and run.
    const rot = await run('{ lage { antal } logg }', [Roll.RADET]);
    expect(rot.sent).toHaveLength(1);
    expect(rot.data).toBeNull();
    expect(rot.errors.map((e) => e.path)).toEqual([['logg']]);
  });

  it('asks nobody when nothing is left: data null and each removed field named', async () => {
    const las = await run('{ logg h: hemligt { namn } }', [Roll.RADET]);
    expect(las.sent).toEqual([]);
    expect(las.data).toBeNull();
    expect(las.errors.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['logg'], UNAUTHORIZED_FIELD_OR_TYPE],
      [['h'], UNAUTHORIZED_FIELD_OR_TYPE],
    ]);
    expect(las.errors[1]?.message).toMatch(/läsa Hemligt \(kräver klassning:skyddad\)/);
    // A write the caller may not make is removed as Router does, and nothing is sent.
    const skriv = await run('mutation { skriv }', [Roll.RADET]);
    expect(skriv.sent).toEqual([]);
    expect(skriv.data).toBeNull();
    expect(skriv.errors).toEqual([
      {
        message:
          'Din roll har inte behörighet att utföra Mutation.skriv (kräver roll:ADMIN). Ändringen har inte skickats till någon källa.',
        path: ['skriv'],
        extensions: {
          code: UNAUTHORIZED_FIELD_OR_TYPE,
          saknadBehorighet: ['Mutation.skriv (kräver roll:ADMIN)'],
        },
      },
    ]);
  });

  it('names a removed field with no place in the answer once, without a path', async () => {
    const svar = await run('{ tomma { antal obs } }', [Roll.RADET]);
    expect(svar.data).toEqual({ tomma: [] });
    expect(svar.errors).toHaveLength(1);
    expect(svar.errors[0]?.path).toBeUndefined();
    expect(svar.errors[0]?.message).toContain('Lage.obs');
  });

  it('honours @skip and @include on a removed field', async () => {
    const query = 'query ($visa: Boolean!) { lage { antal obs @include(if: $visa) } }';
    const utan = await run(query, [Roll.RADET], { variables: { visa: false } });
    expect(utan.data).toEqual({ lage: { antal: 1 } });
    // Still named, without a path: the caller asked for a field it may not read.
    expect(utan.errors.map((e) => e.path)).toEqual([undefined]);
    const med = await run(query, [Roll.RADET], { variables: { visa: true } });
    expect(med.data).toEqual({ lage: { antal: 1, obs: null } });
    expect(med.errors.map((e) => e.path)).toEqual([['lage', 'obs']]);
  });

  it('plans only the chosen operation and the fragments it still uses', async () => {
    const svar = await run(
      `query A { lage { ...O antal } }
       query B { logg }
       fragment O on Lage { obs }`,
      [Roll.RADET],
      { operationName: 'A' },
    );
    expect(svar.sent[0]?.text).not.toMatch(/query B|obs/);
    expect(svar.data).toEqual({ lage: { obs: null, antal: 1 } });
  });

  it('never shows the caller the alias asked for in place of removed fields', async () => {
    // A source that did not answer names each field its fetch was to give, the alias too.
    const fel = [0, 1].map(
      (i) =>
        new GraphQLError('Källan x går inte att nå just nu.', {
          path: ['lagen', i, '_behorighet'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
        }),
    );
    const svar = await run('{ lagen { obs } }', [Roll.RADET], { fel });
    expect(svar.sent[0]?.text).toContain('_behorighet: __typename');
    expect(svar.errors.filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toEqual([
      {
        message: 'Källan x går inte att nå just nu.',
        path: ['lagen', 0],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      },
      {
        message: 'Källan x går inte att nå just nu.',
        path: ['lagen', 1],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      },
    ]);
    expect(JSON.stringify([svar.data, svar.errors])).not.toContain('_behorighet');
  });

  it('runs nothing for variables that do not fit, and answers as the gateway does', async () => {
    const svar = await run(
      'query ($visa: Boolean!) { lage { obs @include(if: $visa) } }',
      [Roll.RADET],
      {
        variables: { visa: 'ja' },
      },
    );
    expect(svar.sent).toEqual([]);
    expect(svar.data).toBeUndefined();
    expect(svar.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Variable "\$visa" got invalid value "ja"/),
    ]);
  });

  it('names no field of a fragment spread only inside a removed field', async () => {
    const svar = await run(
      `{ lage { antal } logg2: hemligt { ...H } }
       fragment H on Hemligt { namn }`,
      [Roll.RADET],
    );
    expect(svar.sent[0]?.text).not.toMatch(/fragment H|hemligt/);
    expect(svar.data).toEqual({ lage: { antal: 1 }, logg2: null });
    expect(svar.errors.map((e) => [e.path, e.extensions?.saknadBehorighet])).toEqual([
      [['logg2'], ['Hemligt (kräver klassning:skyddad)']],
    ]);
  });
});
