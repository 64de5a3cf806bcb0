// The domain's period rules, for the dashboard's period chooser (the graph's Period scalar).
export { isoWeekOf, MANADSNAMN, tryParsePeriod } from '@lagesbild/domain';
export * from './dokument';
export * from './hamta';
export * from './hotspots';
export * from './publicering';
export * from './queries';
export * from './render';
export * from './text';
export * from './types';
