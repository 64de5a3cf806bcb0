import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Klotteranmalan } from '../entities';
import type { Context } from './context';

@Resolver(() => PlatsRef)
export class PlatsKlotterResolver {
  @FieldResolver(() => [Klotteranmalan], {
    nullable: true,
    description: 'Klotteranmälningar på platsen.',
  })
  klotteranmalningar(@Root() p: PlatsRef, @Ctx() ctx: Context) {
    return ctx.loaders.vidPlats.load(p.id);
  }
}
