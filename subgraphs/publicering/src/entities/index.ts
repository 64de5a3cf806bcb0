export * from './bekraftelse.entity';
export * from './publicering.entity';
