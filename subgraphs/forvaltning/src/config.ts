import { fileURLToPath } from 'node:url';
import { subgraphEntry } from '@lagesbild/domain';
import {
  type DiskretionSubgraphConfig,
  loadDiskretionSubgraphConfig,
} from '@lagesbild/subgraph-kit';
import { SUBGRAPH_NAME } from './schema';

export const DEFAULT_PORT = subgraphEntry(SUBGRAPH_NAME).defaultPort;

/** The repository's .data/ folder, wherever the process was started from. */
export const DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

/** The kit's subgraph configuration plus FORVALTNING_DISKRETION_TROSKEL (default 3). */
export type ForvaltningConfig = DiskretionSubgraphConfig;

export function loadConfig(
  overrides: Partial<ForvaltningConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): ForvaltningConfig {
  return loadDiskretionSubgraphConfig({
    name: SUBGRAPH_NAME,
    defaultPort: DEFAULT_PORT,
    overrides,
    env,
    dataDir: DATA_DIR,
  });
}
