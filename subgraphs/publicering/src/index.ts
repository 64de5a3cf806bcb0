import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { publiceringSubgraph } from './server';

const config = loadConfig();
await runSubgraph(publiceringSubgraph(config), config);
