import { DEFAULT_SVARSCACHE_OPERATIONS } from './cachebara-operationer';
import { millisecondsFrom, positiveInteger } from './env';

/**
 * The response cache's configuration. The cache itself is in plugins/: its policy
 * (cache-policy.ts), its bookkeeping from the subgraphs' answers (svarscache-kallor.ts),
 * the shared revision reads (samlasning.ts), its metrics and the plugin (svarscache.ts).
 */

export { DEFAULT_SVARSCACHE_OPERATIONS } from './cachebara-operationer';
export { Samlasning } from './plugins/samlasning';
export { SVARSCACHE_RESPONSE_HEADER, svarscachePlugin } from './plugins/svarscache';
export { medSvarscache } from './plugins/svarscache-kallor';

export interface SvarscacheConfig {
  /** GATEWAY_SVARSCACHE=off turns it off (on by default). */
  enabled: boolean;
  /** GATEWAY_SVARSCACHE_OPERATIONER: the operation names that may be cached, comma-separated. */
  operations: ReadonlySet<string>;
  /** GATEWAY_SVARSCACHE_MAX_POSTER: answers kept, least recently used dropped first. */
  maxEntries: number;
  /** GATEWAY_SVARSCACHE_MAX_MB: their JSON size together. */
  maxBytes: number;
  /** GATEWAY_SVARSCACHE_TIDSGRANS_MS: a revision check slower than this is a failed one. */
  timeoutMs: number;
}

export function loadSvarscacheConfig(env: NodeJS.ProcessEnv = process.env): SvarscacheConfig {
  const switched = (env.GATEWAY_SVARSCACHE ?? 'on').toLowerCase();
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(switched)) {
    throw new Error(`GATEWAY_SVARSCACHE="${env.GATEWAY_SVARSCACHE}" ska vara on eller off.`);
  }
  const names = env.GATEWAY_SVARSCACHE_OPERATIONER;
  return {
    enabled: ['on', '1', 'true'].includes(switched),
    operations: new Set(
      names === undefined
        ? DEFAULT_SVARSCACHE_OPERATIONS
        : names
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
    ),
    maxEntries: positiveInteger(env, 'GATEWAY_SVARSCACHE_MAX_POSTER') ?? 1000,
    maxBytes: (positiveInteger(env, 'GATEWAY_SVARSCACHE_MAX_MB') ?? 64) * 2 ** 20,
    timeoutMs: millisecondsFrom(env, 'GATEWAY_SVARSCACHE_TIDSGRANS_MS') ?? 1000,
  };
}
