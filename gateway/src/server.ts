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
import { type RunningService, startService } from '@lagesbild/http-kit';
import { GraphQLError } from 'graphql';
import type { GatewayConfig } from './config';
import { dashboardRoute } from './dashboard';
import { graphiqlRoute } from './graphiql';

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
function watchedSupergraph(path: string): SupergraphSdlHook {
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
          console.log(`[gateway] supergraph reloaded from ${path}`);
        } catch (error) {
          console.error(
            '[gateway] supergraph reload refused; still serving the previous one:',
            error,
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

export function createGateway(config: GatewayConfig): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath),
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        url: config.subgraphUrls[name] ?? url,
        // Node's fetch (undici) keeps connections to the subgraphs alive and pooled.
        fetcher: fetch as never,
      }),
  });
}

export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const gateway = createGateway(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // Apollo's landing pages load from a CDN; GraphiQL is served here instead, offline.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  const graphiql = await graphiqlRoute({ examplesDir: config.examplesDir, endpoint: '/graphql' });
  const forwardHeaders = config.forwardHeaders;
  return startService<GatewayContext>({
    name: 'gateway',
    port: config.port,
    host: config.host,
    apollo,
    graphqlPaths: ['/', '/graphql'],
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
    routes: [graphiql, dashboardRoute({ distDir: config.dashboardDir })],
  });
}
