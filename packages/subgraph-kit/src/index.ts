import 'reflect-metadata';

export * from './auth';
export * from './base.entity';
export * from './config';
export * from './context';
export * from './diskretion';
export * from './errors';
export * from './granskning';
export * from './levande';
export * from './loaders';
export * from './migration';
export * from './orm';
export * from './revision';
export * from './schema';
export * from './seed';
export * from './subgraph';
export * from './validation';
export * from './viewer';
