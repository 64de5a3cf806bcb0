import { fileURLToPath } from 'node:url';
import { type Env, environment, publiceringSchema, readEnv } from '@lagesbild/config';
import { GATEWAY_DEFAULT_PORT, subgraphEntry } from '@lagesbild/domain';
import {
  type DiskretionSubgraphConfig,
  loadDiskretionSubgraphConfig,
} from '@lagesbild/subgraph-kit';
import { SUBGRAPH_NAME } from './schema';

export const DEFAULT_PORT = subgraphEntry(SUBGRAPH_NAME).defaultPort;

/**
 * How long a capture of the live picture may take before it is given up (ms): under the
 * gateway's own deadline for this subgraph (SUBGRAPH_TIMEOUT_MS, 3000), so the caller reads
 * why in Swedish rather than a timeout of the whole source. Raise both together.
 */
export const STANDARD_GATEWAY_TIDSGRANS_MS = 2500;

/** The repository's .data/ folder, wherever the process was started from. */
const DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

/**
 * The kit's subgraph configuration, the threshold of disclosure control at adoption
 * (PUBLICERING_DISKRETION_TROSKEL, default 3), and where the gateway answers: the live
 * picture a draft captures is asked from it with the caller's token.
 */
export interface PubliceringConfig extends DiskretionSubgraphConfig {
  /** PUBLICERING_GATEWAY_URL, else LAGESBILD_GATEWAY_URL (the launcher's), else GATEWAY_PORT's. */
  gatewayUrl: string;
  /** PUBLICERING_GATEWAY_TIMEOUT_MS (2500). */
  gatewayTidsgransMs: number;
}

export function loadConfig(
  overrides: Partial<PubliceringConfig> = {},
  env: Env = environment(),
): PubliceringConfig {
  const { gatewayUrl, gatewayTidsgransMs, ...rest } = overrides;
  const base = loadDiskretionSubgraphConfig({
    name: SUBGRAPH_NAME,
    defaultPort: DEFAULT_PORT,
    overrides: rest,
    env,
    dataDir: DATA_DIR,
  });
  const read = readEnv(publiceringSchema, env);
  return {
    ...base,
    gatewayUrl:
      gatewayUrl ??
      read.PUBLICERING_GATEWAY_URL ??
      read.LAGESBILD_GATEWAY_URL ??
      `http://127.0.0.1:${read.GATEWAY_PORT ?? GATEWAY_DEFAULT_PORT}/graphql`,
    gatewayTidsgransMs:
      gatewayTidsgransMs ?? read.PUBLICERING_GATEWAY_TIMEOUT_MS ?? STANDARD_GATEWAY_TIDSGRANS_MS,
  };
}
