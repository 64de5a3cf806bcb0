import { DISKRETION_STANDARDTROSKEL } from '@lagesbild/domain';
import type { SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { Bedomning, Gruppering, Handelse, HandelsePlats, Maltavla } from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Polis';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedPolis } from './seed';

export interface PolisOptions {
  /** Counts from 1 up to this reach a reader without clearance as "fåtal" (default 3; 0 shows every count). */
  diskretionTroskel?: number;
}

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function polisSubgraph(options: PolisOptions = {}): SubgraphDefinition<Loaders> {
  const installningar = {
    diskretionTroskel: options.diskretionTroskel ?? DISKRETION_STANDARDTROSKEL,
  };
  return {
    name: SUBGRAPH_NAME,
    entities: [Bedomning, Gruppering, Handelse, HandelsePlats, Maltavla],
    migrations,
    schema: buildSchema,
    // The threshold travels with the loaders: the kit's context holds em, loaders, viewer.
    loaders: (em) => createLoaders(em, installningar),
    seed: async (em) => {
      await seedPolis(em);
    },
  };
}

export const polis = polisSubgraph();
