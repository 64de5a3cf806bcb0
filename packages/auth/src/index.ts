export * from './config';
export * from './sign';
export * from './verify';
