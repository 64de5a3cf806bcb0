import { STATUS_CODES } from 'node:http';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { SVARSCACHE_HEADER } from '@lagesbild/http-kit';
import { GraphQLError } from 'graphql';
import { klientensOperation, nastaSteg, type SubgraphResponse } from './apollo-interna';
import type { GatewayContext } from './kontext';
import { arLasning, delningsnyckel } from './plugins/dedup';
import { KallaOtillganglig } from './plugins/saknade-kallor';
import type { SubgraphAnswer, SubgraphClient } from './subgraph-fetch';
import { taktFor } from './takt';

const JSON_ONLY: Record<string, string> = { 'content-type': 'application/json' };

/**
 * Apollo Gateway's data source, with its fetch path replaced: RemoteGraphQLDataSource's
 * own `process` builds a node-fetch Headers, a Request and a header copy per subgraph
 * request whatever the fetcher; this one sends the body with the subgraph's pooled client.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
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
    // A client's operation (not a health check or a schema load): see apollo-interna.ts.
    const incoming = klientensOperation(options);
    // Only a read is shared, decided from the parsed operation (plugins/dedup.ts).
    const lasning = arLasning(incoming?.operation);
    const shareKey = delningsnyckel({
      dedupe: this.client.dedupe,
      lasning,
      headers,
      variantHeaders: [SVARSCACHE_HEADER],
      body,
    });
    // A read waits for the caller's wave (takt.ts), then goes with the caller's other reads
    // to this subgraph in the same turn as one HTTP request (subgraph-fetch.ts); a
    // mutation's fetches each go alone, at once. So does a read for the response cache
    // (its header): a subgraph keeps that request's revision and audited reads on state
    // every operation of a batch shares (subgraph-kit's revision.ts), so until each
    // operation keeps its own, such a read goes alone.
    const batch = lasning && headers[SVARSCACHE_HEADER] === undefined;
    const takt = batch && this.client.batchMax > 1 ? taktFor(options.context) : undefined;
    let answer: SubgraphAnswer;
    try {
      const vanta = takt?.borja();
      if (vanta) await vanta;
      answer = await this.client.fetch(body, headers, shareKey, context.klient, batch);
    } catch (error) {
      if (error instanceof KallaOtillganglig) return { errors: error.toSubgraphErrors(query) };
      throw error;
    } finally {
      takt?.klar();
    }
    if (answer.status >= 500) {
      const missing = new KallaOtillganglig(this.client.kalla, 'SERVERFEL', {
        status: answer.status,
      });
      return { errors: missing.toSubgraphErrors(query) };
    }
    const parsed = answer.batched ? answer.batched.result : parseAnswer(answer);
    if ((answer.status < 200 || answer.status >= 300) && !ranInBatch(answer, parsed)) {
      throw rejectedRequest(answer, parsed);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`Expected JSON response body, but received: ${answer.text}`);
    }
    // As RemoteGraphQLDataSource: the subgraph's cache-control narrows the response's.
    const policy = incoming?.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict(cacheHint(answer.cacheControl));
    const response = parsed as SubgraphResponse;
    // The hook RemoteGraphQLDataSource's own `process` would call (the response cache's).
    return nastaSteg(this, response, options);
  }
}

/**
 * A batch has one HTTP status for all its operations (Apollo Server shares the head), so a
 * 4xx may be another operation's refusal. This operation ran when its result has `data`
 * (a refused request has only errors): it is answered as a 200 would be.
 */
function ranInBatch(answer: SubgraphAnswer, result: unknown): boolean {
  return (
    answer.batched !== undefined &&
    answer.status < 500 &&
    result !== null &&
    typeof result === 'object' &&
    'data' in result
  );
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
