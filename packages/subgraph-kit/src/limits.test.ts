import { type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countRepresentations, loadSubgraphLimits } from './limits';

function count(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  return countRepresentations(operation, document, variables);
}

const r = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Plats', id: `${i}` }));

describe('counting _entities representations (issue 15, item 7)', () => {
  it('counts a variable list, as the gateway sends them', () => {
    expect(
      count('query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
        r: r(5000),
      }),
    ).toBe(5000);
  });

  it('counts inline lists, aliases and fragments together', () => {
    const query = `query ($r: [_Any!]!) {
      a: _entities(representations: $r) { __typename }
      b: _entities(representations: [{ __typename: "Plats", id: "1" }, { __typename: "Plats", id: "2" }]) { __typename }
      ... on Query { c: _entities(representations: $r) { __typename } }
      ...F
    }
    fragment F on Query { d: _entities(representations: $r) { __typename } }`;
    expect(count(query, { r: r(10) })).toBe(32);
  });

  it('is 0 for an ordinary query and for _service', () => {
    expect(count('{ _service { sdl } }')).toBe(0);
    expect(count('{ omrade(id: "norrmalm") { namn } }')).toBe(0);
  });
});

describe('loadSubgraphLimits', () => {
  it('shares the gateway variables, and reads production mode', () => {
    const limits = loadSubgraphLimits({ NODE_ENV: 'production', GATEWAY_MAX_DEPTH: '7' });
    expect(limits.production).toBe(true);
    expect(limits.limits.maxDepth).toBe(7);
    expect(limits.maxRepresentations).toBe(3000);
    expect(loadSubgraphLimits({ SUBGRAPH_MAX_REPRESENTATIONS: '50' }).maxRepresentations).toBe(50);
    expect(() => loadSubgraphLimits({ SUBGRAPH_MAX_REPRESENTATIONS: 'många' })).toThrow(
      'SUBGRAPH_MAX_REPRESENTATIONS="många" är inte ett giltigt värde',
    );
  });
});
