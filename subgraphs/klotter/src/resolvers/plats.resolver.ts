import { type Period, PeriodScalar } from '@lagesbild/domain';
import { LevandeData, paPlatser } from '@lagesbild/subgraph-kit';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { KLOTTER } from '../behorighet';
import { Klotteranmalan } from '../entities';
import type { Context } from './context';

@Resolver(() => PlatsRef)
export class PlatsKlotterResolver {
  @LevandeData(KLOTTER)
  @Directive('@requires(fields: "omfattar")')
  @FieldResolver(() => [Klotteranmalan], {
    nullable: true,
    description:
      'Klotteranmälningar på platsen, inom perioden när den anges; med medDelar: true även på platsens delar. Null med felet FORBIDDEN för läsare som inte är behöriga för klotterrapportörernas levande uppgifter.',
  })
  async klotteranmalningar(
    @Root() p: PlatsRef,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodScalar, { nullable: true }) period?: Period | null,
    @Arg('medDelar', () => Boolean, { defaultValue: false }) medDelar = false,
  ): Promise<Klotteranmalan[]> {
    return paPlatser(ctx.loaders.vidPlats, p.ids(medDelar), period);
  }
}
