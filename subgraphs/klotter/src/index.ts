import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { klotterSubgraph } from './server';

const config = loadConfig();
await runSubgraph(klotterSubgraph(), config);
