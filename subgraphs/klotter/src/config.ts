import { fileURLToPath } from 'node:url';
import { subgraphEntry } from '@lagesbild/domain';
import { type SubgraphConfig, subgraphConfigLoader } from '@lagesbild/subgraph-kit';
import { SUBGRAPH_NAME } from './schema';

export const DEFAULT_PORT = subgraphEntry(SUBGRAPH_NAME).defaultPort;

/** The repository's .data/ folder, wherever the process was started from. */
export const DATA_DIR = fileURLToPath(new URL('../../../.data', import.meta.url));

export type KlotterConfig = SubgraphConfig;

export const loadConfig = subgraphConfigLoader(SUBGRAPH_NAME, DEFAULT_PORT, DATA_DIR);
