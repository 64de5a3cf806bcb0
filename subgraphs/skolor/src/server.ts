import { AVSNITT_AGARE, Roll } from '@lagesbild/domain';
import { importVagar, type SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { Enkat, EnkatMottagare, Fraga, Skola, Svar, Svarsuppsattning } from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Skolor';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedSkolor } from './seed';

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function skolorSubgraph(): SubgraphDefinition<Loaders> {
  return {
    name: SUBGRAPH_NAME,
    entities: [Skola, Enkat, EnkatMottagare, Fraga, Svarsuppsattning, Svar],
    migrations,
    schema: buildSchema,
    loaders: createLoaders,
    seed: async (em) => {
      await seedSkolor(em);
    },
    // The survey answers of `import:csv`: the education administration's token for every
    // school, a school's token for its own answers only.
    routes: (orm) => [
      importVagar(orm, [
        {
          subgraf: SUBGRAPH_NAME,
          slag: 'svar',
          roller: [...AVSNITT_AGARE.skolor, Roll.SKOLA, Roll.ADMIN],
          csv: async () => (await import('./import/svar.csv')).svarImporter,
        },
      ]),
    ],
  };
}

export const skolor = skolorSubgraph();
