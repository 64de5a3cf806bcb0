import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer, type DocumentStore } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createVerifier, type Principal, signToken } from '@lagesbild/auth';
import { environment } from '@lagesbild/config';
import { Roll } from '@lagesbild/domain';
import {
  type Anrop,
  createLogger,
  type Logger,
  metricsPlugin,
  type RunningService,
  startService,
} from '@lagesbild/http-kit';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { behallOperationer, formaSvarSjalv } from './apollo-interna';
import type { GatewayConfig } from './config';
import { dashboardRoute } from './dashboard';
import { devTokenRoute, isDevelopment } from './dev-token';
import { GRAPHIQL_PATH, graphiqlRoute } from './graphiql';
import type { GatewayContext } from './kontext';
import { formatLimitError, queryLimitOptions } from './limits';
import {
  type Behorighetskrav,
  forApolloGateway,
  lasBehorighetskrav,
  medBehorighet,
} from './plugins/behorighet';
import { saknadeKallorPlugin } from './plugins/saknade-kallor';
import { svarscachePlugin } from './plugins/svarscache';
import { medSvarscache } from './plugins/svarscache-kallor';
import { tidsgransFor } from './plugins/tidsgranser';
import { SubgraphDataSource } from './subgraph-datasource';
import { Klient, SubgraphClient } from './subgraph-fetch';

export type { GatewayContext } from './kontext';

/**
 * Reads the supergraph file and pushes every later version of it into the running
 * gateway, so a recomposed schema is served without a restart. A file that does not
 * parse or compose is refused and the gateway keeps serving the last good one. Apollo
 * Gateway gets it with the access rules' links no longer marked for SECURITY (see
 * forApolloGateway); the rules themselves stay in it and medBehorighet enforces them.
 */
function watchedSupergraph(path: string, logger: Logger): SupergraphSdlHook {
  return async ({ update }) => {
    let current = await readFile(path, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(path, () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          const next = await readFile(path, 'utf8');
          if (next === current || next.trim() === '') return;
          update(forApolloGateway(next));
          current = next;
          logger.info({ path }, 'supergraph reloaded');
        } catch (error) {
          logger.error(
            { err: error, path },
            'supergraph reload refused; still serving the previous one',
          );
        }
      }, 200);
    });
    return {
      supergraphSdl: forApolloGateway(current),
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}

/**
 * One pooled client per subgraph, kept across supergraph reloads (Apollo Gateway builds
 * its data sources anew on each): a reload must not open a second pool to the same
 * subgraph nor drop the sockets that are warm.
 */
function subgraphClients(config: GatewayConfig) {
  const clients = new Map<string, SubgraphClient>();
  return {
    clientFor(kalla: string, url: string): SubgraphClient {
      const tidsgransMs = tidsgransFor(config, kalla);
      const key = `${kalla} ${url} ${tidsgransMs}`;
      let client = clients.get(key);
      if (!client) {
        client = new SubgraphClient({
          kalla,
          url,
          tidsgransMs,
          connections: config.subgraphConnections,
          dedupe: config.dedupeSubgraphQueries,
        });
        clients.set(key, client);
      }
      return client;
    },
    async close(): Promise<void> {
      await Promise.all([...clients.values()].map((client) => client.close()));
      clients.clear();
    },
  };
}

/**
 * The gateway's two caches of what callers sent — parsed operations (Apollo Server's document
 * store) and query plans (Apollo Gateway's) — each ≈30 MB by Apollo's default, measured as JSON,
 * several times that in the heap. Any signed-in caller can fill them with distinct operations;
 * under the production heap cap (scripts/prod-command.ts) that would end the process, so
 * they are bounded to a few MB: the dashboard's, the report's and the partners' operations are
 * a few dozen.
 */
export const OPERATION_CACHE_MIB = 4;

function documentStore(maxMiB: number): DocumentStore {
  const lru = new LRUCache<string, DocumentNode>({
    maxSize: maxMiB * 2 ** 20,
    // As Apollo's own InMemoryLRUCache measures: the JSON length (a Location prints short).
    sizeCalculation: (document) => Math.max(1, JSON.stringify(document).length),
  });
  return {
    get: async (key) => lru.get(key),
    set: async (key, value) => {
      lru.set(key, value);
    },
    delete: async (key) => lru.delete(key),
  };
}

export function createGateway(
  config: GatewayConfig,
  logger: Logger,
  clients = subgraphClients(config),
): ApolloGateway {
  behallOperationer();
  formaSvarSjalv();
  return new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath, logger),
    experimental_approximateQueryPlanStoreMiB: OPERATION_CACHE_MIB,
    // Once per subgraph and schema load, not per request: URL, deadline, pooled client.
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`Delgrafen ${name} saknar URL i supergrafen.`);
      // medSvarscache: each answer's revision goes to the response cache, never further.
      return medSvarscache(new SubgraphDataSource(clients.clientFor(name, target), target));
    },
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const logger = createLogger('gateway');
  const clients = subgraphClients(config);
  const gateway = createGateway(config, logger, clients);
  const { plugins: limitPlugins, ...limitOptions } = queryLimitOptions<GatewayContext>(
    config.limits,
    config.exposure,
  );
  // The access rules of the supergraph being served, read again on every (re)load.
  let krav: Behorighetskrav = { scopes: new Map(), autentiserad: new Set() };
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    krav = lasBehorighetskrav(coreSupergraphSdl);
  });
  const apollo = new ApolloServer<GatewayContext>({
    // Before planning, what the caller may not read is removed from the operation; the rest
    // is planned and run, the removed fields answered null with an error (behorighet.ts).
    gateway: medBehorighet(gateway, () => krav),
    includeStacktraceInErrorResponses: false,
    documentStore: documentStore(OPERATION_CACHE_MIB),
    ...limitOptions,
    formatError: formatLimitError,
    // Apollo's landing pages load from a CDN; GraphiQL is served here instead, offline.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      metricsPlugin('gateway'),
      saknadeKallorPlugin(),
      ...limitPlugins,
      // Last: it answers only what every check above has let through (see svarscache.ts).
      svarscachePlugin<GatewayContext>(config.svarscache, logger),
    ],
  });
  const development = isDevelopment(config.auth, environment());
  // In development GraphiQL opens signed in as an analyst; `pnpm tokens` prints the others.
  const graphiqlToken = development
    ? await signToken(config.auth, {
        // The longest a token may live (LAGESBILD_TOKEN_MAX_LIVSLANGD_S); reload for a new one.
        roller: [Roll.ANALYTIKER],
        subject: 'dev:graphiql',
      })
    : null;
  const graphiql = config.exposure.graphiql
    ? await graphiqlRoute({
        examplesDir: config.examplesDir,
        endpoint: '/graphql',
        headers: graphiqlToken ? { Authorization: `Bearer ${graphiqlToken}` } : {},
      })
    : undefined;
  const forwardHeaders = config.forwardHeaders;
  if (!config.dedupeSubgraphQueries) {
    logger.info('identical concurrent subgraph queries are each sent (SUBGRAPH_DEDUPE=false)');
  }
  const verify = createVerifier(config.auth);
  return startService<GatewayContext>({
    name: 'gateway',
    port: config.port,
    host: config.host,
    apollo,
    graphqlPaths: ['/', '/graphql'],
    logger,
    // The gateway refuses a request without a valid token before planning anything; the
    // subgraphs verify the same token again.
    authenticate: (req) => verify(req.headers.authorization),
    protect: 'graphql',
    context: async (req: IncomingMessage, res: ServerResponse, anrop: Anrop) => {
      const subgraphHeaders: Record<string, string> = { 'content-type': 'application/json' };
      for (const name of forwardHeaders) {
        const value = req.headers[name];
        if (typeof value === 'string') subgraphHeaders[name] = value;
      }
      return {
        subgraphHeaders,
        viewer: anrop.principal as Principal,
        klient: new Klient(res),
      };
    },
    onStop: () => clients.close(),
    // A browser opening the gateway's root gets the council's dashboard; GraphiQL stays at
    // /graphiql, linked from the dashboard.
    routes: [
      ...(graphiql ? [graphiql] : []),
      dashboardRoute({ distDir: config.dashboardDir, graphiql: graphiql ? GRAPHIQL_PATH : null }),
      ...(development ? [devTokenRoute(config.auth)] : []),
    ],
  });
}
