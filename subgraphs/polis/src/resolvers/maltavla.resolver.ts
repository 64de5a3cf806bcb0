import { PlatsRef } from '@lagesbild/subgraph-kit/federation';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Maltavla } from '../entities';

@Resolver(() => Maltavla)
export class MaltavlaResolver {
  @FieldResolver(() => PlatsRef, { nullable: true })
  plats(@Root() m: Maltavla): PlatsRef | null {
    return m.platsId ? new PlatsRef(m.platsId) : null;
  }
}
