export * from './diskretion';
export * from './entities';
export * from './granskning';
