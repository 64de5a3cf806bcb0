import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';

/** A plain route beside GraphQL: return true when it answered the request. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
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
  /** Builds the per-request context; called once per GraphQL request. */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Paths that answer GraphQL. */
  graphqlPaths?: readonly string[];
  /** Extra routes tried, in order, before GraphQL. */
  routes?: readonly RouteHandler[];
  /** Liveness and readiness detail for GET /health; throws or ok:false → 503. */
  health?: () => Promise<HealthReport>;
  /** Released after the HTTP server and Apollo have stopped (database pools, watchers). */
  onStop?: () => Promise<void>;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export interface RunningService {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  readonly server: Server;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
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
  let stopping = false;

  await apollo.start();

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
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
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => context(req),
    });
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
    const handle = async () => {
      if (url.pathname === '/health' && req.method === 'GET') {
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
      for (const route of routes) {
        if (await route(req, res, url)) return;
      }
      if (graphqlPathSet.has(url.pathname)) {
        await handleGraphQL(req, res, url);
        return;
      }
      sendJson(res, 404, { error: `Ingen resurs på ${url.pathname}` });
    };
    handle().catch((error: unknown) => {
      console.error(`[${name}] request failed`, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'Internt fel' });
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

  return { name, port, url, server, stop };
}

/**
 * Stops the service on SIGTERM/SIGINT and exits; a second signal exits at once.
 */
export function stopOnSignals(service: Pick<RunningService, 'name' | 'stop'>): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    console.error(`[${service.name}] ${signal}: shutting down`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[${service.name}] shutdown failed`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
