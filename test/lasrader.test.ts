import { lasRader, type SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lagesbild/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { forvaltning } from '../subgraphs/forvaltning/src/server';
import { polis } from '../subgraphs/polis/src/server';

// The seeded subgraphs whose picture lists are read as plain rows: every entity of theirs,
// read both ways, must come out the same, value for value, type for type.

describe('lasRader: plain rows equal what em.find hydrates', () => {
  const started: TestSubgraph[] = [];
  afterAll(async () => {
    for (const s of started) await s.stop();
  });

  for (const [namn, definition, listor] of [
    ['forvaltning', forvaltning, ['Incident', 'Kontakt', 'Faltobservation', 'Atervandare']],
    ['polis', polis, ['Handelse', 'Bedomning', 'Maltavla']],
  ] as const) {
    it(`every entity of ${namn}`, async () => {
      const s = await startTestSubgraph(definition as SubgraphDefinition<unknown>);
      started.push(s);
      const jamforda: string[] = [];
      for (const entity of definition.entities as (new (
        ...a: never[]
      ) => object)[]) {
        const em = s.running.orm.orm.em.fork();
        const hydrerade = await em.find(entity, {}, { orderBy: { id: 'asc' } as never });
        let fallback = false;
        const plain = await lasRader(
          em.fork(),
          entity,
          { sql: '1 = 1', params: [] },
          async () => {
            fallback = true;
            return hydrerade;
          },
          { id: 'asc' },
        );
        if (fallback) continue;
        expect(plain.length, entity.name).toBe(hydrerade.length);
        for (const [i, rad] of plain.entries()) {
          expect(rad, entity.name).toBeInstanceOf(entity);
          expect({ ...rad }, entity.name).toStrictEqual({ ...hydrerade[i] });
        }
        if (plain.length > 0) jamforda.push(entity.name);
      }
      // The picture's lists are read as plain rows (no fallback), and the seed has rows of each.
      expect(jamforda).toEqual(expect.arrayContaining([...listor]));
    });
  }
});
