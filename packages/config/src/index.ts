export * from './docs';
export * from './env';
export * from './port';
export * from './schemas';

/**
 * The process's environment: the one place a service's code reads `process.env`. Config
 * modules pass it to readEnv; everything else receives what they read.
 */
export function environment(): NodeJS.ProcessEnv {
  return process.env;
}
