import { DISKRETION_STANDARDTROSKEL } from '@lagesbild/domain';
import type { SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { Klotteranmalan, Nollrapport } from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Klotter';
import { open311Routes } from './open311/routes';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedKlotter } from './seed';

export interface KlotterOptions {
  /** Counts from 1 up to this reach a reader without clearance as "fåtal" (default 3; 0 shows every count). */
  diskretionTroskel?: number;
}

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function klotterSubgraph(options: KlotterOptions = {}): SubgraphDefinition<Loaders> {
  const installningar = {
    diskretionTroskel: options.diskretionTroskel ?? DISKRETION_STANDARDTROSKEL,
  };
  return {
    name: SUBGRAPH_NAME,
    entities: [Klotteranmalan, Nollrapport],
    migrations,
    schema: buildSchema,
    // The threshold travels with the loaders: the kit's context holds em, loaders, viewer.
    loaders: (em) => createLoaders(em, installningar),
    seed: async (em) => {
      await seedKlotter(em);
    },
    routes: (orm) => open311Routes(orm),
  };
}

export const klotter = klotterSubgraph();
