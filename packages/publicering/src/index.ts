export * from './andringar';
export * from './modell';
export * from './text';
export * from './underlag';
