import { omradeIdAv, type Period, PeriodScalar, stadsdelsomrade } from '@lagesbild/domain';
import {
  badUserInput,
  KraverBehorighet,
  LevandeData,
  readableAndAudited,
} from '@lagesbild/subgraph-kit';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FORVALTNING } from '../behorighet';
import { Handlingsplan, Incident, Omrade, Plats, Samverkansforum } from '../entities';
import type { Context } from './context';
import { RegistreraOmradeInput } from './types/omrade.input';

@Resolver(() => Omrade)
export class OmradeResolver {
  @Query(() => Omrade, {
    nullable: true,
    description:
      'Ett stadsdelsområde, t.ex. "norrmalm" (utan hänsyn till skiftläge); null när det inte finns.',
  })
  omrade(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<Omrade | null> {
    return ctx.loaders.omrade.load(omradeIdAv(id));
  }

  @Query(() => [Omrade], { description: 'Alla stadsdelsområden i registret, efter namn.' })
  omraden(@Ctx() ctx: Context): Promise<Omrade[]> {
    return ctx.em.find(Omrade, {}, { orderBy: { namn: 'asc' } });
  }

  @KraverBehorighet('roll:ADMIN')
  @Mutation(() => Omrade, { description: 'Lägg till ett stadsdelsområde (administratören).' })
  async registreraOmrade(
    @Arg('input', () => RegistreraOmradeInput) input: RegistreraOmradeInput,
    @Ctx() ctx: Context,
  ): Promise<Omrade> {
    // The id is one of Stockholm's (KantOmrade); its name comes from the same register.
    const kant = stadsdelsomrade(input.id);
    if (!kant)
      throw badUserInput(`Okänt område "${input.id}".`, [{ field: 'id', reason: 'okänt' }]);
    if (input.namn != null && input.namn.trim() !== kant.namn) {
      throw badUserInput(
        `Området "${kant.id}" heter "${kant.namn}" i registret över Stockholms stadsdelsområden, inte "${input.namn.trim()}".`,
        [{ field: 'namn', reason: `heter ${kant.namn}` }],
      );
    }
    return ctx.em.transactional(async (tx) => {
      if (await tx.findOne(Omrade, { id: input.id })) {
        throw badUserInput(`Området "${input.id}" finns redan.`, [
          { field: 'id', reason: 'finns redan' },
        ]);
      }
      const omrade = new Omrade(kant.id, kant.namn, input.kommun.trim(), input.namnd.trim());
      tx.persist(omrade);
      return omrade;
    });
  }

  @FieldResolver(() => [Plats], {
    description:
      'Platserna i platsregistret för området, efter namn; med overordnade: true bara de som ' +
      'inte är del av en annan plats (en park, inte dess parklek).',
  })
  async platser(
    @Root() o: Omrade,
    @Arg('overordnade', () => Boolean, { defaultValue: false }) overordnade: boolean,
    @Ctx() ctx: Context,
  ): Promise<Plats[]> {
    const platser = await ctx.loaders.platserIOmrade.load(o.id);
    return overordnade ? platser.filter((p) => p.delAvId === null) : platser;
  }

  @FieldResolver(() => Handlingsplan, {
    nullable: true,
    description: 'Den senast fastställda handlingsplanen.',
  })
  async handlingsplan(@Root() o: Omrade, @Ctx() ctx: Context): Promise<Handlingsplan | null> {
    return (await ctx.loaders.handlingsplanForOmrade.load(o.id))[0] ?? null;
  }

  @FieldResolver(() => [Samverkansforum], { description: 'Områdets samverkansforum, efter namn.' })
  samverkansforum(@Root() o: Omrade, @Ctx() ctx: Context): Promise<Samverkansforum[]> {
    return ctx.loaders.samverkansforum.load(o.id);
  }

  @LevandeData(FORVALTNING)
  @FieldResolver(() => [Incident], {
    nullable: true,
    description:
      'Incidenter inom perioden som läsaren har behörighet till (klassning); null med felet ' +
      'FORBIDDEN för läsare som inte är behöriga för förvaltningens levande uppgifter.',
  })
  async incidenter(
    @Root() o: Omrade,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Incident[]> {
    return readableAndAudited(
      ctx,
      await ctx.loaders.incidenter.load({ omradeId: o.id, period }),
      'Incident',
    );
  }
}
