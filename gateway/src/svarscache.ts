import { createHash } from 'node:crypto';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  type ApolloServerPlugin,
  type GraphQLRequestContextWillSendResponse,
  type GraphQLResponse,
  HeaderMap,
} from '@apollo/server';
import type { Principal } from '@lagesbild/auth';
import {
  type GranskadLasningJson,
  REVISION_PATH,
  type RevisionBegaran,
  registry,
  SVARSCACHE_EXTENSION,
  SVARSCACHE_HEADER,
  type SvarscacheExtension,
} from '@lagesbild/http-kit';
import type { FormattedExecutionResult } from 'graphql';
import { Counter, Gauge } from 'prom-client';
import type { SvarscacheConfig } from './config';

/**
 * The response cache for the dashboard's and the report's read-only operations.
 *
 * Correctness first: an answer is given from memory only after every subgraph it was built
 * from has said — during this request, after it arrived — that its data revision has not
 * moved since. Each subgraph's revision is bumped by database triggers in the same
 * transaction as every write to its data (subgraph-kit's revision-tabell.ts), whoever
 * writes; so a write is never left behind a stale picture, and no time-to-live is needed.
 * A hit logs the classified reads the answer stands for, in each subgraph, in one
 * transaction with that revision check: audited exactly like the read it replaces.
 */

// Its settings are read with the rest of the gateway's environment, in config.ts.
export {
  DEFAULT_SVARSCACHE_OPERATIONS,
  loadSvarscacheConfig,
  type SvarscacheConfig,
} from './config';

/** The response header tests and the benchmark read: `traff` or `miss`. */
export const SVARSCACHE_RESPONSE_HEADER = 'x-lagesbild-cache';

/** One subgraph an answer was built from. */
interface Kalla {
  /** Its revision endpoint (REVISION_PATH on the origin the gateway fetched from). */
  url: string;
  subgraf: string;
  /** The lowest revision any of the answer's fetches to it read (the safe side). */
  revision: number;
  granskning: GranskadLasningJson[];
}

interface Post {
  result: FormattedExecutionResult;
  kallor: Kalla[];
  bytes: number;
}

/** What one request collects from its subgraph answers while it runs. */
interface Samlare {
  key: string;
  utfall: 'traff' | 'miss';
  kallor: Map<string, Kalla>;
  /** A subgraph answered without the revision extension: the answer cannot be checked later. */
  okand: boolean;
}

const samlare = new WeakMap<object, Samlare>();

const utfallRaknare = new Counter({
  name: 'lagesbild_svarscache_total',
  help: 'Response cache lookups: traff (answered from memory), miss (none kept), inaktuell (a source moved), fel (a revision check failed).',
  labelNames: ['utfall'] as const,
  registers: [registry],
});
const posterMatare = new Gauge({
  name: 'lagesbild_svarscache_poster',
  help: 'Answers kept in the response cache.',
  registers: [registry],
});
const byteMatare = new Gauge({
  name: 'lagesbild_svarscache_bytes',
  help: 'JSON size of the answers kept in the response cache.',
  registers: [registry],
});

/** Least recently used first out, bounded by entries and by bytes. */
class Lru {
  private readonly poster = new Map<string, Post>();
  private bytes = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): Post | undefined {
    const post = this.poster.get(key);
    if (post) {
      this.poster.delete(key);
      this.poster.set(key, post);
    }
    return post;
  }

  set(key: string, post: Post): void {
    this.delete(key);
    if (post.bytes > this.maxBytes) return;
    this.poster.set(key, post);
    this.bytes += post.bytes;
    while (this.poster.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.poster.keys().next().value as string;
      this.delete(oldest);
    }
    this.report();
  }

  delete(key: string): void {
    const post = this.poster.get(key);
    if (!post) return;
    this.poster.delete(key);
    this.bytes -= post.bytes;
    this.report();
  }

  clear(): void {
    this.poster.clear();
    this.bytes = 0;
    this.report();
  }

  private report(): void {
    posterMatare.set(this.poster.size);
    byteMatare.set(this.bytes);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function isExtension(value: unknown): value is SvarscacheExtension {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Partial<SvarscacheExtension>;
  return (
    typeof e.subgraf === 'string' && Number.isSafeInteger(e.revision) && Array.isArray(e.granskning)
  );
}

/**
 * Hooks a subgraph data source so that each answer's revision extension goes to the
 * request's cache bookkeeping and never further. (Apollo Gateway 2.14 does not pass a
 * subgraph's `extensions` on to the client — executeQueryPlan reads only `ftv1` from them —
 * but the extension is removed here all the same, so that stays true whatever the gateway
 * does next.)
 */
export function medSvarscache<T extends RemoteGraphQLDataSource<object>>(source: T): T {
  // A hook the data source's class defines runs first; this one only reads and strips.
  const own = source.didReceiveResponse?.bind(source);
  // The source's revision endpoint: its URL is fixed for the data source's life.
  const revisionUrl = source.url ? new URL(REVISION_PATH, source.url).toString() : undefined;
  source.didReceiveResponse = async (requestContext) => {
    const response = own ? await own(requestContext) : requestContext.response;
    const { context } = requestContext;
    const extension = response.extensions?.[SVARSCACHE_EXTENSION];
    if (response.extensions && SVARSCACHE_EXTENSION in response.extensions) {
      const { [SVARSCACHE_EXTENSION]: _stripped, ...rest } = response.extensions;
      response.extensions = Object.keys(rest).length > 0 ? rest : undefined;
    }
    const s = samlare.get(context);
    if (!s) return response;
    if (!isExtension(extension) || !revisionUrl) {
      s.okand = true;
      return response;
    }
    const known = s.kallor.get(revisionUrl);
    if (known) {
      known.revision = Math.min(known.revision, extension.revision);
      known.granskning.push(...extension.granskning);
    } else {
      s.kallor.set(revisionUrl, {
        url: revisionUrl,
        subgraf: extension.subgraf,
        revision: extension.revision,
        granskning: [...extension.granskning],
      });
    }
    return response;
  };
  return source;
}

/**
 * Plain revision reads of one subgraph, shared by the requests waiting for one — without a
 * time window: a request joins only a read that has not started yet, so every read it
 * gets began after it arrived. While one read is in flight, the requests arriving meanwhile
 * gather for the next, which starts when the first returns. Under load that is one read
 * per subgraph per round trip instead of one per request. A plain read writes nothing and
 * answers only a number, so any waiting caller's valid token may ask it; reads whose audit
 * rows name the caller are never shared.
 */
export class Samlasning {
  private nasta?: {
    headers: Record<string, string>;
    svar: Promise<number>;
    starta: () => void;
  };
  private pagar = false;

  constructor(private readonly las_: (headers: Record<string, string>) => Promise<number>) {}

  las(headers: Record<string, string>): Promise<number> {
    if (this.nasta) return this.nasta.svar;
    let starta!: () => void;
    const startad = new Promise<void>((resolve) => {
      starta = resolve;
    });
    const nasta = {
      headers,
      starta,
      svar: startad.then(() => this.las_(headers)),
    };
    this.nasta = nasta;
    const klar = () => {
      this.pagar = false;
      this.starta();
    };
    nasta.svar.then(klar, klar);
    if (!this.pagar) this.starta();
    return nasta.svar;
  }

  private starta(): void {
    const nasta = this.nasta;
    if (!nasta || this.pagar) return;
    this.nasta = undefined;
    this.pagar = true;
    nasta.starta();
  }
}

interface CacheContext {
  subgraphHeaders: Record<string, string>;
  viewer: Principal;
}

type Kontroll = 'farsk' | 'inaktuell' | 'fel';

export function svarscachePlugin<TContext extends CacheContext>(
  config: SvarscacheConfig,
): ApolloServerPlugin<TContext> {
  const lru = new Lru(config.maxEntries, config.maxBytes);
  // The supergraph being served is part of every key; a reload empties the cache too.
  let supergraf = '';

  // One coalescer per subgraph for the plain reads (see Samlasning).
  const samlasningar = new Map<string, Samlasning>();
  const lasRevision = (kalla: Kalla, subgraphHeaders: Record<string, string>): Promise<number> => {
    let samlasning = samlasningar.get(kalla.url);
    if (!samlasning) {
      samlasning = new Samlasning((headers) => revisionOf(kalla, {}, headers));
      samlasningar.set(kalla.url, samlasning);
    }
    return samlasning.las(subgraphHeaders);
  };

  async function revisionOf(
    kalla: Kalla,
    begaran: RevisionBegaran,
    subgraphHeaders: Record<string, string>,
  ): Promise<number> {
    const response = await fetch(kalla.url, {
      method: 'POST',
      headers: { ...subgraphHeaders, 'content-type': 'application/json' },
      body: JSON.stringify(begaran),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!response.ok) throw new Error(`${kalla.subgraf}: HTTP ${response.status}`);
    const { revision } = (await response.json()) as { revision?: unknown };
    if (!Number.isSafeInteger(revision)) throw new Error(`${kalla.subgraf}: no revision`);
    return revision as number;
  }

  /**
   * Plain revision reads first; the sources whose reads are audited are asked last, each
   * with its audit rows, so that a stale source elsewhere has already sent the request on
   * to a real execution before anything is logged (which would then log the reads twice).
   * With one audited source nothing is ever logged twice; with several, only a write that
   * lands between the two rounds can make the real execution log a second time.
   */
  async function kontrollera(
    post: Post,
    subgraphHeaders: Record<string, string>,
    operationName: string,
  ): Promise<Kontroll> {
    const granskade = post.kallor.filter((k) => k.granskning.length > 0);
    const forst =
      granskade.length <= 1 ? post.kallor.filter((k) => k.granskning.length === 0) : post.kallor;
    try {
      const lasta = await Promise.all(forst.map((k) => lasRevision(k, subgraphHeaders)));
      if (lasta.some((r, i) => r !== forst[i]?.revision)) return 'inaktuell';
      const loggade = await Promise.all(
        granskade.map((k) =>
          revisionOf(
            k,
            { forvantad: k.revision, granskning: k.granskning, operationName },
            subgraphHeaders,
          ),
        ),
      );
      if (loggade.some((r, i) => r !== granskade[i]?.revision)) return 'inaktuell';
      return 'farsk';
    } catch {
      return 'fel';
    }
  }

  function nyckel(
    queryHash: string,
    operationName: string,
    variables: Record<string, unknown> | undefined,
    viewer: Principal,
  ): string {
    // Everything from the token that changes an answer: roles and school, not the subject
    // (the subject only goes into the audit rows, which every hit writes anew).
    return createHash('sha256')
      .update(
        JSON.stringify([
          supergraf,
          queryHash,
          operationName,
          variables ?? {},
          [...viewer.roller].sort(),
          viewer.skolaId,
        ]),
      )
      .digest('base64url');
  }

  function lagra(s: Samlare, rc: GraphQLRequestContextWillSendResponse<TContext>): void {
    if (s.okand || rc.response.body.kind !== 'single') return;
    const result = rc.response.body.singleResult;
    // Never an error or a partial answer (a missing source is always reported with errors).
    if (result.errors?.length || !result.data || result.extensions?.saknadeKallor) return;
    const text = JSON.stringify(result);
    lru.set(s.key, {
      result: deepFreeze(JSON.parse(text) as FormattedExecutionResult),
      kallor: [...s.kallor.values()],
      bytes: Buffer.byteLength(text),
    });
  }

  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          supergraf = createHash('sha256')
            .update(coreSupergraphSdl ?? '')
            .digest('base64url');
          lru.clear();
        },
      };
    },
    async requestDidStart() {
      if (!config.enabled) return;
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const name = rc.operationName;
          if (rc.operation.operation !== 'query' || !name || !config.operations.has(name)) {
            return null;
          }
          const { subgraphHeaders, viewer } = rc.contextValue;
          const key = nyckel(rc.queryHash ?? rc.source ?? '', name, rc.request.variables, viewer);
          const s: Samlare = { key, utfall: 'miss', kallor: new Map(), okand: false };
          samlare.set(rc.contextValue, s);
          const post = lru.get(key);
          const kontroll = post ? await kontrollera(post, subgraphHeaders, name) : undefined;
          utfallRaknare.inc({ utfall: kontroll === 'farsk' ? 'traff' : (kontroll ?? 'miss') });
          // A moved source never comes back: the kept answer is useless from now on.
          if (kontroll === 'inaktuell') lru.delete(key);
          if (post && kontroll === 'farsk') {
            s.utfall = 'traff';
            return {
              http: { headers: new HeaderMap(), status: undefined },
              body: { kind: 'single', singleResult: post.result },
            };
          }
          // A real execution: each subgraph is asked for its revision and audited reads.
          rc.contextValue.subgraphHeaders = { ...subgraphHeaders, [SVARSCACHE_HEADER]: '1' };
          return null;
        },
        async willSendResponse(rc) {
          const s = samlare.get(rc.contextValue);
          if (!s) return;
          rc.response.http.headers.set(SVARSCACHE_RESPONSE_HEADER, s.utfall);
          if (s.utfall === 'miss') lagra(s, rc);
        },
      };
    },
  };
}
