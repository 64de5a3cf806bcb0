import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import {
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
  type SupergraphSdlHook,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import {
  createLogger,
  type Logger,
  metricsPlugin,
  type RunningService,
  registry,
  startService,
} from '@lagesbild/http-kit';
import { GraphQLError } from 'graphql';
import { Histogram } from 'prom-client';
import type { GatewayConfig } from './config';
import { dashboardRoute } from './dashboard';
import { graphiqlRoute } from './graphiql';
import { formatLimitError, queryLimitOptions } from './limits';

export interface GatewayContext {
  /** The caller's identity headers, passed on to every subgraph. */
  forwarded: Record<string, string>;
}

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * A subgraph answers a request it rejects (a malformed period, say) with HTTP 400 and
   * GraphQL errors. Apollo's default turns that into "400: Bad Request" with code
   * INTERNAL_SERVER_ERROR; the caller should get the subgraph's own error and code.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const fallback = response.clone();
    const body = (await this.parseBody(response).catch(() => null)) as {
      errors?: { message?: string; extensions?: Record<string, unknown> }[];
    } | null;
    const first = body?.errors?.[0];
    if (typeof first?.message === 'string') {
      return new GraphQLError(first.message, { extensions: { ...first.extensions } });
    }
    return super.errorFromResponse(fallback);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const forwarded = (context as Partial<GatewayContext>).forwarded;
    if (!forwarded) return;
    for (const [name, value] of Object.entries(forwarded)) request.http?.headers.set(name, value);
  }
}

/**
 * Reads the supergraph file and pushes every later version of it into the running
 * gateway, so a recomposed schema is served without a restart. A file that does not
 * parse or compose is refused and the gateway keeps serving the last good one.
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
          update(next);
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
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}

const subgraphFetches = new Histogram({
  name: 'lagesbild_subgraph_fetch_duration_seconds',
  help: "The gateway's requests to each subgraph: latency by subgraph and outcome.",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** Node's fetch, timed per subgraph. */
function timedFetch(subgraph: string): typeof fetch {
  return async (input, init) => {
    const end = subgraphFetches.startTimer({ subgraph });
    try {
      const response = await fetch(input, init);
      end({ outcome: response.ok ? 'ok' : `http_${response.status}` });
      return response;
    } catch (error) {
      end({ outcome: 'unreachable' });
      throw error;
    }
  };
}

export function createGateway(config: GatewayConfig, logger: Logger): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath, logger),
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        url: config.subgraphUrls[name] ?? url,
        // Node's fetch (undici) keeps connections to the subgraphs alive and pooled.
        fetcher: timedFetch(name) as never,
      }),
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const logger = createLogger('gateway');
  const gateway = createGateway(config, logger);
  // --- query limits and production mode (issue 7; see limits.ts) ---
  const { plugins: limitPlugins, ...limitOptions } = queryLimitOptions<GatewayContext>(
    config.limits,
    config.exposure,
  );
  // --- end query limits ---
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    ...limitOptions,
    formatError: formatLimitError,
    // Apollo's landing pages load from a CDN; GraphiQL is served here instead, offline.
    plugins: [ApolloServerPluginLandingPageDisabled(), metricsPlugin('gateway'), ...limitPlugins],
  });
  const graphiql = config.exposure.graphiql
    ? await graphiqlRoute({ examplesDir: config.examplesDir, endpoint: '/graphql' })
    : undefined;
  const forwardHeaders = config.forwardHeaders;
  return startService<GatewayContext>({
    name: 'gateway',
    port: config.port,
    host: config.host,
    apollo,
    graphqlPaths: ['/', '/graphql'],
    logger,
    context: async (req: IncomingMessage) => {
      const forwarded: Record<string, string> = {};
      for (const name of forwardHeaders) {
        const value = req.headers[name];
        if (typeof value === 'string') forwarded[name] = value;
      }
      return { forwarded };
    },
    // A browser opening the gateway's root gets the council's dashboard; GraphiQL stays at
    // /graphiql, linked from the dashboard.
    routes: [...(graphiql ? [graphiql] : []), dashboardRoute({ distDir: config.dashboardDir })],
  });
}
