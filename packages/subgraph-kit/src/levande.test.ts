import 'reflect-metadata';
import { Roll } from '@lagesbild/domain';
import { graphql } from 'graphql';
import { buildSchema, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { KitContext } from './context';
import {
  ejLevandeBehorig,
  harLevandeBehorighetFor,
  kravLevandeBehorighet,
  LevandeData,
} from './levande';
import type { Viewer } from './viewer';

const viewer = (...roller: Roll[]): Viewer => ({ subject: 't', roller, skolaId: null });

@ObjectType('LevandeTestAvsnitt')
class Avsnitt {
  @Field(() => Int)
  antal = 7;
}

let laddat = 0;

@Resolver()
class LevandeTestResolver {
  @LevandeData('polis')
  @Query(() => Avsnitt, { nullable: true })
  polisAvsnitt(): Avsnitt {
    laddat++;
    return new Avsnitt();
  }

  @Query(() => String)
  oppet(): string {
    return 'register';
  }
}

describe('a partner’s live data, in the kit', () => {
  it('clears the readers of the domain’s LEVANDE_BEHORIGA', () => {
    expect(harLevandeBehorighetFor(viewer(Roll.RADET), 'skolor')).toBe(true);
    expect(harLevandeBehorighetFor(viewer(Roll.SKOLA), 'skolor')).toBe(false);
    expect(harLevandeBehorighetFor(viewer(), 'polis')).toBe(false);
    expect(() => kravLevandeBehorighet(viewer(Roll.POLIS), 'polis')).not.toThrow();
    expect(() => kravLevandeBehorighet(viewer(Roll.SAMVERKANSPART), 'klotter')).toThrow(
      /^Klotterrapportörernas siffror och register visas bara för de behöriga/,
    );
  });

  it('refuses with FORBIDDEN, the partner as kalla and a Swedish message', () => {
    const fel = ejLevandeBehorig('forvaltning');
    expect(fel.extensions).toEqual({ code: 'FORBIDDEN', kalla: 'forvaltning' });
    expect(fel.message).toBe(
      'Förvaltningens siffror och register visas bara för de behöriga (SAMORDNARE, RADET, ANALYTIKER, ADMIN). Läs den fastställda lägesbilden.',
    );
  });

  it('answers a field null with the error before its resolver runs, and leaves the rest', async () => {
    const schema = await buildSchema({ resolvers: [LevandeTestResolver], validate: false });
    const fraga = (v: Viewer) =>
      graphql({
        schema,
        source: '{ oppet polisAvsnitt { antal } }',
        contextValue: { viewer: v } as unknown as KitContext,
      });
    laddat = 0;
    const nekad = await fraga(viewer(Roll.UTBILDNINGSFORVALTNING));
    expect(nekad.data).toEqual({ oppet: 'register', polisAvsnitt: null });
    expect(nekad.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['polisAvsnitt'], { code: 'FORBIDDEN', kalla: 'polis' }],
    ]);
    expect(laddat).toBe(0);
    const behorig = await fraga(viewer(Roll.POLIS));
    expect(behorig).toEqual({ data: { oppet: 'register', polisAvsnitt: { antal: 7 } } });
    expect(laddat).toBe(1);
  });
});
