import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one line an event, on stdout: what a log shipper reads. The
 * launcher behind `pnpm start` renders them readable for a person at a terminal.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
