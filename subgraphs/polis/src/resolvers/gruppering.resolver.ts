import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Gruppering, Handelse } from '../entities';
import type { Context } from './context';

@Resolver(() => Gruppering)
export class GrupperingResolver {
  @FieldResolver(() => [PlatsRef], { description: 'Platser där gruppen har varit verksam.' })
  aktivPa(@Root() g: Gruppering): PlatsRef[] {
    return g.platsIds.map((id) => new PlatsRef(id));
  }

  @FieldResolver(() => [Handelse], { description: 'Händelser som gruppen har arrangerat.' })
  handelser(@Root() g: Gruppering, @Ctx() ctx: Context): Promise<Handelse[]> {
    return ctx.loaders.handelserForGruppering.load(g.id);
  }
}
