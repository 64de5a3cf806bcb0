export * from './enkat.entity';
export * from './skola.entity';
export * from './svar.entity';
