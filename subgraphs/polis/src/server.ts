import { AVSNITT_AGARE, Roll } from '@lagesbild/domain';
import { importVagar, type SubgraphDefinition } from '@lagesbild/subgraph-kit';
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
    // The events of `import:csv` (text/csv) and `import:handelser` (the feed's JSON), for
    // the police's token.
    routes: (orm) => [
      importVagar(orm, [
        {
          subgraf: SUBGRAPH_NAME,
          slag: 'handelser',
          roller: [...AVSNITT_AGARE.polis, Roll.ADMIN],
          csv: async () => (await import('./import/handelser.csv')).handelseImporter,
          json: async (em, data, val) =>
            (await import('./import/handelser.import')).importHandelserHttp(em, data, val),
        },
      ]),
    ],
  };
}

export const polis = polisSubgraph();
