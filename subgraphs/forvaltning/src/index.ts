import 'reflect-metadata';
import { runSubgraph } from '@lagesbild/subgraph-kit';
import { loadConfig } from './config';
import { forvaltning } from './server';

await runSubgraph(forvaltning, loadConfig());
