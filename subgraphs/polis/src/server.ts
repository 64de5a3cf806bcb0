import type { SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { Bedomning, Gruppering, Handelse, HandelsePlats, Maltavla } from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Polis';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedPolis } from './seed';

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function polisSubgraph(): SubgraphDefinition<Loaders> {
  return {
    name: SUBGRAPH_NAME,
    entities: [Bedomning, Gruppering, Handelse, HandelsePlats, Maltavla],
    migrations,
    schema: buildSchema,
    loaders: createLoaders,
    seed: async (em) => {
      await seedPolis(em);
    },
  };
}

export const polis = polisSubgraph();
