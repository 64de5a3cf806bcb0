export * from './modell';
