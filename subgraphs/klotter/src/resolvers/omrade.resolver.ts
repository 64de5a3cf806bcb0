import { type Period, PeriodScalar } from '@lagesbild/domain';
import { LevandeData } from '@lagesbild/subgraph-kit';
import { OmradeRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { KLOTTER } from '../behorighet';
import { Kategori, Rapportor } from '../entities';
import { KlotteranmalanSida } from '../types/klotter.type';
import type { Context } from './context';
import { laddaSida } from './sida';

@Resolver(() => OmradeRef)
export class OmradeKlotterResolver {
  @LevandeData(KLOTTER)
  @FieldResolver(() => KlotteranmalanSida, {
    nullable: true,
    description:
      'Klotteranmälningar i området, filtrerade på period, rapportör och kategori; en sida i taget (first, after). Null med felet FORBIDDEN för läsare som inte är behöriga för klotterrapportörernas levande uppgifter.',
  })
  klotteranmalningar(
    @Root() o: OmradeRef,
    @Arg('period', () => PeriodScalar, { nullable: true }) period: Period | null,
    @Arg('rapportor', () => Rapportor, { nullable: true }) rapportor: Rapportor | null,
    @Arg('kategori', () => Kategori, { nullable: true }) kategori: Kategori | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return laddaSida(ctx, { omradeId: o.id, period, rapportor, kategori, first, after });
  }
}
