import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';

/**
 * Every place the gateway leans on how Apollo Gateway / Apollo Server work inside rather
 * than on what they promise, named once. Everything else in gateway/src uses their public
 * APIs (ApolloServer plugins, `buildService`, `didReceiveResponse`, `supergraphSdl` hooks,
 * `onSchemaLoadOrUpdate`). apollo-interna.test.ts fails when an upgrade moves any of these:
 * read this file again before raising the versions below.
 */

/** The versions these reaches were read against (gateway/package.json pins them exactly). */
export const TESTADE_VERSIONER = {
  '@apollo/gateway': '2.14.4',
  '@apollo/server': '5.5.1',
} as const;

/** What a subgraph data source's `process` resolves to. */
export type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * 1. A client's operation, as opposed to a health check or a schema load: the options
 * carry `incomingRequestContext`. Apollo Gateway tells the kinds apart by
 * GraphQLDataSourceRequestKind, which its package index does not export, so the property
 * is the test.
 */
export function klientensOperation<TContext extends object>(
  options: GraphQLDataSourceProcessOptions<TContext>,
): InkommandeBegaran<TContext> | undefined {
  return 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
}

/** The client's request as Apollo Gateway hands it to a data source. */
export type InkommandeBegaran<TContext extends object> = Extract<
  GraphQLDataSourceProcessOptions<TContext>,
  { incomingRequestContext: unknown }
>['incomingRequestContext'];

/**
 * 2. The data source's fetch path is replaced (SubgraphDataSource overrides `process`,
 * subgraph-datasource.ts): RemoteGraphQLDataSource's own builds a node-fetch Headers, a
 * Request and a header copy per subgraph request. What its `process` does after the fetch
 * is copied, not inherited: it calls `didReceiveResponse({ response, request, context })`
 * (the response cache's hook) and narrows the request's cache policy by the subgraph's
 * cache-control. Not copied: `willSendRequest`, `didEncounterError` (this gateway defines
 * neither).
 */
export async function nastaSteg<TContext extends object>(
  source: RemoteGraphQLDataSource<TContext>,
  response: SubgraphResponse,
  options: GraphQLDataSourceProcessOptions<TContext>,
): Promise<SubgraphResponse> {
  if (!source.didReceiveResponse) return response;
  return source.didReceiveResponse({
    response,
    request: options.request,
    context: options.context as TContext,
  });
}

/**
 * 3. Authorization wraps the gateway's executor (plugins/behorighet.ts) so that the
 * filtered operation is what Apollo Gateway plans: the GatewayInterface Apollo Server
 * takes is public, but handing its executor another document, text and queryHash than the
 * request's relies on the executor planning from those fields, and caching plans by the
 * queryHash it is given.
 */
export type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
export type GatewayExecutor = NonNullable<
  Awaited<ReturnType<GatewayInterface['load']>>['executor']
>;
export type GatewayRequest = Parameters<GatewayExecutor>[0];

/**
 * 4. Apollo Gateway refuses a supergraph that links a security feature (`for: SECURITY`) it
 * does not implement — `@requiresScopes` and `@authenticated` among them. The gateway
 * enforces those two itself, so the supergraph is handed over with that purpose dropped
 * from their links (forApolloGateway, plugins/behorighet.ts).
 */
export { forApolloGateway } from './plugins/behorighet';
