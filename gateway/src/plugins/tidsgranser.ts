/**
 * Timeouts: how long the gateway waits for each subgraph before naming it missing
 * (saknade-kallor.ts), and the deadline of one subgraph request.
 */

/** The configuration this part reads (gateway/src/config.ts's). */
export interface TidsgransConfig {
  subgraphTimeoutMs: number;
  subgraphTimeoutsMs: Record<string, number | undefined>;
}

/** The source's own deadline (POLIS_TIMEOUT_MS=…), or the common one (SUBGRAPH_TIMEOUT_MS). */
export function tidsgransFor(config: TidsgransConfig, kalla: string): number {
  return config.subgraphTimeoutsMs[kalla] ?? config.subgraphTimeoutMs;
}

/**
 * undici's own inactivity timers for a pool whose requests end at `tidsgransMs`: they only
 * back the deadline up, and must not fire before it (their errors would read as "unreachable").
 */
export function poolTidsgranser(tidsgransMs: number) {
  const backup = tidsgransMs + 1000;
  return { headersTimeout: backup, bodyTimeout: backup, connectTimeout: backup };
}

/**
 * The whole of one request's deadline: connecting, waiting for the answer and reading it.
 * `controller` also aborts when every caller has left; `timedOut` tells the two apart.
 */
export class Tidsgrans {
  readonly controller = new AbortController();
  private gick = false;
  private readonly timer: NodeJS.Timeout;

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => {
      this.gick = true;
      this.controller.abort();
    }, ms);
  }

  get timedOut(): boolean {
    return this.gick;
  }

  /** The request settled: the timer is no longer needed. */
  clear(): void {
    clearTimeout(this.timer);
  }
}
