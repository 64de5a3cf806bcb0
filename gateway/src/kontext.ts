import type { Principal } from '@lagesbild/auth';
import type { SvarscacheContext } from './plugins/svarscache-kallor';
import type { Klient } from './subgraph-fetch';

/** One gateway request's state: built per request by server.ts, read by the parts. */
export interface GatewayContext extends SvarscacheContext {
  /**
   * What every subgraph request of this caller carries: JSON's content type, the caller's
   * token and the request id. Built once per request, shared by all its fetches.
   */
  subgraphHeaders: Record<string, string>;
  /** The caller, as the gateway verified their token. */
  viewer: Principal;
  /** Its connection: when it closes early, the subgraph requests only it waits for stop. */
  klient?: Klient;
}
