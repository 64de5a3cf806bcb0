import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { polisSubgraph } from './server';

const config = loadConfig();
await runSubgraph(polisSubgraph(), config);
