import type { ServerResponse } from 'node:http';
import { registry } from '@lagesbild/http-kit';
import { Counter, Histogram } from 'prom-client';
import { Pool } from 'undici';
import { IFlykt, Overgiven } from './plugins/dedup';
import { KallaOtillganglig } from './plugins/saknade-kallor';
import { poolTidsgranser, Tidsgrans } from './plugins/tidsgranser';

/**
 * What a subgraph answered for one operation. For a plain request, the bytes not yet
 * parsed (each waiter parses its own copy); for an operation of a batched request, its
 * element of the answer's array, already parsed (each waiter gets its own copy). Status and
 * headers are the HTTP answer's, shared by every operation of a batch: Apollo Server keeps
 * one status and one cache-control for a batch (the most restrictive of its operations').
 */
export interface SubgraphAnswer {
  status: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  text: string;
  /** The operation's own result, when it went in a batch of several operations. */
  batched?: { result: unknown };
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

const batchSizes = new Histogram({
  name: 'lagesbild_subgraph_batch_operations',
  help: 'Operations per HTTP request the gateway sends to each subgraph (1: a plain request).',
  labelNames: ['subgraph'] as const,
  buckets: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32],
  registers: [registry],
});

/** One operation on its way to the subgraph, alone or in a batch, with its waiting callers. */
interface Flight {
  readonly answer: Promise<SubgraphAnswer>;
  /** Raised when its last caller has gone: the operation leaves its batch. */
  readonly overgiven: Overgiven;
  waiters: number;
  readonly settled: boolean;
  /** A batched result was handed to a caller: the next one gets a copy. */
  handedOut: boolean;
}

/** An operation gathered for the next HTTP request to its subgraph. */
interface Pending {
  readonly body: string;
  readonly bytes: number;
  readonly overgiven: Overgiven;
  resolve(answer: SubgraphAnswer): void;
  reject(error: unknown): void;
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
  /** The most operations one HTTP request carries (1: no batching). */
  batchMax?: number;
  /** The most body bytes one batched request carries (an operation larger goes alone). */
  batchMaxBytes?: number;
}

/**
 * The subgraphs' servers keep an idle socket 65 s (http-kit's keepAliveTimeout); the pool
 * gives one up sooner, so it never writes to a socket the server is closing.
 */
const KEEP_ALIVE_MS = 60_000;

/**
 * A pool of kept-alive sockets to a subgraph's origin, for requests that end by
 * `tidsgransMs`: one request per socket at a time, a socket given up before the server
 * would close it. The subgraph clients' and the response cache's revision checks'.
 */
export function subgraphPool(origin: string, tidsgransMs: number, connections?: number): Pool {
  return new Pool(origin, {
    ...(connections === undefined ? {} : { connections }),
    pipelining: 1,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
    ...poolTidsgranser(tidsgransMs),
  });
}

/**
 * At most this many operations in one HTTP request. Each is limited on its own at the
 * subgraph (SUBGRAPH_MAX_REPRESENTATIONS and the query limits apply per operation); a
 * lägesbild's widest plan level asks one subgraph four things.
 */
export const DEFAULT_BATCH_MAX = 32;

/**
 * At most this many body bytes in one batched request: half of a subgraph's body limit
 * (http-kit's 1 MiB), so a batch is never refused where its operations alone would pass.
 */
export const DEFAULT_BATCH_MAX_BYTES = 512 * 1024;

/** After a subgraph refused a batch (it does not take them), operations go alone this long. */
const BATCH_REFUSED_MS = 5 * 60_000;

/**
 * One subgraph's connection pool and its in-flight requests. Made once per subgraph (and
 * kept across supergraph reloads); a request is a string body and a plain header object
 * on a kept-alive socket, with no WHATWG Request, Headers or AbortSignal.timeout per call.
 *
 * Batching: the operations one caller (one set of headers: one token, one request) sends
 * this subgraph within one turn of the event loop go as ONE HTTP request whose body is a
 * JSON array of them (Apollo Server's allowBatchedHttpRequests); the answer is an array in
 * the same order. Apollo Gateway starts the fetches of one plan level in the same turn
 * (executeQueryPlan: a Parallel node's children begin synchronously), so a level's
 * fetches to one subgraph become one request. A batch of one goes as a plain request.
 */
export class SubgraphClient {
  readonly kalla: string;
  readonly tidsgransMs: number;
  readonly dedupe: boolean;
  readonly batchMax: number;
  readonly batchMaxBytes: number;
  private readonly pool: Pool;
  private readonly path: string;
  private readonly inFlight = new IFlykt<Flight>();
  /** Operations gathered this turn, by caller (its headers). */
  private readonly gathering = new Map<
    string,
    { headers: Record<string, string>; ops: Pending[] }
  >();
  private flushScheduled = false;
  private batchRefusedUntil = 0;

  constructor(options: SubgraphClientOptions) {
    this.kalla = options.kalla;
    this.tidsgransMs = options.tidsgransMs;
    this.dedupe = options.dedupe;
    this.batchMax = Math.max(1, options.batchMax ?? DEFAULT_BATCH_MAX);
    this.batchMaxBytes = options.batchMaxBytes ?? DEFAULT_BATCH_MAX_BYTES;
    const url = new URL(options.url);
    this.path = `${url.pathname}${url.search}`;
    this.pool = subgraphPool(url.origin, options.tidsgransMs, options.connections);
  }

  /**
   * Sends the operation `body` to the subgraph, or, when `shareKey` is given and an
   * identical operation is in flight (gathered or sent), waits for that one's answer
   * instead. A flight is forgotten the moment it settles: an answer is shared only among
   * callers that were already waiting for it, an error likewise (each gets the error it
   * would have got alone), and nothing is cached. `batch` false sends it on its own.
   */
  fetch(
    body: string,
    headers: Record<string, string>,
    shareKey: string | undefined,
    klient: Klient | undefined,
    batch = true,
  ): Promise<SubgraphAnswer> {
    const start = () => (batch ? this.gather(body, headers) : this.alone(body, headers));
    if (shareKey === undefined) return this.wait(start(), klient);
    const { flight, delad } = this.inFlight.dela(shareKey, start);
    if (delad) sharedFetches.inc({ subgraph: this.kalla });
    return this.wait(flight, klient);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /** A flight for one operation whose answer `send` settles. */
  private flight(body: string): { flight: Flight; pending: Pending } {
    const overgiven = new Overgiven();
    const state = { settled: false };
    let resolve!: (answer: SubgraphAnswer) => void;
    let reject!: (error: unknown) => void;
    const answer = new Promise<SubgraphAnswer>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const settle = () => {
      state.settled = true;
    };
    answer.then(settle, settle);
    // A flight whose every caller has left rejects with nobody awaiting it.
    answer.catch(() => undefined);
    const flight: Flight = {
      overgiven,
      answer,
      waiters: 0,
      handedOut: false,
      get settled() {
        return state.settled;
      },
    };
    const pending: Pending = {
      body,
      bytes: Buffer.byteLength(body),
      overgiven,
      resolve,
      reject,
    };
    return { flight, pending };
  }

  private alone(body: string, headers: Record<string, string>): Flight {
    const { flight, pending } = this.flight(body);
    this.send([pending], headers);
    return flight;
  }

  /** Adds the operation to its caller's batch of this turn; the turn's end sends them. */
  private gather(body: string, headers: Record<string, string>): Flight {
    if (this.batchMax === 1) return this.alone(body, headers);
    const { flight, pending } = this.flight(body);
    const key = callerKey(headers);
    let group = this.gathering.get(key);
    if (!group) {
      group = { headers, ops: [] };
      this.gathering.set(key, group);
    }
    group.ops.push(pending);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return flight;
  }

  /** Sends what was gathered, each caller's operations in batches within the bounds. */
  private flush(): void {
    this.flushScheduled = false;
    const groups = [...this.gathering.values()];
    this.gathering.clear();
    const batching = Date.now() >= this.batchRefusedUntil;
    for (const { headers, ops } of groups) {
      // An operation whose every caller left before it was sent is not sent.
      const live = ops.filter((op) => {
        if (!op.overgiven.raised) return true;
        op.reject(new KlientBorta());
        return false;
      });
      if (!batching) {
        for (const op of live) this.send([op], headers);
        continue;
      }
      let batch: Pending[] = [];
      let bytes = 2;
      for (const op of live) {
        const over = bytes + op.bytes + 1 > this.batchMaxBytes;
        if (batch.length > 0 && (batch.length >= this.batchMax || over)) {
          this.send(batch, headers);
          batch = [];
          bytes = 2;
        }
        batch.push(op);
        bytes += op.bytes + 1;
      }
      if (batch.length > 0) this.send(batch, headers);
    }
  }

  /**
   * One HTTP request for `ops`: a plain body for one, a JSON array for several. Its deadline
   * covers the whole batch; it is dropped when every operation in it has lost its callers.
   * A timeout, an unreachable source or an answer that is not the batch's array reaches
   * every operation of the batch alike.
   */
  private send(ops: Pending[], headers: Record<string, string>): void {
    const tidsgrans = new Tidsgrans(this.tidsgransMs);
    const { controller } = tidsgrans;
    const started = performance.now();
    let live = ops.length;
    const leave = () => {
      live -= 1;
      if (live === 0) controller.abort();
    };
    for (const op of ops) op.overgiven.on(leave);
    const [first] = ops;
    const body = ops.length === 1 && first ? first.body : `[${ops.map((op) => op.body).join(',')}]`;
    batchSizes.observe({ subgraph: this.kalla }, ops.length);
    (async () => {
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
        const answer: SubgraphAnswer = {
          status,
          contentType: single(response.headers['content-type']),
          cacheControl: single(response.headers['cache-control']),
          text,
        };
        if (ops.length === 1 && first) {
          first.resolve(answer);
          return;
        }
        const results = batchResults(answer, ops.length);
        if (results) {
          ops.forEach((op, i) => {
            op.resolve({ ...answer, text: '', batched: { result: results[i] } });
          });
        } else if (status === 400 || status === 413) {
          // Not an array: the subgraph refused the batch as such (it does not take batches,
          // or the body is over its limit). Each operation goes again on its own.
          if (status === 400) this.batchRefusedUntil = Date.now() + BATCH_REFUSED_MS;
          for (const op of ops) {
            op.overgiven.off(leave);
            if (op.overgiven.raised) op.reject(new KlientBorta());
            else this.send([op], headers);
          }
        } else {
          // Refused before any operation ran (a token refused, a server error): each
          // operation gets the answer it would have got alone.
          for (const op of ops) op.resolve(answer);
        }
      } catch (error) {
        // Every caller left and the request was dropped on purpose: not the source's fault.
        const timedOut = tidsgrans.timedOut;
        let reason: unknown;
        if (controller.signal.aborted && !timedOut) {
          reason = new KlientBorta();
        } else {
          this.observe(started, timedOut ? 'timeout' : 'unreachable');
          reason = new KallaOtillganglig(
            this.kalla,
            timedOut ? 'TIDSGRANS' : 'ONABAR',
            timedOut ? { tidsgransMs: this.tidsgransMs } : {},
            { cause: error },
          );
        }
        for (const op of ops) op.reject(reason);
      } finally {
        tidsgrans.clear();
      }
    })();
  }

  /** The flight's answer for one caller; the operation is dropped when its last caller has gone. */
  private wait(flight: Flight, klient: Klient | undefined): Promise<SubgraphAnswer> {
    flight.waiters += 1;
    const own = (answer: SubgraphAnswer): SubgraphAnswer => {
      // The gateway merges a result into the caller's response in place: one object each.
      if (!answer.batched) return answer;
      if (!flight.handedOut) {
        flight.handedOut = true;
        return answer;
      }
      return { ...answer, batched: { result: structuredClone(answer.batched.result) } };
    };
    if (!klient) return flight.answer.then(own);
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      const leave = () => {
        flight.waiters -= 1;
        if (flight.waiters === 0 && !flight.settled) flight.overgiven.raise();
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
          resolve(own(answer));
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

/** One caller's subgraph headers as a key: its token, request id and the rest. */
function callerKey(headers: Record<string, string>): string {
  let key = '';
  for (const name in headers) key += `${name}\n${headers[name]}\n`;
  return key;
}

/** The results of a batched answer, in order, or undefined when it is not the batch's array. */
function batchResults(answer: SubgraphAnswer, count: number): unknown[] | undefined {
  const type = answer.contentType;
  if (
    !type?.startsWith('application/json') &&
    !type?.startsWith('application/graphql-response+json')
  ) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(answer.text);
    return Array.isArray(parsed) && parsed.length === count ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
