/**
 * `@lagesbild/subgraph-kit/import`: the CSV import engine. A subpath of its own, so a
 * running service never loads the CSV parser.
 */
import 'reflect-metadata';

export * from './csv';
export * from './http';
export * from './importer';
export * from './kommando';
export * from './progress';
export * from './runner';
export * from './testing';
