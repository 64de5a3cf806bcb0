import { environment, limitsSchema, readOne } from '@lagesbild/config';
import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs, one line an event, on stdout: what a log shipper reads. The
 * launcher behind `pnpm start` renders them readable for a person at a terminal.
 *
 * Written asynchronously (sonic-boom, `sync: false`): a line is handed to the kernel after
 * the request that logged it, and lines logged while a write is under way go together in
 * the next one. Written synchronously, every service's per-request line was one blocking
 * write on the request's path (issue 17's profiles: 5–10 % of a subgraph's time). Nothing
 * is held back waiting for more (no minimum length), and pino flushes what is pending when
 * the process exits.
 */
export function createLogger(
  service: string,
  level = readOne(limitsSchema.LOG_LEVEL, 'LOG_LEVEL', environment()) ?? 'info',
): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
