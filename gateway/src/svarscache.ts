/**
 * The response cache, as the rest of the gateway imports it. Its configuration is read with
 * the rest of the gateway's environment (config.ts); the cache itself is in plugins/: its
 * policy (cache-policy.ts), its bookkeeping from the subgraphs' answers
 * (svarscache-kallor.ts), the shared revision reads (samlasning.ts), its metrics
 * (svarscache-matning.ts) and the plugin (svarscache.ts).
 */

export {
  DEFAULT_SVARSCACHE_OPERATIONS,
  loadSvarscacheConfig,
  type SvarscacheConfig,
} from './config';
export { Samlasning } from './plugins/samlasning';
export { SVARSCACHE_RESPONSE_HEADER, svarscachePlugin } from './plugins/svarscache';
export { medSvarscache } from './plugins/svarscache-kallor';
