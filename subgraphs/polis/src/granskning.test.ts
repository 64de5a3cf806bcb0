import { startTestSubgraph, type TestSubgraph } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { polis } from './server';

const MALTAVLOR = `query Maltavlor($r: [_Any!]!) {
  _entities(representations: $r) { ... on Lagesbild { polis { maltavlor { namn } } } }
}`;

const LOGG = `query { granskningsloggPolis { subjekt roller operation typ vad } }`;

describe('polis, audit of the SKYDDAD targets', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(polis);
  });
  afterAll(() => s?.stop());

  const r = [{ __typename: 'Lagesbild', omradeId: 'norrmalm', period: '2016' }];

  it('logs each target POLIS reads, and nothing for RADET, who is refused', async () => {
    const radet = await s.gql(MALTAVLOR, { r }, { 'x-lagesbild-roller': 'RADET' });
    expect(radet.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await s.countRows('kit_granskningslogg')).toBe(0);

    const { body } = await s.gql(
      MALTAVLOR,
      { r },
      { 'x-lagesbild-roller': 'POLIS', 'x-lagesbild-subjekt': 'polis-12' },
    );
    expect(body.errors).toBeUndefined();
    const logg = await s.gql<{ granskningsloggPolis: Record<string, unknown>[] }>(
      LOGG,
      {},
      { 'x-lagesbild-roller': 'ADMIN' },
    );
    expect(logg.body.data!.granskningsloggPolis).toHaveLength(2);
    for (const post of logg.body.data!.granskningsloggPolis) {
      expect(post).toMatchObject({
        subjekt: 'polis-12',
        roller: ['POLIS'],
        operation: 'Maltavlor',
        typ: 'LASNING',
        vad: expect.stringMatching(/^Maltavla:/),
      });
    }
  });

  it('the log is the admin’s only', async () => {
    const { body } = await s.gql(LOGG, {}, { 'x-lagesbild-roller': 'POLIS' });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
