import { fileURLToPath } from 'node:url';
import { type Env, environment } from '@lagesbild/config';
import { subgraphEntry } from '@lagesbild/domain';
import { loadSubgraphConfig, type SubgraphConfig } from '@lagesbild/subgraph-kit';
import { SUBGRAPH_NAME } from './schema';

export const DEFAULT_PORT = subgraphEntry(SUBGRAPH_NAME).defaultPort;

/** The repository's .data/ folder, wherever the process was started from. */
export const DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

export type ForvaltningConfig = SubgraphConfig;

export function loadConfig(
  overrides: Partial<Omit<ForvaltningConfig, 'name'>> = {},
  env: Env = environment(),
): ForvaltningConfig {
  return loadSubgraphConfig({
    name: SUBGRAPH_NAME,
    defaultPort: DEFAULT_PORT,
    overrides,
    env,
    dataDir: DATA_DIR,
  });
}
