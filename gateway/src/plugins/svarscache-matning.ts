import { registry } from '@lagesbild/http-kit';
import { Counter, Gauge } from 'prom-client';

/** The response cache's metrics, made once per process (prom-client refuses a second). */

/** What one lookup came to. */
export type Utfall = 'traff' | 'miss' | 'inaktuell' | 'fel';

export const utfallRaknare = new Counter({
  name: 'lagesbild_svarscache_total',
  help: 'Response cache lookups: traff (answered from memory), miss (none kept), inaktuell (a source moved), fel (a revision check failed).',
  labelNames: ['utfall'] as const,
  registers: [registry],
});

export const posterMatare = new Gauge({
  name: 'lagesbild_svarscache_poster',
  help: 'Answers kept in the response cache.',
  registers: [registry],
});

export const byteMatare = new Gauge({
  name: 'lagesbild_svarscache_bytes',
  help: 'JSON size of the answers kept in the response cache.',
  registers: [registry],
});
