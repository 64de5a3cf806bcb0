export * from './port';
export * from './service';
