import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { polis } from './server';

await runSubgraph(polis, loadConfig());
