export * from './diskretion';
export * from './entities';
