import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apollosResultatformning, forApolloGateway } from './apollo-interna';
import {
  type ComputeResponse,
  createComputeResponse,
  type FederationInternals,
  type ShapedOperation,
} from './result-shaping';

// The supergraph as the gateway serves it, and federation-internals as the gateway loads it.
const fromGateway = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
interface Fed extends FederationInternals {
  Supergraph: { build(sdl: string): { apiSchema(): unknown } };
  operationFromDocument(schema: unknown, doc: unknown, options?: object): ShapedOperation;
  baseType(type: unknown): { name: string; kind: string; values?: { name: string }[] };
}
const fed = fromGateway('@apollo/federation-internals') as Fed;
const api = fed.Supergraph.build(
  forApolloGateway(
    readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
  ),
).apiSchema();

const QUERY = /* GraphQL */ `
  query Form($omrade: String!, $period: Period!, $visa: Boolean!, $dolj: Boolean = false) {
    lagesbild(omrade: $omrade, period: $period) {
      __typename
      omradeId
      tid: period
      fran @include(if: $visa)
      till @skip(if: $dolj)
      periodLage
      typ: __typename
      ... on Lagesbild {
        omradeId
      }
      omrade {
        id
        ...OmradeDelar
        ... on Omrade @include(if: $visa) {
          namnd
        }
        ... @include(if: true) {
          handlingsplan {
            namn
            fastalld
          }
        }
        namn @skip(if: false)
        uteslutet: namn @skip(if: true)
        platser {
          id
          namn
          delAv {
            id
            namn
          }
        }
      }
      forvaltning {
        grovrePeriod
      }
      polis {
        grovrePeriod
      }
    }
  }
  fragment OmradeDelar on Omrade {
    id
    namn
    handlingsplan {
      namn
      atgarder {
        nr
        namn
        status
        delsteg {
          nr
          text
          status
        }
      }
    }
  }
`;

/** A seeded linear congruential generator: a failing case can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Element {
  responseName?(): string;
  definition?: { type: unknown };
  name?: string;
}
interface Sel {
  kind: string;
  element: Element;
  selectionSet?: { selections(): Sel[] };
}

/**
 * Merged subgraph data for the operation, as the gateway would hand it to result shaping,
 * with faults at the rates given: nulls anywhere (also where the schema says non-null),
 * missing fields, leaf values of the wrong kind, typenames the schema does not know.
 */
function generate(operation: ShapedOperation, rnd: () => number, faults: boolean) {
  const p = (x: number) => faults && rnd() < x;
  const leaf = (type: unknown): unknown => {
    const base = fed.baseType(type);
    if (p(0.05)) return [{}, 'x', 1.5, true, 7][Math.floor(rnd() * 5)];
    if (base.values) return base.values[Math.floor(rnd() * base.values.length)]?.name;
    switch (base.name) {
      case 'Int':
        return Math.floor(rnd() * 1000) - 10;
      case 'Float':
        return rnd() * 100;
      case 'Boolean':
        return rnd() < 0.5;
      default:
        return `v${Math.floor(rnd() * 1e6)}`;
    }
  };
  const value = (type: unknown, selections: Sel[] | undefined): unknown => {
    if (p(0.08)) return null;
    if (fed.isNonNullType(type)) return value(type.ofType, selections);
    if (fed.isListType(type)) {
      return Array.from({ length: Math.floor(rnd() * 4) }, () => value(type.ofType, selections));
    }
    if (!selections) return leaf(type);
    const object: Record<string, unknown> = {};
    if (!p(0.1)) object.__typename = p(0.03) ? 'Okand' : fed.baseType(type).name;
    fill(object, selections);
    return object;
  };
  const fill = (object: Record<string, unknown>, selections: Sel[]) => {
    for (const s of selections) {
      if (s.kind === 'FragmentSelection') {
        fill(object, s.selectionSet?.selections() ?? []);
        continue;
      }
      const name = s.element.responseName?.() ?? '';
      if (name === '__typename' || name === 'typ' || p(0.03)) continue;
      const subselections = s.selectionSet?.selections();
      const earlier = object[name];
      if (earlier === undefined) {
        object[name] = value(s.element.definition?.type, subselections);
      } else if (subselections && earlier !== null && typeof earlier === 'object') {
        // Selected again (a fragment, an unconditional inline fragment): one value, merged, as
        // the subgraphs' merged data would be.
        for (const o of Array.isArray(earlier) ? earlier : [earlier]) {
          if (o !== null && typeof o === 'object')
            fill(o as Record<string, unknown>, subselections);
        }
      }
    }
  };
  const root: Record<string, unknown> = {};
  fill(root, operation.selectionSet.selections() as unknown as Sel[]);
  return root;
}

const seen = (
  shape: ComputeResponse,
  operation: ShapedOperation,
  input: unknown,
  variables: object,
) => {
  try {
    const { data, errors } = shape({
      operation,
      variables: variables as Record<string, unknown>,
      input: input as Record<string, unknown>,
      introspectionHandling: () => ({ introspektion: true }),
    });
    return {
      data: JSON.stringify(data),
      errors: errors.map((e: GraphQLError) => ({
        message: e.message,
        path: e.path,
        code: e.extensions.code,
      })),
    };
  } catch (error) {
    return { threw: (error as Error).message };
  }
};

describe('result shaping (reach 6) answers as Apollo Gateway’s own', () => {
  const apollo = apollosResultatformning();
  const own = createComputeResponse(fed);
  const operation = fed.operationFromDocument(api, parse(QUERY), { validate: true });

  it('on whole answers: the same data, key for key, and no errors', () => {
    const rnd = random(17);
    for (let i = 0; i < 50; i++) {
      const input = generate(operation, rnd, false);
      const variables = {
        omrade: 'norrmalm',
        period: '2016',
        visa: i % 2 === 0,
        dolj: i % 3 === 0,
      };
      const theirs = seen(apollo, operation, input, variables);
      expect(seen(own, operation, input, variables)).toEqual(theirs);
      expect(theirs.errors).toEqual([]);
    }
  });

  it('on broken answers: the same nulls bubbled up and the same errors at the same paths', () => {
    const rnd = random(2026);
    let withErrors = 0;
    let nulledRoot = 0;
    for (let i = 0; i < 600; i++) {
      const input = generate(operation, rnd, true);
      const variables = { omrade: 'norrmalm', period: '2016', visa: i % 2 === 0 };
      const theirs = seen(apollo, operation, input, variables);
      expect(seen(own, operation, input, variables), `case ${i}`).toEqual(theirs);
      if (theirs.errors?.length) withErrors++;
      if (theirs.data === 'null') nulledRoot++;
    }
    // The generated faults reach every kind of outcome, or the comparison proves little.
    expect(withErrors).toBeGreaterThan(300);
    expect(nulledRoot).toBeGreaterThan(10);
  });

  it('throws as Apollo does on what no subgraph may send (a non-list for a list)', () => {
    const input = generate(operation, random(5), false) as {
      lagesbild: { omrade: { platser: unknown } };
    };
    input.lagesbild.omrade.platser = 'inte en lista';
    const variables = { omrade: 'norrmalm', period: '2016', visa: true };
    const theirs = seen(apollo, operation, input, variables);
    expect(theirs.threw).toMatch(/non-list value/);
    expect(seen(own, operation, input, variables)).toEqual(theirs);
  });

  it('answers response names that Object.prototype has as the client named them', () => {
    // Aliases a client may choose: each an own property of the answer, as with Apollo's.
    const named = fed.operationFromDocument(
      api,
      parse(`{
        lagesbild(omrade: "norrmalm", period: "2016") {
          constructor: omradeId
          __proto__: period
          toString: periodLage
          omrade { hasOwnProperty: id valueOf: namn __proto__: namn }
        }
      }`),
      { validate: true },
    );
    // As the subgraphs' answers are parsed: `__proto__` an own key, not the prototype.
    const input = JSON.parse(
      '{"lagesbild":{"constructor":"norrmalm","__proto__":"2016","toString":"AVSLUTAD",' +
        '"omrade":{"hasOwnProperty":"norrmalm","valueOf":"Norrmalm","__proto__":"Norrmalm"}}}',
    );
    const theirs = seen(apollo, named, input, {});
    expect(theirs.errors).toEqual([]);
    expect(seen(own, named, input, {})).toEqual(theirs);
    const { data } = own({
      operation: named,
      input,
      variables: {},
      introspectionHandling: () => null,
    });
    const lagesbild = (data as { lagesbild: Record<string, unknown> }).lagesbild;
    expect(Object.keys(lagesbild)).toEqual(['constructor', '__proto__', 'toString', 'omrade']);
    expect(Object.keys(lagesbild.omrade as object)).toEqual([
      'hasOwnProperty',
      'valueOf',
      '__proto__',
    ]);
    expect(JSON.stringify(data)).toBe(
      '{"lagesbild":{"constructor":"norrmalm","__proto__":"2016","toString":"AVSLUTAD",' +
        '"omrade":{"hasOwnProperty":"norrmalm","valueOf":"Norrmalm","__proto__":"Norrmalm"}}}',
    );
  });

  it('leaves no input (null, undefined) as it is', () => {
    for (const input of [null, undefined]) {
      expect(own({ operation, input, variables: {}, introspectionHandling: () => null })).toEqual({
        data: input,
        errors: [],
      });
    }
  });
});
