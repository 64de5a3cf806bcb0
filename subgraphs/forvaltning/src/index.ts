import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { forvaltningSubgraph } from './server';

const config = loadConfig();
await runSubgraph(forvaltningSubgraph(), config);
