import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { skolorSubgraph } from './server';

const config = loadConfig();
await runSubgraph(skolorSubgraph(), config);
