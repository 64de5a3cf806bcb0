import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { klotter } from './server';

await runSubgraph(klotter, loadConfig());
