import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { Roll } from '@lagesbild/domain';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  behovFor,
  forApolloGateway,
  lasBehorighetskrav,
  saknadBehorighet,
  vadSomSaknas,
} from './behorighet';

const SUPERGRAPH = readFileSync(
  fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
  'utf8',
);

/** A small supergraph-shaped SDL: a renamed directive, type-level rules and an extension. */
const SDL = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
{ query: Query }
directive @scopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
directive @authenticated on FIELD_DEFINITION | OBJECT
type Query { lage: Lage, hemligt: Hemligt @authenticated, logg: [String!]! @scopes(scopes: [["roll:ADMIN"]]) }
type Lage { antal: Int, text: String @scopes(scopes: [["klassning:begransad"]]), mal: [String!]! @scopes(scopes: [["klassning:skyddad"]]), obs: [String!] @scopes(scopes: [["roll:UTBILDNINGSFORVALTNING"], ["roll:ADMIN"]]) }
type Hemligt @scopes(scopes: [["klassning:skyddad"]]) { namn: String }
`;
const API = buildSchema(`
type Query { lage: Lage, hemligt: Hemligt, logg: [String!]! }
type Lage { antal: Int, text: String, mal: [String!]!, obs: [String!] }
type Hemligt { namn: String }
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
