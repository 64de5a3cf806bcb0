import { AVSNITT_AGARE, Roll } from '@lagesbild/domain';
import { importVagar, type SubgraphDefinition } from '@lagesbild/subgraph-kit';
import {
  Atervandare,
  Atgard,
  AtgardStatushandelse,
  Delsteg,
  Faltobservation,
  Handlingsplan,
  Incident,
  Kallanmarkning,
  Kontakt,
  Omrade,
  Plats,
  Samverkansforum,
} from './entities';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations/Migration0001Forvaltning';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedForvaltning } from './seed';

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function forvaltningSubgraph(): SubgraphDefinition<Loaders> {
  return {
    name: SUBGRAPH_NAME,
    entities: [
      Omrade,
      Plats,
      Incident,
      Kallanmarkning,
      Kontakt,
      Atervandare,
      Faltobservation,
      Handlingsplan,
      Atgard,
      Delsteg,
      AtgardStatushandelse,
      Samverkansforum,
    ],
    migrations,
    schema: buildSchema,
    loaders: createLoaders,
    seed: async (em) => {
      await seedForvaltning(em);
    },
    // The incident import of `import:csv`, for the coordinator's token (README, "Bulk import").
    routes: (orm) => [
      importVagar(orm, [
        {
          subgraf: SUBGRAPH_NAME,
          slag: 'incidenter',
          roller: [...AVSNITT_AGARE.forvaltning, Roll.ADMIN],
          csv: async () => (await import('./import/incident.import')).incidentImporter,
        },
      ]),
    ],
  };
}

export const forvaltning = forvaltningSubgraph();
