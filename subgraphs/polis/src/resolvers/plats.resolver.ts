import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Handelse } from '../entities';
import type { Context } from './context';

@Resolver(() => PlatsRef)
export class PlatsPolisResolver {
  @FieldResolver(() => [Handelse], {
    nullable: true,
    description: 'Polisens händelser på platsen.',
  })
  handelser(@Root() p: PlatsRef, @Ctx() ctx: Context): Promise<Handelse[]> {
    return ctx.loaders.handelserVidPlats.load(p.id);
  }
}
