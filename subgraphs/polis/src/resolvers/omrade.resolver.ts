import { type Period, PeriodScalar } from '@lagesbild/domain';
import { LevandeData } from '@lagesbild/subgraph-kit';
import { OmradeRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { POLIS } from '../behorighet';
import { Gruppering, Handelse } from '../entities';
import type { Context } from './context';

@Resolver(() => OmradeRef)
export class OmradePolisResolver {
  @LevandeData(POLIS)
  @FieldResolver(() => [Handelse], {
    nullable: true,
    description:
      'Polisens händelser i det offentliga rummet inom perioden; null med felet FORBIDDEN för ' +
      'läsare som inte är behöriga för polisens levande uppgifter.',
  })
  handelser(
    @Root() o: OmradeRef,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Handelse[]> {
    return ctx.loaders.handelser.load({ omradeId: o.id, period });
  }

  @FieldResolver(() => [Gruppering], {
    nullable: true,
    description: 'Grupperingar som polisen följer i området, våldsbejakande och antidemokratiska.',
  })
  grupperingar(@Root() o: OmradeRef, @Ctx() ctx: Context): Promise<Gruppering[]> {
    return ctx.loaders.grupperingarIOmrade.load(o.id);
  }
}
