import { platsId, wgs84ToSweref99tm } from '@lagesbild/domain';
import { badUserInput, KraverBehorighet } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Koordinater, Omrade, Plats } from '../entities';
import type { Context } from './context';
import { resolvePlats } from './plats.reference';
import { RegistreraPlatsInput } from './types/plats.input';

@Resolver(() => Plats)
export class PlatsResolver {
  @Query(() => Plats, {
    description:
      'En plats efter id eller adress/namn (samma id som platsId() ger); okända platser markeras oregistrerade.',
  })
  plats(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<Plats> {
    return resolvePlats(platsId(id), ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Om platsen finns i förvaltningens register.' })
  registrerad(@Root() p: Plats): boolean {
    return p.omradeId !== null;
  }

  @FieldResolver(() => [ID], {
    description:
      'Platsens id och id:n för dess delar i registret; partnernas fält med medDelar: true läser det.',
  })
  omfattar(@Root() p: Plats): string[] {
    return [p.id];
  }

  @FieldResolver(() => Omrade, { nullable: true })
  omrade(@Root() p: Plats, @Ctx() ctx: Context): Promise<Omrade | null> | null {
    return p.omradeId ? ctx.loaders.omrade.load(p.omradeId) : null;
  }

  @FieldResolver(() => Koordinater, { nullable: true })
  koordinater(@Root() p: Plats): Koordinater | null {
    if (p.lat === null || p.lon === null || p.swerefN === null || p.swerefE === null) return null;
    return {
      sweref99tm: { n: p.swerefN, e: p.swerefE },
      wgs84: { lat: p.lat, lon: p.lon },
      kalla: p.koordinatkalla ?? 'okänd',
    };
  }

  @KraverBehorighet('roll:SAMORDNARE', 'roll:ADMIN')
  @Mutation(() => Plats, { description: 'Lägg till en plats i platsregistret (samordnaren).' })
  async registreraPlats(
    @Arg('input', () => RegistreraPlatsInput) input: RegistreraPlatsInput,
    @Ctx() ctx: Context,
  ): Promise<Plats> {
    if ((input.lat == null) !== (input.lon == null)) {
      throw badUserInput('Ange både latitud och longitud, eller ingen av dem.', [
        { field: input.lat == null ? 'lat' : 'lon', reason: 'saknas' },
      ]);
    }
    return ctx.em.transactional(async (tx) => {
      if (!(await tx.findOne(Omrade, { id: input.omradeId }))) {
        throw badUserInput(`Okänt område "${input.omradeId}".`, [
          { field: 'omradeId', reason: 'området finns inte i registret' },
        ]);
      }
      const id = platsId(input.adress ?? input.namn);
      const existing = await tx.findOne(Plats, { id });
      if (existing) {
        throw badUserInput(`Platsen finns redan i registret (id "${id}", ${existing.namn}).`, [
          { field: input.adress ? 'adress' : 'namn', reason: 'finns redan' },
        ]);
      }
      const plats = new Plats(id, input.namn, input.omradeId);
      plats.adress = input.adress ?? null;
      plats.beskrivning = input.beskrivning ?? null;
      if (input.lat != null && input.lon != null) {
        const { n, e } = wgs84ToSweref99tm(input.lat, input.lon);
        Object.assign(plats, { lat: input.lat, lon: input.lon, swerefN: n, swerefE: e });
        plats.koordinatkalla = 'Angiven vid registrering';
      }
      tx.persist(plats);
      return plats;
    });
  }
}
