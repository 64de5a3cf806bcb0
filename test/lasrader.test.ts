import { lasRader, type SubgraphDefinition, untrackedInstance } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lagesbild/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { Plats } from '../subgraphs/forvaltning/src/entities';
import { forvaltning } from '../subgraphs/forvaltning/src/server';
import { polis } from '../subgraphs/polis/src/server';

// The seeded subgraphs whose picture lists are read as plain rows: every entity of theirs,
// read both ways, must come out the same, value for value, type for type.

/**
 * Untouched by MikroORM's change tracking: only plain own data properties. Its setters, on
 * the first assignment, give an instance an accessor per tracked property.
 */
const oberorda = (instance: object) =>
  Object.values(Object.getOwnPropertyDescriptors(instance)).every(
    (d) => 'value' in d && d.enumerable && d.writable,
  );

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
          expect(oberorda(rad), entity.name).toBe(true);
        }
        if (plain.length > 0) jamforda.push(entity.name);
      }
      // The picture's lists are read as plain rows (no fallback), and the seed has rows of each.
      expect(jamforda).toEqual(expect.arrayContaining([...listor]));
    });
  }
});

describe('untrackedInstance', () => {
  it('is an instance of its class with the given values as its own plain properties', () => {
    const plats = untrackedInstance(Plats, { id: 'okand-plats', namn: null, lat: null });
    expect(plats).toBeInstanceOf(Plats);
    expect({ ...plats }).toStrictEqual({ id: 'okand-plats', namn: null, lat: null });
    expect(oberorda(plats)).toBe(true);
    plats.namn = 'Namnet';
    expect(Object.keys(plats)).toEqual(['id', 'namn', 'lat']);
    expect(oberorda(plats)).toBe(true);
    // What was not given is absent: undefined, and no property appears for it.
    expect(plats.adress).toBeUndefined();
    expect(Object.getOwnPropertyNames(plats)).toEqual(['id', 'namn', 'lat']);
  });
});
