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
import { createVerifier, type Principal, signToken } from '@lagesbild/auth';
import { Roll } from '@lagesbild/domain';
import {
  createLogger,
  type Logger,
  metricsPlugin,
  principalOf,
  type RunningService,
  registry,
  startService,
} from '@lagesbild/http-kit';
import { GraphQLError } from 'graphql';
import { Histogram } from 'prom-client';
import {
  type Behorighetskrav,
  behorighetPlugin,
  forApolloGateway,
  lasBehorighetskrav,
} from './behorighet';
import type { GatewayConfig } from './config';
import { dashboardRoute } from './dashboard';
import { devTokenRoute, isDevelopment } from './dev-token';
import { graphiqlRoute } from './graphiql';
import { KallaOtillganglig, saknadeKallorPlugin } from './kallor';
import { formatLimitError, queryLimitOptions } from './limits';
import { medSvarscache, svarscachePlugin } from './svarscache';

export interface GatewayContext {
  /** The caller's token and request id, passed on to every subgraph. */
  forwarded: Record<string, string>;
  /** The caller, as the gateway verified their token. */
  viewer: Principal;
}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    /** The graph name (`polis`), as the caller reads it in saknadeKallor. */
    readonly kalla: string,
    readonly tidsgransMs: number,
    config: { url?: string; fetcher: RemoteGraphQLDataSource['fetcher'] },
  ) {
    super(config);
  }

  /**
   * A source that timed out, could not be reached or answered 5xx gives a GraphQL error
   * for its fields, with its name, and the rest of the plan runs on: answered here, as a
   * subgraph's errors, because Apollo Gateway passes a thrown fetch error on without the
   * service's name or a path.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const missing =
        error instanceof KallaOtillganglig
          ? error
          : // The fetch resolved but its body stalled past the same deadline.
            isTimeout(error)
            ? new KallaOtillganglig(
                this.kalla,
                'TIDSGRANS',
                { tidsgransMs: this.tidsgransMs },
                { cause: error },
              )
            : undefined;
      if (!missing) throw error;
      return { errors: missing.toSubgraphErrors(options.request.query) };
    }
  }

  /**
   * A subgraph answers a request it rejects (a malformed period, say) with HTTP 400 and
   * GraphQL errors. Apollo's default turns that into "400: Bad Request" with code
   * INTERNAL_SERVER_ERROR; the caller should get the subgraph's own error and code.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status >= 500) {
      throw new KallaOtillganglig(this.kalla, 'SERVERFEL', { status: response.status });
    }
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

/** AbortSignal.timeout's reason: a DOMException named TimeoutError, by the standard. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/**
 * Reads the supergraph file and pushes every later version of it into the running
 * gateway, so a recomposed schema is served without a restart. A file that does not
 * parse or compose is refused and the gateway keeps serving the last good one. Apollo
 * Gateway gets it with the access rules' links no longer marked for SECURITY (see
 * forApolloGateway); the rules themselves stay in it and behorighetPlugin enforces them.
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

const subgraphFetches = new Histogram({
  name: 'lagesbild_subgraph_fetch_duration_seconds',
  help: "The gateway's requests to each subgraph: latency by subgraph and outcome.",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/**
 * Node's fetch, timed per subgraph, with the subgraph's deadline. A fetch that rejects
 * never reached an answer (refused, reset, DNS, or the deadline): the source is missing.
 */
function timedFetch(subgraph: string, tidsgransMs: number): typeof fetch {
  return async (input, init) => {
    const end = subgraphFetches.startTimer({ subgraph });
    try {
      const response = await fetch(input, { ...init, signal: AbortSignal.timeout(tidsgransMs) });
      end({ outcome: response.ok ? 'ok' : `http_${response.status}` });
      return response;
    } catch (error) {
      const timedOut = isTimeout(error);
      end({ outcome: timedOut ? 'timeout' : 'unreachable' });
      throw new KallaOtillganglig(
        subgraph,
        timedOut ? 'TIDSGRANS' : 'ONABAR',
        timedOut ? { tidsgransMs } : {},
        { cause: error },
      );
    }
  };
}

export function createGateway(config: GatewayConfig, logger: Logger): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath, logger),
    // Once per subgraph and schema load, not per request: URL, deadline, fetcher.
    buildService: ({ name, url }) => {
      const tidsgransMs = config.subgraphTimeoutsMs[name] ?? config.subgraphTimeoutMs;
      // medSvarscache: each answer's revision goes to the response cache, never further.
      return medSvarscache(
        new SubgraphDataSource(name, tidsgransMs, {
          url: config.subgraphUrls[name] ?? url,
          // Node's fetch (undici) keeps connections to the subgraphs alive and pooled.
          fetcher: timedFetch(name, tidsgransMs) as never,
        }),
      );
    },
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
  // The access rules of the supergraph being served, read again on every (re)load.
  let krav: Behorighetskrav = { scopes: new Map(), autentiserad: new Set() };
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    krav = lasBehorighetskrav(coreSupergraphSdl);
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    ...limitOptions,
    formatError: formatLimitError,
    // Apollo's landing pages load from a CDN; GraphiQL is served here instead, offline.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      metricsPlugin('gateway'),
      saknadeKallorPlugin(),
      ...limitPlugins,
      // Before planning: no subgraph is called for an operation the caller may not read.
      behorighetPlugin(() => krav),
      // Last: it answers only what every check above has let through (see svarscache.ts).
      svarscachePlugin<GatewayContext>(config.svarscache),
    ],
  });
  const development = isDevelopment(config.auth);
  // In development GraphiQL opens signed in as an analyst; `pnpm tokens` prints the others.
  const graphiqlToken = development
    ? await signToken(config.auth, {
        roller: [Roll.ANALYTIKER],
        giltigt: '7d',
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
    context: async (req: IncomingMessage) => {
      const forwarded: Record<string, string> = {};
      for (const name of forwardHeaders) {
        const value = req.headers[name];
        if (typeof value === 'string') forwarded[name] = value;
      }
      return { forwarded, viewer: principalOf<Principal>(req) as Principal };
    },
    // A browser opening the gateway's root gets the council's dashboard; GraphiQL stays at
    // /graphiql, linked from the dashboard.
    routes: [
      ...(graphiql ? [graphiql] : []),
      dashboardRoute({ distDir: config.dashboardDir }),
      ...(development ? [devTokenRoute(config.auth)] : []),
    ],
  });
}
