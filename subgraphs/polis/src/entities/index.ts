export * from './bedomning.entity';
export * from './gruppering.entity';
export * from './handelse.entity';
export * from './maltavla.entity';
