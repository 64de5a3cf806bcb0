import { LevandeData } from '@lagesbild/subgraph-kit';
import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { POLIS } from '../behorighet';
import { Gruppering, Handelse } from '../entities';
import type { Context } from './context';

@Resolver(() => Gruppering)
export class GrupperingResolver {
  @FieldResolver(() => [PlatsRef], { description: 'Platser där gruppen har varit verksam.' })
  aktivPa(@Root() g: Gruppering): PlatsRef[] {
    return g.platsIds.map((id) => new PlatsRef(id));
  }

  // The group is register data; the events it arranged are the police's live records.
  @LevandeData(POLIS)
  @FieldResolver(() => [Handelse], {
    nullable: true,
    description:
      'Händelser som gruppen har arrangerat; null med felet FORBIDDEN för läsare som inte är ' +
      'behöriga för polisens levande uppgifter.',
  })
  handelser(@Root() g: Gruppering, @Ctx() ctx: Context): Promise<Handelse[]> {
    return ctx.loaders.handelserForGruppering.load(g.id);
  }
}
