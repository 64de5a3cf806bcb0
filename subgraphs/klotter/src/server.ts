import { AVSNITT_AGARE, Roll } from '@lagesbild/domain';
import { importVagar, type SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { Klotteranmalan, Nollrapport } from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Klotter';
import { open311Routes } from './open311/routes';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedKlotter } from './seed';

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function klotterSubgraph(): SubgraphDefinition<Loaders> {
  return {
    name: SUBGRAPH_NAME,
    entities: [Klotteranmalan, Nollrapport],
    migrations,
    schema: buildSchema,
    loaders: createLoaders,
    seed: async (em) => {
      await seedKlotter(em);
    },
    routes: (orm) => [
      ...open311Routes(orm),
      // The reports of `import:csv`, for a reporter's token: its own reports only.
      importVagar(orm, [
        {
          subgraf: SUBGRAPH_NAME,
          slag: 'klotter',
          roller: [...AVSNITT_AGARE.klotter, Roll.ADMIN],
          csv: async () => (await import('./import/klotter.csv')).klotterImporter,
        },
      ]),
    ],
  };
}

export const klotter = klotterSubgraph();
