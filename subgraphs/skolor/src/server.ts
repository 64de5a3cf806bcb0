import { DISKRETION_STANDARDTROSKEL } from '@lagesbild/domain';
import type { SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { Enkat, EnkatMottagare, Fraga, Skola, Svar, Svarsuppsattning } from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Skolor';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedSkolor } from './seed';

export interface SkolorOptions {
  /** Counts from 1 up to this reach a reader without clearance as "fåtal" (default 3). */
  diskretionTroskel?: number;
}

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function skolorSubgraph(options: SkolorOptions = {}): SubgraphDefinition<Loaders> {
  const installningar = {
    diskretionTroskel: options.diskretionTroskel ?? DISKRETION_STANDARDTROSKEL,
  };
  return {
    name: SUBGRAPH_NAME,
    entities: [Skola, Enkat, EnkatMottagare, Fraga, Svarsuppsattning, Svar],
    migrations,
    schema: buildSchema,
    // The threshold travels with the loaders: the kit's context holds em, loaders, viewer.
    loaders: (em) => createLoaders(em, installningar),
    seed: async (em) => {
      await seedSkolor(em);
    },
  };
}

export const skolor = skolorSubgraph();
