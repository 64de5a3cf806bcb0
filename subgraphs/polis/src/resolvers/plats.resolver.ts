import { type Period, PeriodScalar, periodContains } from '@lagesbild/domain';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Handelse } from '../entities';
import type { Context } from './context';

@Resolver(() => PlatsRef)
export class PlatsPolisResolver {
  @Directive('@requires(fields: "omfattar")')
  @FieldResolver(() => [Handelse], {
    nullable: true,
    description:
      'Polisens händelser på platsen, inom perioden när den anges; med medDelar: true även på platsens delar (t.ex. parken och dess tunnelbaneuppgång).',
  })
  async handelser(
    @Root() p: PlatsRef,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodScalar, { nullable: true }) period?: Period | null,
    @Arg('medDelar', () => Boolean, { defaultValue: false }) medDelar = false,
  ): Promise<Handelse[]> {
    const listor = await ctx.loaders.handelserVidPlats.loadMany(p.ids(medDelar));
    const sett = new Set<string>();
    const ut: Handelse[] = [];
    for (const lista of listor) {
      if (lista instanceof Error) throw lista;
      for (const h of lista) {
        if (sett.has(h.id) || (period && !periodContains(period, h))) continue;
        sett.add(h.id);
        ut.push(h);
      }
    }
    // A place with its parts: one list in time order, as for a single place.
    return medDelar
      ? ut.sort((a, b) => a.fran.localeCompare(b.fran) || a.id.localeCompare(b.id))
      : ut;
  }
}
