import { type Period, PeriodScalar } from '@lagesbild/domain';
import { LevandeData, paPlatser } from '@lagesbild/subgraph-kit';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { POLIS } from '../behorighet';
import { Handelse } from '../entities';
import type { Context } from './context';

@Resolver(() => PlatsRef)
export class PlatsPolisResolver {
  @LevandeData(POLIS)
  @Directive('@requires(fields: "omfattar")')
  @FieldResolver(() => [Handelse], {
    nullable: true,
    description:
      'Polisens händelser på platsen, inom perioden när den anges; med medDelar: true även på platsens delar (t.ex. parken och dess tunnelbaneuppgång). Null med felet FORBIDDEN för läsare som inte är behöriga för polisens levande uppgifter.',
  })
  async handelser(
    @Root() p: PlatsRef,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodScalar, { nullable: true }) period?: Period | null,
    @Arg('medDelar', () => Boolean, { defaultValue: false }) medDelar = false,
  ): Promise<Handelse[]> {
    return paPlatser(ctx.loaders.handelserVidPlats, p.ids(medDelar), period);
  }
}
