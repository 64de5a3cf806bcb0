import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import {
  ApolloGateway,
  type GraphQLDataSourceProcessOptions,
  RemoteGraphQLDataSource,
  type SupergraphSdlHook,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createVerifier, type Principal, signToken } from '@lagesbild/auth';
import { environment } from '@lagesbild/config';
import { Roll } from '@lagesbild/domain';
import {
  createLogger,
  type Logger,
  metricsPlugin,
  principalOf,
  type RunningService,
  SVARSCACHE_HEADER,
  startService,
} from '@lagesbild/http-kit';
import { GraphQLError } from 'graphql';
import {
  type Behorighetskrav,
  forApolloGateway,
  lasBehorighetskrav,
  medBehorighet,
} from './behorighet';
import type { GatewayConfig } from './config';
import { dashboardRoute } from './dashboard';
import { devTokenRoute, isDevelopment } from './dev-token';
import { GRAPHIQL_PATH, graphiqlRoute } from './graphiql';
import { KallaOtillganglig, saknadeKallorPlugin } from './kallor';
import { formatLimitError, queryLimitOptions } from './limits';
import { Klient, type SubgraphAnswer, SubgraphClient } from './subgraph-fetch';
import { medSvarscache, svarscachePlugin } from './svarscache';

export interface GatewayContext {
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

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

const JSON_ONLY: Record<string, string> = { 'content-type': 'application/json' };

/**
 * Apollo Gateway's data source, with its fetch path replaced: RemoteGraphQLDataSource's
 * own `process` builds a node-fetch Headers, a Request and a header copy per subgraph
 * request whatever the fetcher; this one sends the body with the subgraph's pooled client.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly client: SubgraphClient,
    url: string,
  ) {
    super({ url });
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
    const { request } = options;
    const query = request.query;
    if (!query) throw new Error('Missing query');
    // The same body RemoteGraphQLDataSource sends.
    const body = JSON.stringify({
      query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const context = options.context as Partial<GatewayContext>;
    const headers = context.subgraphHeaders ?? JSON_ONLY;
    // A client's operation (not a health check or a schema load; the enum is not exported).
    const incoming = 'incomingRequestContext' in options ? options : undefined;
    // Only reads are shared, and only among callers with the same token: a subgraph filters
    // by the token's roles, so another token's answer may hold what this one may not read.
    // The request id is not in the key: the shared request carries the first caller's.
    // Audit: the owning subgraph logs reads of classified records per request it gets, so
    // identical concurrent reads with the same token are one entry (README, Audit).
    const shareKey =
      this.client.dedupe &&
      incoming?.incomingRequestContext.operation?.operation === 'query' &&
      (query.startsWith('query') || query.startsWith('{'))
        ? `${headers.authorization ?? ''}\n${headers[SVARSCACHE_HEADER] ?? ''}\n${body}`
        : undefined;
    let answer: SubgraphAnswer;
    try {
      answer = await this.client.fetch(body, headers, shareKey, context.klient);
    } catch (error) {
      if (error instanceof KallaOtillganglig) return { errors: error.toSubgraphErrors(query) };
      throw error;
    }
    if (answer.status >= 500) {
      const missing = new KallaOtillganglig(this.client.kalla, 'SERVERFEL', {
        status: answer.status,
      });
      return { errors: missing.toSubgraphErrors(query) };
    }
    const parsed = parseAnswer(answer);
    if (answer.status < 200 || answer.status >= 300) throw rejectedRequest(answer, parsed);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`Expected JSON response body, but received: ${answer.text}`);
    }
    // As RemoteGraphQLDataSource: the subgraph's cache-control narrows the response's.
    const policy = incoming?.incomingRequestContext.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict(cacheHint(answer.cacheControl));
    const response = parsed as SubgraphResponse;
    // The hook RemoteGraphQLDataSource's own `process` would call (the response cache's).
    if (!this.didReceiveResponse) return response;
    return this.didReceiveResponse({
      response,
      request,
      context: options.context as GatewayContext,
    });
  }
}

function parseAnswer(answer: SubgraphAnswer): unknown {
  const type = answer.contentType;
  if (
    type?.startsWith('application/json') ||
    type?.startsWith('application/graphql-response+json')
  ) {
    try {
      return JSON.parse(answer.text);
    } catch {
      return answer.text;
    }
  }
  return answer.text;
}

/**
 * A subgraph answers a request it rejects (a malformed period, say) with HTTP 4xx and
 * GraphQL errors. Apollo's default turns that into "400: Bad Request" with code
 * INTERNAL_SERVER_ERROR; the caller should get the subgraph's own error and code.
 */
function rejectedRequest(answer: SubgraphAnswer, body: unknown): GraphQLError {
  const first = (body as { errors?: { message?: unknown; extensions?: object }[] } | null)
    ?.errors?.[0];
  if (typeof first?.message === 'string') {
    return new GraphQLError(first.message, { extensions: { ...first.extensions } });
  }
  const code =
    answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${answer.status}: ${STATUS_CODES[answer.status] ?? ''}`, {
    extensions: { ...(code ? { code } : {}), response: { status: answer.status, body } },
  });
}

function cacheHint(header: string | undefined): { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } {
  const maxAge = header ? /(?:^|,)\s*max-age=(\d+)\s*(?:,|$)/i.exec(header)?.[1] : undefined;
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = {
    maxAge: maxAge ? Number(maxAge) : 0,
  };
  if (header && /(?:^|,)\s*private\s*(?:,|$)/i.test(header)) hint.scope = 'PRIVATE';
  if (header && /(?:^|,)\s*public\s*(?:,|$)/i.test(header)) hint.scope = 'PUBLIC';
  return hint;
}

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
      const tidsgransMs = config.subgraphTimeoutsMs[kalla] ?? config.subgraphTimeoutMs;
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

export function createGateway(
  config: GatewayConfig,
  logger: Logger,
  clients = subgraphClients(config),
): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath, logger),
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
    ...limitOptions,
    formatError: formatLimitError,
    // Apollo's landing pages load from a CDN; GraphiQL is served here instead, offline.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      metricsPlugin('gateway'),
      saknadeKallorPlugin(),
      ...limitPlugins,
      // Last: it answers only what every check above has let through (see svarscache.ts).
      svarscachePlugin<GatewayContext>(config.svarscache),
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
    context: async (req: IncomingMessage, res: ServerResponse) => {
      const subgraphHeaders: Record<string, string> = { 'content-type': 'application/json' };
      for (const name of forwardHeaders) {
        const value = req.headers[name];
        if (typeof value === 'string') subgraphHeaders[name] = value;
      }
      return {
        subgraphHeaders,
        viewer: principalOf<Principal>(req) as Principal,
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
