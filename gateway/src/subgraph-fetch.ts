import type { ServerResponse } from 'node:http';
import { registry } from '@lagesbild/http-kit';
import { Counter, Histogram } from 'prom-client';
import { Pool } from 'undici';
import { IFlykt } from './plugins/dedup';
import { KallaOtillganglig } from './plugins/saknade-kallor';
import { poolTidsgranser, Tidsgrans } from './plugins/tidsgranser';

/** What a subgraph answered, as bytes not yet parsed: each waiter parses its own copy. */
export interface SubgraphAnswer {
  status: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  text: string;
}

/**
 * The caller of one gateway request, for its subgraph requests: `gone` once its connection
 * closed before the answer was finished. One listener on the response, however many
 * fetches the plan makes (an AbortSignal would warn past ten listeners).
 */
export class Klient {
  gone = false;
  private readonly leaving = new Set<() => void>();

  constructor(res?: ServerResponse) {
    res?.once('close', () => {
      if (res.writableFinished) return;
      this.gone = true;
      for (const leave of this.leaving) leave();
      this.leaving.clear();
    });
  }

  onGone(leave: () => void): void {
    this.leaving.add(leave);
  }

  offGone(leave: () => void): void {
    this.leaving.delete(leave);
  }
}

/** Why a waiter stopped waiting: its caller closed the connection. Nobody reads this answer. */
export class KlientBorta extends Error {
  constructor() {
    super('Anroparen kopplade ner innan svaret var klart.');
    this.name = 'KlientBorta';
  }
}

const subgraphFetches = new Histogram({
  name: 'lagesbild_subgraph_fetch_duration_seconds',
  help: "The gateway's requests to each subgraph: latency by subgraph and outcome.",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const sharedFetches = new Counter({
  name: 'lagesbild_subgraph_fetch_shared_total',
  help: 'Subgraph queries answered by an identical request already in flight (not sent again).',
  labelNames: ['subgraph'] as const,
  registers: [registry],
});

interface Flight {
  readonly answer: Promise<SubgraphAnswer>;
  readonly controller: AbortController;
  waiters: number;
  readonly settled: boolean;
}

export interface SubgraphClientOptions {
  /** The graph name (`polis`), as metrics and saknadeKallor name it. */
  kalla: string;
  url: string;
  /** The whole request's deadline: connecting, waiting for the answer and reading it. */
  tidsgransMs: number;
  /** Sockets kept open to this subgraph (SUBGRAPH_CONNECTIONS). */
  connections: number;
  /** Share one request among identical concurrent queries (SUBGRAPH_DEDUPE). */
  dedupe: boolean;
}

/**
 * The subgraphs' servers keep an idle socket 65 s (http-kit's keepAliveTimeout); the pool
 * gives one up sooner, so it never writes to a socket the server is closing.
 */
const KEEP_ALIVE_MS = 60_000;

/**
 * One subgraph's connection pool and its in-flight requests. Made once per subgraph (and
 * kept across supergraph reloads); a request is a string body and a plain header object
 * on a kept-alive socket, with no WHATWG Request, Headers or AbortSignal.timeout per call.
 */
export class SubgraphClient {
  readonly kalla: string;
  readonly tidsgransMs: number;
  readonly dedupe: boolean;
  private readonly pool: Pool;
  private readonly path: string;
  private readonly inFlight = new IFlykt<Flight>();

  constructor(options: SubgraphClientOptions) {
    this.kalla = options.kalla;
    this.tidsgransMs = options.tidsgransMs;
    this.dedupe = options.dedupe;
    const url = new URL(options.url);
    this.path = `${url.pathname}${url.search}`;
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      ...poolTidsgranser(options.tidsgransMs),
    });
  }

  /**
   * Sends `body` to the subgraph, or, when `shareKey` is given and an identical request is
   * in flight, waits for that one's answer instead. A flight is forgotten the moment it
   * settles: an answer is shared only among callers that were already waiting for it, an
   * error likewise (each gets the error it would have got alone), and nothing is cached.
   */
  fetch(
    body: string,
    headers: Record<string, string>,
    shareKey: string | undefined,
    klient: Klient | undefined,
  ): Promise<SubgraphAnswer> {
    if (shareKey === undefined) return this.wait(this.send(body, headers), klient);
    const { flight, delad } = this.inFlight.dela(shareKey, () => this.send(body, headers));
    if (delad) sharedFetches.inc({ subgraph: this.kalla });
    return this.wait(flight, klient);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private send(body: string, headers: Record<string, string>): Flight {
    const tidsgrans = new Tidsgrans(this.tidsgransMs);
    const { controller } = tidsgrans;
    const started = performance.now();
    const state = { settled: false };
    const answer = (async () => {
      try {
        const response = await this.pool.request({
          path: this.path,
          method: 'POST',
          headers,
          body,
          signal: controller.signal,
        });
        const text = await response.body.text();
        const status = response.statusCode;
        this.observe(started, status >= 200 && status < 300 ? 'ok' : `http_${status}`);
        return {
          status,
          contentType: single(response.headers['content-type']),
          cacheControl: single(response.headers['cache-control']),
          text,
        };
      } catch (error) {
        // Every caller left and the request was dropped on purpose: not the source's fault.
        const timedOut = tidsgrans.timedOut;
        if (controller.signal.aborted && !timedOut) throw new KlientBorta();
        this.observe(started, timedOut ? 'timeout' : 'unreachable');
        throw new KallaOtillganglig(
          this.kalla,
          timedOut ? 'TIDSGRANS' : 'ONABAR',
          timedOut ? { tidsgransMs: this.tidsgransMs } : {},
          { cause: error },
        );
      } finally {
        tidsgrans.clear();
        state.settled = true;
      }
    })();
    const flight: Flight = {
      controller,
      answer,
      waiters: 0,
      get settled() {
        return state.settled;
      },
    };
    // A flight whose every caller has left rejects with nobody awaiting it.
    flight.answer.catch(() => undefined);
    return flight;
  }

  /** The flight's answer for one caller; the request is dropped when its last caller has gone. */
  private wait(flight: Flight, klient: Klient | undefined): Promise<SubgraphAnswer> {
    flight.waiters += 1;
    if (!klient) return flight.answer;
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      const leave = () => {
        flight.waiters -= 1;
        if (flight.waiters === 0 && !flight.settled) flight.controller.abort();
        reject(new KlientBorta());
      };
      if (klient.gone) {
        leave();
        return;
      }
      klient.onGone(leave);
      flight.answer.then(
        (answer) => {
          klient.offGone(leave);
          resolve(answer);
        },
        (error: unknown) => {
          klient.offGone(leave);
          reject(error);
        },
      );
    });
  }

  private observe(started: number, outcome: string): void {
    subgraphFetches.observe(
      { subgraph: this.kalla, outcome },
      (performance.now() - started) / 1000,
    );
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
