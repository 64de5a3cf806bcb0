import { type Period, PeriodScalar, platsId, wgs84ToSweref99tm } from '@lagesbild/domain';
import {
  badUserInput,
  KraverBehorighet,
  LevandeData,
  readableAndAudited,
} from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FORVALTNING } from '../behorighet';
import { Incident, Koordinater, Omrade, Plats } from '../entities';
import { kandOmradeIdI } from '../omrade-id';
import type { Context } from './context';
import { resolvePlats } from './plats.reference';
import { RegistreraPlatsInput } from './types/plats.input';

/**
 * The id of the registered place a new one is part of (given by id, name or address, as
 * Query.plats takes it); it must lie in the same area.
 */
async function storrePlats(tx: EntityManager, delAv: string, omradeId: string): Promise<string> {
  let id: string;
  try {
    id = platsId(delAv);
  } catch {
    id = '';
  }
  const storre = id ? await tx.findOne(Plats, { id }) : null;
  if (!storre) {
    throw badUserInput(`Platsen "${delAv.trim()}" finns inte i platsregistret.`, [
      { field: 'delAv', reason: 'platsen finns inte i registret' },
    ]);
  }
  if (storre.omradeId !== omradeId) {
    throw badUserInput(
      `Platsen "${storre.namn}" ligger i ett annat område (${storre.omradeId}) än den nya platsen (${omradeId}).`,
      [{ field: 'delAv', reason: 'platsen ligger i ett annat område' }],
    );
  }
  return storre.id;
}

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

  @FieldResolver(() => Plats, {
    nullable: true,
    description: 'Den större plats som platsen är en del av (parken för dess parklek), eller null.',
  })
  delAv(@Root() p: Plats, @Ctx() ctx: Context): Promise<Plats | null> | null {
    return p.delAvId ? ctx.loaders.plats.load(p.delAvId) : null;
  }

  @FieldResolver(() => [Plats], {
    description: 'Platserna som är delar av denna (närmaste nivån), efter namn.',
  })
  delar(@Root() p: Plats, @Ctx() ctx: Context): Promise<Plats[]> | Plats[] {
    return p.omradeId === null ? [] : ctx.loaders.delar.load(p.id);
  }

  @FieldResolver(() => [ID], {
    description:
      'Platsens id och id:n för alla dess delar i registret (delarnas delar också), platsen ' +
      'först; partnernas fält med medDelar: true läser det.',
  })
  omfattar(@Root() p: Plats, @Ctx() ctx: Context): Promise<string[]> | string[] {
    // An unregistered place has no parts: nothing to ask the register.
    return p.omradeId === null ? [p.id] : ctx.loaders.omfattar.load(p.id);
  }

  @LevandeData(FORVALTNING)
  @FieldResolver(() => [Incident], {
    nullable: true,
    description:
      'Incidenter på platsen som läsaren har behörighet till (klassning), inom perioden när den ' +
      'anges; med medDelar: true även på platsens delar. Äldst först. Null med felet FORBIDDEN ' +
      'för läsare som inte är behöriga för förvaltningens levande uppgifter.',
  })
  async incidenter(
    @Root() p: Plats,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodScalar, { nullable: true }) period?: Period | null,
    @Arg('medDelar', () => Boolean, { defaultValue: false }) medDelar = false,
  ): Promise<Incident[]> {
    const ids = medDelar && p.omradeId !== null ? await ctx.loaders.omfattar.load(p.id) : [p.id];
    const listor = await ctx.loaders.incidenterVidPlats.loadMany(
      ids.map((platsId) => ({ platsId, period: period ?? null })),
    );
    const alla: Incident[] = [];
    for (const lista of listor) {
      if (lista instanceof Error) throw lista;
      alla.push(...lista);
    }
    alla.sort((a, b) => a.fran.localeCompare(b.fran) || a.id.localeCompare(b.id));
    return readableAndAudited(ctx, alla, 'Incident');
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
      const omradeId = await kandOmradeIdI(tx, input.omradeId, 'omradeId');
      const id = platsId(input.adress ?? input.namn);
      const existing = await tx.findOne(Plats, { id });
      if (existing) {
        throw badUserInput(`Platsen finns redan i registret (id "${id}", ${existing.namn}).`, [
          { field: input.adress ? 'adress' : 'namn', reason: 'finns redan' },
        ]);
      }
      const plats = new Plats(id, input.namn, omradeId);
      if (input.delAv != null) plats.delAvId = await storrePlats(tx, input.delAv, omradeId);
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
