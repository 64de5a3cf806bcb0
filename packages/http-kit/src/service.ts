import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { createLogger, type Logger } from './logger';
import { httpDuration, httpRequests, registry } from './metrics';

/**
 * What the service knows about one request before any route or GraphQL sees it: handed
 * to the routes and the context function explicitly, never kept beside the request.
 */
export interface Anrop {
  /** The request's id (requestIdOf). */
  requestId: string;
  /** The caller as `authenticate` returned them; undefined before or without it. */
  principal: unknown;
}

/**
 * A plain route beside GraphQL: return true when it answered the request. startService
 * always passes `anrop`; it is optional only so a route can be called alone in a test.
 */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  anrop?: Anrop,
) => Promise<boolean | undefined> | boolean | undefined;

export interface HealthReport {
  ok: boolean;
  [detail: string]: unknown;
}

export interface ServiceOptions<TContext extends BaseContext> {
  /** Name used in logs and in /health. */
  name: string;
  port: number;
  host?: string;
  apollo: ApolloServer<TContext>;
  /**
   * Builds the per-request context; called once per GraphQL request. `res` lets the
   * context learn that the caller has gone (its `close` before `finish`); `anrop` carries
   * the verified caller and the request id.
   */
  context: (req: IncomingMessage, res: ServerResponse, anrop: Anrop) => Promise<TContext>;
  /**
   * Runs when Apollo has answered a GraphQL request and before the answer is sent, with the
   * request's context (once per HTTP request, also for a batch of operations). When it
   * throws, the answer is not sent: the caller gets 503 instead (a subgraph writes the
   * request's audit entries here, and what could not be logged is not returned).
   */
  foreSvar?: (context: TContext) => Promise<void>;
  /** Paths that answer GraphQL. */
  graphqlPaths?: readonly string[];
  /** Extra routes tried, in order, before GraphQL. */
  routes?: readonly RouteHandler[];
  /** Routes answered before any authentication (diagnostics a test harness reads). */
  publicRoutes?: readonly RouteHandler[];
  /** Liveness and readiness detail for GET /health; throws or ok:false → 503. */
  health?: () => Promise<HealthReport>;
  /** Released after the HTTP server and Apollo have stopped (database pools, watchers). */
  onStop?: () => Promise<void>;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
  /** Structured logger; one is made for the service when not given. */
  logger?: Logger;
  /**
   * Verifies the caller; throws to refuse with 401. What it returns is the request's
   * principal (`anrop.principal`), for the context. Health and metrics stay open.
   */
  authenticate?: (req: IncomingMessage) => Promise<unknown>;
  /** What the check guards: every route ('all', a subgraph) or GraphQL only (the gateway's pages). */
  protect?: 'all' | 'graphql';
}

export interface RunningService {
  readonly name: string;
  readonly logger: Logger;
  readonly port: number;
  readonly url: string;
  readonly server: Server;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/** The header that ties one council question to every log line it causes, in every service. */
export const REQUEST_ID_HEADER = 'x-request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request's id, kept in the audit log and every log line: the caller's `x-request-id`
 * only when it is a UUID (what the gateway makes and passes to the subgraphs it calls, so
 * one question is followed through every service), lower-cased; anything else is replaced
 * by a new UUID. A client then cannot write text of its choosing into the audit log's
 * request id — an import run's `import-…`, another service's form, words meant for the
 * admin. What the log says about who asked comes from the verified token, never from this
 * header; the id only ties lines together.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  if (typeof given === 'string' && UUID.test(given)) {
    const id = given.toLowerCase();
    req.headers[REQUEST_ID_HEADER] = id;
    return id;
  }
  const id = randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}

/** Metrics label for a path: known routes by name, everything else lumped together. */
function routeLabel(path: string, graphqlPaths: Set<string>): string {
  if (graphqlPaths.has(path)) return 'graphql';
  if (path.startsWith('/health')) return 'health';
  if (path === '/metrics') return 'metrics';
  const first = path.split('/')[1] ?? '';
  return /^[a-z0-9-]{1,30}$/.test(first) ? `/${first}` : 'other';
}

/** A request body over its route's limit: answer 413 with the message. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Förfrågan är för stor (högst ${limit} byte).`);
  }
}

/**
 * The caller closed the connection before its request body was read: there is nobody to
 * answer. The service logs it and stops; it is not the service's error.
 */
export class ClientGoneError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('Klienten stängde förbindelsen innan förfrågan var läst.', options);
  }
}

/**
 * Reads a request body up to `limit` bytes, for every route that takes one (GraphQL, the
 * subgraphs' REST routes): past the limit it stops keeping what arrives and throws
 * BodyTooLargeError, so an oversized upload is refused without being held in memory.
 * A caller that has left, before reading began (during token verification, say) or while
 * it went on, gives ClientGoneError: a destroyed request never ends, and would otherwise
 * leave the handler waiting for ever.
 */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (req.destroyed) {
      reject(new ClientGoneError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained unread (not kept), so the client reads the 413
      // instead of a broken pipe.
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (size > limit) reject(new BodyTooLargeError(limit));
      else resolve(Buffer.concat(chunks));
    });
    // A request's stream fails only when its connection does ('aborted', a reset).
    req.on('error', (error) => reject(new ClientGoneError({ cause: error })));
    // Every request closes; only one that closes before its end has lost its caller (and
    // an error, with its stack, is made only then: this runs for every request).
    req.on('close', () => {
      if (!ended) reject(new ClientGoneError());
    });
  });
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return (await readRequestBody(req, limit)).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function graphqlErrorBody(message: string, code: string): { errors: unknown[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Serves an Apollo Server on node:http. Written once for every service so that the
 * gateway and the subgraphs answer /health, parse bodies and shut down the same way;
 * node:http keeps the gateway's hot path free of a framework's middleware chain.
 */
export async function startService<TContext extends BaseContext>(
  options: ServiceOptions<TContext>,
): Promise<RunningService> {
  const {
    name,
    apollo,
    context,
    graphqlPaths = ['/graphql'],
    routes = [],
    health,
    onStop,
    maxBodyBytes = DEFAULT_MAX_BODY,
  } = options;
  const host = options.host ?? '127.0.0.1';
  const graphqlPathSet = new Set(graphqlPaths);
  const logger = options.logger ?? createLogger(name);
  let stopping = false;

  await apollo.start();

  const handleGraphQL = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    anrop: Anrop,
  ) => {
    let body: unknown;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(
            res,
            413,
            graphqlErrorBody(
              `Förfrågan är för stor (högst ${maxBodyBytes} byte).`,
              'PAYLOAD_TOO_LARGE',
            ),
          );
          return;
        }
        throw error;
      }
      const type = req.headers['content-type'] ?? '';
      if (type.includes('json')) {
        try {
          body = text.length > 0 ? JSON.parse(text) : {};
        } catch {
          sendJson(res, 400, graphqlErrorBody('Förfrågan är inte giltig JSON.', 'BAD_REQUEST'));
          return;
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let contextValue: TContext | undefined;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        contextValue = await context(req, res, anrop);
        return contextValue;
      },
    });
    if (contextValue !== undefined && options.foreSvar) {
      try {
        await options.foreSvar(contextValue);
      } catch (error) {
        logger.error({ err: error, requestId: anrop.requestId }, 'answer withheld');
        sendJson(
          res,
          503,
          graphqlErrorBody(
            'Svaret kunde inte lämnas ut: läsningen kunde inte skrivas i granskningsloggen.',
            'GRANSKNING_MISSLYCKADES',
          ),
        );
        return;
      }
    }
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    const anrop: Anrop = { requestId, principal: undefined };
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(url.pathname, graphqlPathSet);
      httpRequests.inc({ service: name, route, status: String(res.statusCode) });
      httpDuration.observe({ service: name, route }, seconds);
      if (route === 'health' || route === 'metrics') return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    });
    const handle = async () => {
      if (url.pathname === '/health/live' && req.method === 'GET') {
        // Liveness: the process answers. Readiness (below) also asks its dependencies.
        sendJson(res, stopping ? 503 : 200, { ok: !stopping, service: name });
        return;
      }
      if (
        (url.pathname === '/health' || url.pathname === '/health/ready') &&
        req.method === 'GET'
      ) {
        if (stopping) {
          sendJson(res, 503, { ok: false, service: name, status: 'stopping' });
          return;
        }
        try {
          const report = health ? await health() : { ok: true };
          sendJson(res, report.ok ? 200 : 503, { service: name, ...report });
        } catch (error) {
          sendJson(res, 503, { ok: false, service: name, error: String(error) });
        }
        return;
      }
      if (url.pathname === '/metrics' && req.method === 'GET') {
        const text = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
        return;
      }
      for (const route of options.publicRoutes ?? []) {
        if (await route(req, res, url, anrop)) return;
      }
      const isGraphQL = graphqlPathSet.has(url.pathname);
      const guarded = async (): Promise<boolean> => {
        if (!options.authenticate) return true;
        try {
          anrop.principal = await options.authenticate(req);
          return true;
        } catch (error) {
          res.setHeader('www-authenticate', 'Bearer');
          const message = error instanceof Error ? error.message : 'Inloggning krävs.';
          // GraphQL clients read GraphQL's error list; the REST routes answer { fel }.
          sendJson(
            res,
            401,
            isGraphQL ? graphqlErrorBody(message, 'UNAUTHENTICATED') : { fel: message },
          );
          return false;
        }
      };
      if ((options.protect ?? 'all') === 'all' && !(await guarded())) return;
      for (const route of routes) {
        if (await route(req, res, url, anrop)) return;
      }
      if (isGraphQL) {
        if (options.protect === 'graphql' && !(await guarded())) return;
        await handleGraphQL(req, res, url, anrop);
        return;
      }
      sendJson(res, 404, { fel: `Ingen resurs på ${url.pathname}` });
    };
    handle().catch((error: unknown) => {
      if (error instanceof ClientGoneError) {
        logger.info({ requestId }, 'client left before its request was read');
        return;
      }
      logger.error({ requestId, err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { fel: 'Internt fel' });
      else res.end();
    });
  });
  // Keep-alive from the gateway's pool must outlive the pool's idle timeout on the other side.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  server.listen(options.port, host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // In-flight requests get a moment to finish; then the rest are cut.
      const force = setTimeout(() => server.closeAllConnections(), 5_000);
      force.unref();
      await closed;
      clearTimeout(force);
      await apollo.stop();
      await onStop?.();
    })();
    return stopped;
  };

  return { name, logger, port, url, server, stop };
}

/**
 * Stops the service on SIGTERM/SIGINT and exits; a second signal exits at once.
 */
export function stopOnSignals(service: Pick<RunningService, 'name' | 'stop' | 'logger'>): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    service.logger.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        service.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
