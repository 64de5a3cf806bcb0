import { type Period, PeriodScalar, periodContains } from '@lagesbild/domain';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Klotteranmalan } from '../entities';
import type { Context } from './context';

@Resolver(() => PlatsRef)
export class PlatsKlotterResolver {
  @Directive('@requires(fields: "omfattar")')
  @FieldResolver(() => [Klotteranmalan], {
    nullable: true,
    description:
      'Klotteranmälningar på platsen, inom perioden när den anges; med medDelar: true även på platsens delar.',
  })
  async klotteranmalningar(
    @Root() p: PlatsRef,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodScalar, { nullable: true }) period?: Period | null,
    @Arg('medDelar', () => Boolean, { defaultValue: false }) medDelar = false,
  ): Promise<Klotteranmalan[]> {
    const listor = await ctx.loaders.vidPlats.loadMany(p.ids(medDelar));
    const sett = new Set<string>();
    const ut: Klotteranmalan[] = [];
    for (const lista of listor) {
      if (lista instanceof Error) throw lista;
      for (const a of lista) {
        if (sett.has(a.id) || (period && !periodContains(period, a))) continue;
        sett.add(a.id);
        ut.push(a);
      }
    }
    return ut;
  }
}
