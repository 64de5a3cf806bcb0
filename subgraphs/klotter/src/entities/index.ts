export * from './klotteranmalan.entity';
export * from './nollrapport.entity';
