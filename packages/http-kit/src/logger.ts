import { environment, limitsSchema, readOne } from '@lagesbild/config';
import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one line an event, on stdout: what a log shipper reads. The
 * launcher behind `pnpm start` renders them readable for a person at a terminal.
 */
export function createLogger(
  service: string,
  level = readOne(limitsSchema.LOG_LEVEL, 'LOG_LEVEL', environment()) ?? 'info',
): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
