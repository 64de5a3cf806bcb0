import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { createVerifier, loadAuthConfig } from '@lagesbild/auth';
import { environment } from '@lagesbild/config';
import {
  createLogger,
  metricsPlugin,
  type RouteHandler,
  type RunningService,
  sendJson,
  startService,
  stopOnSignals,
} from '@lagesbild/http-kit';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { disableAsyncContextWhenIdle } from './async-context';
import type { SubgraphConfig } from './config';
import { contextFactory, type KitContext, type LoaderFactory, skrivLasningar } from './context';
import { createErrorFormatter } from './errors';
import { granskningPlugin } from './granskning';
import { loadSubgraphLimits, subgraphLimitOptions } from './limits';
import {
  createOrm,
  type DatabaseReadiness,
  databaseReadiness,
  migrate,
  type Orm,
  type OrmInput,
} from './orm';
import { revisionRoute, svarscachePlugin } from './revision';
import type { FederatedSchema } from './schema';

export interface SubgraphDefinition<TLoaders> {
  name: string;
  entities: OrmInput['entities'];
  migrations: OrmInput['migrations'];
  schema: () => Promise<FederatedSchema>;
  loaders: LoaderFactory<TLoaders>;
  /**
   * For a subgraph that applies the domain's disclosure rule itself: its threshold, in
   * every request's context (`ctx.diskretionTroskel`); default DISKRETION_STANDARDTROSKEL.
   */
  diskretionTroskel?: number;
  /** Loads the source document's data (idempotent; see seedOnce). */
  seed?: (em: EntityManager) => Promise<void>;
  /** Extra HTTP routes beside GraphQL. */
  routes?: (orm: Orm) => RouteHandler[];
}

export interface RunningSubgraph extends RunningService {
  orm: Orm;
  graphqlUrl: string;
}

/**
 * A broken database answers HTTP 503, so the gateway names this source in saknadeKallor
 * instead of passing on an internal error: before each operation the SQLite file must still
 * be the one opened (a stat, no SQL), and after an unexpected error the readiness query
 * decides whether the database, not the operation, failed.
 */
function databasePlugin<TContext extends object>(
  database: DatabaseReadiness,
  logger: ReturnType<typeof createLogger>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let broken = false;
      return {
        async didResolveOperation() {
          try {
            database.file();
          } catch (error) {
            broken = true;
            logger.error({ err: error }, 'database unavailable');
            throw new GraphQLError('Källans databas är inte tillgänglig just nu.', {
              extensions: { code: 'DATABAS_OTILLGANGLIG' },
            });
          }
        },
        async didEncounterErrors({ errors }) {
          if (broken) return;
          if (!errors.some((e) => e.originalError && !(e.originalError instanceof GraphQLError))) {
            return;
          }
          try {
            await database.ready();
          } catch (error) {
            broken = true;
            logger.error({ err: error }, 'database unavailable');
          }
        },
        async willSendResponse({ response }) {
          if (broken) response.http.status = 503;
        },
      };
    },
  };
}

/** Every answer `cache-control: no-store`, as Apollo's cache-control plugin says it. */
function uncacheablePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/** Migrates, seeds when asked, and serves the subgraph; the caller decides about signals. */
export async function startSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  config: SubgraphConfig,
): Promise<RunningSubgraph> {
  const logger = createLogger(config.name);
  const orm = await createOrm({
    databaseUrl: config.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    logSql: config.logSql,
  });
  try {
    await migrate(orm.orm);
    if (config.seed && definition.seed) await definition.seed(orm.orm.em.fork());
  } catch (error) {
    await orm.orm.close();
    throw error;
  }
  const databaseReady = databaseReadiness(orm);
  const { schema } = await definition.schema();
  // Called directly it is as guarded as the gateway: the same limits, a cap on `_entities`
  // representations, and in production no introspection nor suggestions (limits.ts).
  const limits = config.limits ?? loadSubgraphLimits(environment());
  const { plugins: limitPlugins, ...limitOptions } =
    subgraphLimitOptions<KitContext<TLoaders>>(limits);
  const apollo = new ApolloServer<KitContext<TLoaders>>({
    schema,
    formatError: createErrorFormatter(config.name, logger, {
      hideSuggestions: limits.production,
    }),
    includeStacktraceInErrorResponses: false,
    // The gateway sends the fetches of one plan level to this subgraph as one HTTP request
    // (a JSON array): its operations share the request's loaders, so their SQL merges.
    allowBatchedHttpRequests: true,
    // A subgraph is reached through the gateway; GraphiQL lives there.
    ...limitOptions,
    // Federated traces cost time on every request and nobody here reports to Apollo Studio.
    plugins: [
      ...limitPlugins,
      ApolloServerPluginInlineTraceDisabled(),
      // No field of a subgraph carries a cache hint, so every answer is `no-store`: said
      // here once per answer, instead of by Apollo's cache-control plugin, whose
      // willResolveField hook wraps every field's resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      uncacheablePlugin(),
      metricsPlugin(config.name),
      granskningPlugin(),
      svarscachePlugin(config.name),
      databasePlugin(databaseReady, logger),
    ],
  });
  const makeContext = contextFactory(orm.orm, {
    loaders: definition.loaders,
    diskretionTroskel: definition.diskretionTroskel,
  });
  // Partners run their subgraphs in their own networks: each verifies the caller's token
  // again rather than trusting whoever reaches its port.
  const verify = createVerifier(config.auth ?? loadAuthConfig(environment(), config.dataDir));
  const routes: RouteHandler[] = [revisionRoute(orm), ...(definition.routes?.(orm) ?? [])];
  const publicRoutes: RouteHandler[] = [];
  if (config.debugSql) {
    // Only with DEBUG_SQL (tests): the statement counter, open like /metrics.
    publicRoutes.push((req, res, url) => {
      if (url.pathname !== '/debug/sql') return false;
      if (req.method === 'DELETE') orm.sql.count = 0;
      sendJson(res, 200, { statements: orm.sql.count, recent: orm.sql.recent.slice(-10) });
      return true;
    });
  }
  const service = await startService({
    name: config.name,
    port: config.port,
    host: config.host,
    apollo,
    context: (req: IncomingMessage, _res, anrop) => makeContext(req, anrop.principal),
    // The request's classified reads, every operation's, as one INSERT before the answer.
    foreSvar: skrivLasningar,
    graphqlPaths: ['/graphql', '/'],
    routes,
    publicRoutes,
    logger,
    authenticate: (req) => verify(req.headers.authorization),
    protect: 'all',
    health: async () => {
      // Throws with the reason: 503 { ok: false, error } (http-kit).
      await databaseReady.ready();
      return { ok: true, database: orm.kind };
    },
    onStop: () => orm.orm.close(),
  });
  return { ...service, orm, graphqlUrl: `${service.url}/graphql` };
}

/** The body of every subgraph's index.ts: start, print where, stop on a signal. */
export async function runSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  config: SubgraphConfig,
): Promise<void> {
  // This process is the subgraph's own: promise hooks only while MikroORM is in a flush or
  // a transaction, not for the rest of its life (async-context.ts).
  disableAsyncContextWhenIdle();
  try {
    const running = await startSubgraph(definition, config);
    stopOnSignals(running);
    console.log(`[${config.name}] ready at ${running.graphqlUrl} (database: ${running.orm.kind})`);
  } catch (error) {
    console.error(`[${config.name}] could not start:`, error);
    process.exit(1);
  }
}
