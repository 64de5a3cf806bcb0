import { createRequire } from 'node:module';
import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { type DefinitionNode, type DocumentNode, Kind } from 'graphql';
import {
  type ComputeResponse,
  createComputeResponse,
  type FederationInternals,
} from './result-shaping';

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

/**
 * 5. Apollo Gateway's executeQueryPlan turns the client's operation into federation's
 * `Operation` on every request, for its result shaping — `operationFromDocument(apiSchema,
 * { definitions: [operation, ...fragments] }, { validate: false })` — though the plan it
 * executes was cached: ≈5 % of the gateway's CPU per lägesbild under load (issue 17's
 * profile). The AST nodes it is built from are the same objects request after request (the
 * document store keeps parsed operations, plugins/behorighet.ts keeps each filtered one), so
 * the `Operation` is kept per schema and exact set of definition nodes, and only for that
 * unvalidated call: any other definition, schema or option builds a new one as before. An
 * `Operation` is read, never changed, by executeQueryPlan and resultShaping.
 *
 * The function is replaced on federation-internals' operations module, whose export
 * `@apollo/federation-internals` re-exports by getter and executeQueryPlan reads at each
 * call (`(0, federation_internals_1.operationFromDocument)(…)`).
 */
export function behallOperationer(): void {
  const operations = gatewayRequire()('@apollo/federation-internals/dist/operations') as {
    operationFromDocument: OperationFromDocument & { behallen?: true };
  };
  const original = operations.operationFromDocument;
  if (original.behallen) return;
  const kept = new WeakMap<
    object,
    WeakMap<DefinitionNode, { definitions: readonly DefinitionNode[]; operation: unknown }[]>
  >();
  const behallen: OperationFromDocument & { behallen?: true } = (schema, document, options) => {
    const [first] = document.definitions;
    const keyed =
      options?.validate === false &&
      options.operationName === undefined &&
      first?.kind === Kind.OPERATION_DEFINITION;
    if (!keyed) return original(schema, document, options);
    let bySchema = kept.get(schema);
    if (!bySchema) {
      bySchema = new WeakMap();
      kept.set(schema, bySchema);
    }
    let entries = bySchema.get(first);
    if (!entries) {
      entries = [];
      bySchema.set(first, entries);
    }
    const same = (definitions: readonly DefinitionNode[]) =>
      definitions.length === document.definitions.length &&
      definitions.every((d, i) => d === document.definitions[i]);
    const found = entries.find((e) => same(e.definitions));
    if (found) return found.operation;
    const operation = original(schema, document, options);
    // A handful per operation node at most (one per distinct fragment set); never grows on.
    if (entries.length < 8) entries.push({ definitions: [...document.definitions], operation });
    return operation;
  };
  behallen.behallen = true;
  operations.operationFromDocument = behallen;
}

type OperationFromDocument = (
  schema: object,
  document: DocumentNode,
  options?: { operationName?: string; validate?: boolean },
) => unknown;

/**
 * 6. Apollo Gateway's result shaping (`computeResponse` in dist/resultShaping.js, which
 * executeQueryPlan calls as `(0, resultShaping_1.computeResponse)(…)`, read from the module's
 * exports at each call) is replaced by result-shaping.ts: the same answers and errors,
 * without the temporary objects per field. It is built on federation-internals as the
 * gateway loads it (the same module instance as the schema and the operations, so its type
 * checks and `instanceof` hold).
 */
export function formaSvarSjalv(): void {
  const shaping = resultShapingModule();
  if (shaping.computeResponse.apollos) return;
  const own: EgenFormning = createComputeResponse(
    gatewayRequire()('@apollo/federation-internals') as FederationInternals,
  );
  own.apollos = shaping.computeResponse;
  shaping.computeResponse = own;
}

/**
 * Apollo Gateway's own result shaping, also once replaced (for result-shaping.test.ts,
 * which holds the two to the same answers).
 */
export function apollosResultatformning(): ComputeResponse {
  const current = resultShapingModule().computeResponse;
  return current.apollos ?? current;
}

type EgenFormning = ComputeResponse & { apollos?: ComputeResponse };

const gatewayRequire = () =>
  createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));

const resultShapingModule = () =>
  gatewayRequire()('@apollo/gateway/dist/resultShaping') as { computeResponse: EgenFormning };
