import { DISKRETION_STANDARDTROSKEL } from '@lagesbild/domain';
import type { SubgraphDefinition } from '@lagesbild/subgraph-kit';
import { STANDARD_GATEWAY_TIDSGRANS_MS } from './config';
import { Bekraftelse, Publicering } from './entities';
import { gatewayHamtare, type Hamtare } from './gateway';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';
import { buildSchema, SUBGRAPH_NAME } from './schema';
import { seedPublicering } from './seed';

export interface PubliceringOptions {
  /** Counts from 1 up to this are suppressed at adoption (default 3). */
  diskretionTroskel?: number;
  /** Where the gateway answers, for capturing the live picture. */
  gatewayUrl?: string;
  gatewayTidsgransMs?: number;
  /** Instead of asking the gateway (tests). */
  hamta?: Hamtare;
}

/** Everything the kit needs to run this subgraph; index.ts adds config and listens. */
export function publiceringSubgraph(options: PubliceringOptions = {}): SubgraphDefinition<Loaders> {
  const diskretionTroskel = options.diskretionTroskel ?? DISKRETION_STANDARDTROSKEL;
  const installningar = {
    hamta:
      options.hamta ??
      gatewayHamtare(
        options.gatewayUrl ?? 'http://127.0.0.1:4000/graphql',
        options.gatewayTidsgransMs ?? STANDARD_GATEWAY_TIDSGRANS_MS,
      ),
  };
  return {
    name: SUBGRAPH_NAME,
    entities: [Publicering, Bekraftelse],
    migrations,
    schema: buildSchema,
    loaders: (em) => createLoaders(em, installningar),
    diskretionTroskel,
    seed: async (em) => {
      await seedPublicering(em, diskretionTroskel);
    },
  };
}

export const publicering = publiceringSubgraph();
