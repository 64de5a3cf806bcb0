import { DISKRETION_STANDARDTROSKEL } from '@lagesbild/domain';
import type { SubgraphDefinition } from '@lagesbild/subgraph-kit';
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

export interface ForvaltningOptions {
  /** Counts from 1 up to this reach a reader without clearance as "fåtal" (default 3; 0 shows every count). */
  diskretionTroskel?: number;
}

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function forvaltningSubgraph(options: ForvaltningOptions = {}): SubgraphDefinition<Loaders> {
  const installningar = {
    diskretionTroskel: options.diskretionTroskel ?? DISKRETION_STANDARDTROSKEL,
  };
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
    // The threshold travels with the loaders: the kit's context holds em, loaders, viewer.
    loaders: (em) => createLoaders(em, installningar),
    seed: async (em) => {
      await seedForvaltning(em);
    },
  };
}

export const forvaltning = forvaltningSubgraph();
