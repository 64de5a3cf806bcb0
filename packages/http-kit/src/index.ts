export * from './limits';
export * from './logger';
export * from './metrics';
export * from './port';
export * from './service';
export * from './svarscache';
