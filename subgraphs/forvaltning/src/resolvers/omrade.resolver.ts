import { type Period, PeriodScalar } from '@lagesbild/domain';
import { readable } from '@lagesbild/subgraph-kit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Handlingsplan, Incident, Omrade, Plats, Samverkansforum } from '../entities';
import type { Context } from './context';

@Resolver(() => Omrade)
export class OmradeResolver {
  @Query(() => Omrade, { nullable: true, description: 'Ett stadsdelsområde, t.ex. "norrmalm".' })
  omrade(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<Omrade | null> {
    return ctx.loaders.omrade.load(id);
  }

  @Query(() => [Omrade])
  omraden(@Ctx() ctx: Context): Promise<Omrade[]> {
    return ctx.em.find(Omrade, {}, { orderBy: { namn: 'asc' } });
  }

  @FieldResolver(() => [Plats], { description: 'Platserna i platsregistret för området.' })
  platser(@Root() o: Omrade, @Ctx() ctx: Context): Promise<Plats[]> {
    return ctx.loaders.platserIOmrade.load(o.id);
  }

  @FieldResolver(() => Handlingsplan, {
    nullable: true,
    description: 'Den senast fastställda handlingsplanen.',
  })
  async handlingsplan(@Root() o: Omrade, @Ctx() ctx: Context): Promise<Handlingsplan | null> {
    return (await ctx.loaders.handlingsplanForOmrade.load(o.id))[0] ?? null;
  }

  @FieldResolver(() => [Samverkansforum])
  samverkansforum(@Root() o: Omrade, @Ctx() ctx: Context): Promise<Samverkansforum[]> {
    return ctx.loaders.samverkansforum.load(o.id);
  }

  @FieldResolver(() => [Incident], {
    description: 'Incidenter inom perioden som läsaren har behörighet till (klassning).',
  })
  async incidenter(
    @Root() o: Omrade,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Incident[]> {
    return readable(
      ctx.viewer.roller,
      await ctx.loaders.incidenter.load({ omradeId: o.id, period }),
    );
  }
}
