import { fileURLToPath } from 'node:url';
import {
  loadDiskretionTroskel,
  loadSubgraphConfig,
  type SubgraphConfig,
} from '@lagesbild/subgraph-kit';
import { SUBGRAPH_NAME } from './schema';

export const DEFAULT_PORT = 4003;

/** The repository's .data/ folder, wherever the process was started from. */
const DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

export interface SkolorConfig extends SubgraphConfig {
  /** Counts from 1 up to this reach a reader without clearance as "fåtal". */
  diskretionTroskel: number;
}

export function loadConfig(
  overrides: Partial<SkolorConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): SkolorConfig {
  const { diskretionTroskel, ...rest } = overrides;
  return {
    ...loadSubgraphConfig({
      name: SUBGRAPH_NAME,
      defaultPort: DEFAULT_PORT,
      overrides: rest,
      env,
      dataDir: DATA_DIR,
    }),
    diskretionTroskel: loadDiskretionTroskel(SUBGRAPH_NAME, diskretionTroskel, env),
  };
}
