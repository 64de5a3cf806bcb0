export * from './dokument';
export * from './hamta';
export * from './hotspots';
export * from './queries';
export * from './render';
export * from './text';
export * from './types';
