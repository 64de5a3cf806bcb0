import type { KitContext } from '@lagesbild/subgraph-kit';
import type { Loaders } from '../loaders';

export type Context = KitContext<Loaders>;
