import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Principal } from '@lagesbild/auth';
import { type Logger, type RevisionBegaran, SVARSCACHE_HEADER } from '@lagesbild/http-kit';
import type { Pool } from 'undici';
import { subgraphPool } from '../subgraph-fetch';
import type { SvarscacheConfig } from '../svarscache';
import {
  arCachebarLasning,
  cachenyckel,
  kanLagras,
  type Post,
  post,
  SvarsLru,
} from './cache-policy';
import { Samlasning } from './samlasning';
import type { Kalla, Samlare, SvarscacheContext } from './svarscache-kallor';
import { utfallRaknare } from './svarscache-matning';
import { Tidsgrans } from './tidsgranser';

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
 *
 * Which requests and answers qualify is cache-policy.ts; the bookkeeping from the subgraphs'
 * answers is svarscache-kallor.ts; this file asks the sources and answers or stores.
 */

/** The response header tests and the benchmark read: `traff` or `miss`. */
export const SVARSCACHE_RESPONSE_HEADER = 'x-lagesbild-cache';

interface CacheContext extends SvarscacheContext {
  subgraphHeaders: Record<string, string>;
  viewer: Principal;
}

type Kontroll = 'farsk' | 'inaktuell' | 'fel';

export function svarscachePlugin<TContext extends CacheContext>(
  config: SvarscacheConfig,
  logger: Logger,
): ApolloServerPlugin<TContext> {
  const lru = new SvarsLru(config.maxEntries, config.maxBytes);
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

  // A hit asks every source of the answer, so the checks go on kept-alive sockets, one pool
  // per subgraph origin: a WHATWG fetch per check cost about as much of the gateway's CPU as
  // the rest of the hit.
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = subgraphPool(origin, config.timeoutMs);
      pools.set(origin, pool);
    }
    return pool;
  };

  async function revisionOf(
    kalla: Kalla,
    begaran: RevisionBegaran,
    subgraphHeaders: Record<string, string>,
  ): Promise<number> {
    const url = new URL(kalla.url);
    const tidsgrans = new Tidsgrans(config.timeoutMs);
    try {
      const response = await poolFor(url.origin).request({
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...subgraphHeaders, 'content-type': 'application/json' },
        body: JSON.stringify(begaran),
        signal: tidsgrans.controller.signal,
      });
      const text = await response.body.text();
      if (response.statusCode < 200 || response.statusCode > 299) {
        throw new Error(`${kalla.subgraf}: HTTP ${response.statusCode}`);
      }
      const { revision } = JSON.parse(text) as { revision?: unknown };
      if (!Number.isSafeInteger(revision)) throw new Error(`${kalla.subgraf}: no revision`);
      return revision as number;
    } catch (error) {
      if (tidsgrans.timedOut)
        throw new Error(`${kalla.subgraf}: no answer in ${config.timeoutMs} ms`);
      throw error;
    } finally {
      tidsgrans.clear();
    }
  }

  /**
   * Plain revision reads first; the sources whose reads are audited are asked last, each
   * with its audit rows, so that a stale source elsewhere has already sent the request on
   * to a real execution before anything is logged (which would then log the reads twice).
   * With one audited source nothing is ever logged twice; with several, only a write that
   * lands between the two rounds can make the real execution log a second time.
   * A failed check is never an answer from memory: the request runs as a miss, and the
   * failure is logged (a source's revision endpoint down or slow is worth knowing).
   */
  async function kontrollera(
    kept: Post,
    subgraphHeaders: Record<string, string>,
    operationName: string,
  ): Promise<Kontroll> {
    const granskade = kept.kallor.filter((k) => k.granskning.length > 0);
    const forst =
      granskade.length <= 1 ? kept.kallor.filter((k) => k.granskning.length === 0) : kept.kallor;
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
    } catch (error) {
      logger.warn(
        {
          err: error,
          operationName,
          kallor: kept.kallor.map((k) => k.subgraf),
          requestId: subgraphHeaders['x-request-id'],
        },
        'response cache: revision check failed; answering from the sources instead',
      );
      return 'fel';
    }
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
        async serverWillStop() {
          await Promise.all([...pools.values()].map((pool) => pool.close()));
          pools.clear();
        },
      };
    },
    async requestDidStart() {
      if (!config.enabled) return;
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const name = rc.operationName;
          if (!arCachebarLasning(rc.operation, name, config.operations)) return null;
          const { subgraphHeaders, viewer } = rc.contextValue;
          const key = cachenyckel(
            supergraf,
            rc.queryHash ?? rc.source ?? '',
            name,
            rc.request.variables,
            viewer,
          );
          const s: Samlare = { key, utfall: 'miss', kallor: new Map(), okand: false };
          rc.contextValue.svarscache = s;
          const kept = lru.get(key);
          const kontroll = kept ? await kontrollera(kept, subgraphHeaders, name) : undefined;
          utfallRaknare.inc({ utfall: kontroll === 'farsk' ? 'traff' : (kontroll ?? 'miss') });
          // A moved source never comes back: the kept answer is useless from now on.
          if (kontroll === 'inaktuell') lru.delete(key);
          if (kept && kontroll === 'farsk') {
            s.utfall = 'traff';
            return {
              http: { headers: new HeaderMap(), status: undefined },
              body: { kind: 'single', singleResult: kept.result },
            };
          }
          // A real execution: each subgraph is asked for its revision and audited reads.
          rc.contextValue.subgraphHeaders = { ...subgraphHeaders, [SVARSCACHE_HEADER]: '1' };
          return null;
        },
        async willSendResponse(rc) {
          const s = rc.contextValue.svarscache;
          if (!s) return;
          rc.response.http.headers.set(SVARSCACHE_RESPONSE_HEADER, s.utfall);
          if (s.utfall !== 'miss' || rc.response.body.kind !== 'single') return;
          const result = rc.response.body.singleResult;
          if (kanLagras(result, s.okand)) lru.set(s.key, post(result, [...s.kallor.values()]));
        },
      };
    },
  };
}
