import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsPlugin, operationLabel } from './metrics';
import {
  BodyTooLargeError,
  ClientGoneError,
  type HealthReport,
  type RouteHandler,
  type RunningService,
  readRequestBody,
  type ServiceOptions,
  sendJson,
  startService,
} from './service';

/**
 * The HTTP shell every service shares, from outside: what a probe, a Prometheus scraper, a
 * GraphQL client and a REST caller get back. Each test starts its own small service on a
 * free port on 127.0.0.1.
 */

const typeDefs = `type Query { hej(namn: String): String, trasig: String }`;
const resolvers = {
  Query: {
    hej: (_: unknown, { namn }: { namn?: string }) => `Hej ${namn ?? 'du'}`,
    trasig: () => {
      throw new GraphQLError('Något gick sönder', { extensions: { code: 'TRASIG' } });
    },
  },
};
const tyst = pino({ level: 'silent' });
const running: RunningService[] = [];

async function tjanst(
  overrides: Partial<ServiceOptions<Record<string, never>>> = {},
): Promise<RunningService> {
  const name = overrides.name ?? 'testtjanst';
  const service = await startService({
    name,
    port: 0,
    apollo: new ApolloServer({ typeDefs, resolvers, plugins: [metricsPlugin(name)] }),
    context: async () => ({}),
    logger: tyst,
    ...overrides,
  });
  running.push(service);
  return service;
}

const gql = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

afterAll(async () => {
  for (const s of running) await s.stop();
});

describe('GraphQL over the shell', () => {
  let s: RunningService;
  beforeAll(async () => {
    s = await tjanst({ maxBodyBytes: 200 });
  });

  it('answers a query', async () => {
    const res = await gql(s.url, JSON.stringify({ query: '{ hej(namn: "Norrmalm") }' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { hej: 'Hej Norrmalm' } });
  });

  it('refuses a body over the limit with 413, in GraphQL’s error shape', async () => {
    const res = await gql(s.url, JSON.stringify({ query: `{ hej(namn: "${'x'.repeat(300)}") }` }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'Förfrågan är för stor (högst 200 byte).',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await gql(s.url, '{"query": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: 'Förfrågan är inte giltig JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers an unknown path with 404, naming it', async () => {
    const res = await fetch(`${s.url}/finns-inte`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ fel: 'Ingen resurs på /finns-inte' });
  });
});

describe('the request id on the answer', () => {
  it('echoes a UUID the caller sent, lower-cased, and makes one otherwise', async () => {
    const s = await tjanst();
    const given = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    const med = await fetch(`${s.url}/health/live`, { headers: { 'x-request-id': given } });
    expect(med.headers.get('x-request-id')).toBe(given.toLowerCase());
    const utan = await fetch(`${s.url}/health/live`, { headers: { 'x-request-id': 'mitt-id' } });
    expect(utan.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const igen = await fetch(`${s.url}/health/live`);
    expect(igen.headers.get('x-request-id')).not.toBe(utan.headers.get('x-request-id'));
  });
});

describe('health', () => {
  it('liveness answers without asking the dependencies', async () => {
    let fragad = 0;
    const s = await tjanst({
      health: async () => {
        fragad += 1;
        throw new Error('databasen svarar inte');
      },
    });
    const res = await fetch(`${s.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: 'testtjanst' });
    expect(fragad).toBe(0);
  });

  it('readiness is 200 with the report when ok, 503 when not or when the check throws', async () => {
    let report: HealthReport | Error = { ok: true, databas: 'ok' };
    const s = await tjanst({
      health: async () => {
        if (report instanceof Error) throw report;
        return report;
      },
    });
    for (const path of ['/health', '/health/ready']) {
      report = { ok: true, databas: 'ok' };
      let res = await fetch(`${s.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ service: 'testtjanst', ok: true, databas: 'ok' });
      report = { ok: false, databas: 'låst' };
      res = await fetch(`${s.url}${path}`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ service: 'testtjanst', ok: false, databas: 'låst' });
      report = new Error('databasen svarar inte');
      res = await fetch(`${s.url}${path}`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        ok: false,
        service: 'testtjanst',
        error: 'Error: databasen svarar inte',
      });
    }
  });

  it('without a check, readiness is ok', async () => {
    const s = await tjanst();
    const res = await fetch(`${s.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: 'testtjanst', ok: true });
  });
});

describe('routes beside GraphQL', () => {
  const svarar =
    (path: string, status = 200): RouteHandler =>
    (_req, res, url) => {
      if (url.pathname !== path) return false;
      sendJson(res, status, { vag: path });
      return true;
    };

  it('are tried in order; a route that does not answer passes the request on', async () => {
    const forsta: string[] = [];
    const s = await tjanst({
      routes: [
        (_req, _res, url) => {
          forsta.push(url.pathname);
          return false;
        },
        svarar('/a'),
        svarar('/a', 418),
      ],
    });
    const res = await fetch(`${s.url}/a`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ vag: '/a' });
    expect(forsta).toEqual(['/a']);
  });

  it('a route that fails answers 500 without its error, and the service keeps serving', async () => {
    const s = await tjanst({
      routes: [
        (_req, _res, url) => {
          if (url.pathname === '/fel') throw new Error('hemlig detalj');
          return false;
        },
      ],
    });
    const res = await fetch(`${s.url}/fel`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ fel: 'Internt fel' });
    expect((await fetch(`${s.url}/health/live`)).status).toBe(200);
  });
});

describe('authentication', () => {
  const authenticate = async (req: IncomingMessage) => {
    if (req.headers.authorization !== 'Bearer ratt') throw new Error('Inloggning krävs här.');
    return { vem: 'test' };
  };
  const routes = [
    ((_req, res, url) => {
      if (url.pathname !== '/rest') return false;
      sendJson(res, 200, { ok: true });
      return true;
    }) satisfies RouteHandler,
  ];
  const publicRoutes = [
    ((_req, res, url) => {
      if (url.pathname !== '/oppen') return false;
      sendJson(res, 200, { oppen: true });
      return true;
    }) satisfies RouteHandler,
  ];

  it("protect 'all' (a subgraph): GraphQL and REST refuse with 401 in their own shape", async () => {
    const s = await tjanst({ authenticate, routes, publicRoutes });
    const g = await gql(s.url, JSON.stringify({ query: '{ hej }' }));
    expect(g.status).toBe(401);
    expect(g.headers.get('www-authenticate')).toBe('Bearer');
    expect(await g.json()).toEqual({
      errors: [{ message: 'Inloggning krävs här.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const r = await fetch(`${s.url}/rest`);
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ fel: 'Inloggning krävs här.' });
    // With the token both answer.
    const ok = await gql(s.url, JSON.stringify({ query: '{ hej }' }), {
      authorization: 'Bearer ratt',
    });
    expect(await ok.json()).toEqual({ data: { hej: 'Hej du' } });
    expect(
      (await fetch(`${s.url}/rest`, { headers: { authorization: 'Bearer ratt' } })).status,
    ).toBe(200);
  });

  it('health, metrics and the public routes stay open', async () => {
    const s = await tjanst({ authenticate, routes, publicRoutes });
    for (const path of ['/health', '/health/live', '/health/ready', '/metrics', '/oppen']) {
      expect((await fetch(`${s.url}${path}`)).status, path).toBe(200);
    }
  });

  it("protect 'graphql' (the gateway's pages): only GraphQL asks for a token", async () => {
    const s = await tjanst({ authenticate, routes, protect: 'graphql' });
    expect((await fetch(`${s.url}/rest`)).status).toBe(200);
    expect((await gql(s.url, JSON.stringify({ query: '{ hej }' }))).status).toBe(401);
  });
});

describe('metrics', () => {
  it('counts requests per route and status, and GraphQL errors per operation and code', async () => {
    // Its own name: the figures are the process's, shared by every service in it.
    const s = await tjanst({ name: 'matning' });
    await gql(s.url, JSON.stringify({ query: 'query Trasig { trasig }' }));
    await gql(s.url, JSON.stringify({ query: 'query Halsning { hej }' }));
    await fetch(`${s.url}/finns-inte/djupt/ner`);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const rad = (prefix: string) =>
      text
        .split('\n')
        .find((line) => line.startsWith(prefix))
        ?.split(' ')[1];
    expect(
      rad('lagesbild_graphql_errors_total{service="matning",operation="Trasig",code="TRASIG"}'),
    ).toBe('1');
    expect(
      rad(
        'lagesbild_graphql_operations_total{service="matning",operation="Halsning",outcome="ok"}',
      ),
    ).toBe('1');
    expect(
      rad('lagesbild_http_requests_total{service="matning",route="graphql",status="200"}'),
    ).toBe('2');
    // A path's first segment is its label; the rest does not make new series.
    expect(
      rad('lagesbild_http_requests_total{service="matning",route="/finns-inte",status="404"}'),
    ).toBe('1');
    expect(text).toContain('lagesbild_process_');
  });

  it('gives client-chosen operation names a bounded set of labels', () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('')).toBe('anonymous');
    expect(operationLabel('Lagesbild')).toBe('Lagesbild');
    for (const bad of ['1abc', 'med mellanslag', 'åäö', 'x'.repeat(101), 'a{b}']) {
      expect(operationLabel(bad), bad).toBe('other');
    }
    for (let i = 0; i < 300; i += 1) operationLabel(`Op${i}`);
    expect(operationLabel('Op299')).toBe('other');
    // A name seen before the cap keeps its series.
    expect(operationLabel('Lagesbild')).toBe('Lagesbild');
  });
});

describe('readRequestBody', () => {
  const req = (...chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c))) as never;

  it('reads a body up to and including the limit', async () => {
    expect((await readRequestBody(req('hej ', 'då'), 7)).toString()).toBe('hej då');
    expect((await readRequestBody(req(), 6)).length).toBe(0);
  });

  it('refuses one byte over, reading it to the end without keeping it', async () => {
    const stream = Readable.from([Buffer.alloc(5), Buffer.alloc(5), Buffer.alloc(1000)]);
    const error = await readRequestBody(stream as never, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error).toMatchObject({ limit: 10, message: 'Förfrågan är för stor (högst 10 byte).' });
    expect(stream.readableEnded).toBe(true);
  });

  it('counts bytes, not characters', async () => {
    await expect(readRequestBody(req('åäö'), 5)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect((await readRequestBody(req('åäö'), 6)).toString()).toBe('åäö');
  });
  it('gives ClientGoneError for a caller that left before reading began or during it', async () => {
    const gone = Readable.from([Buffer.from('hej')]);
    gone.destroy();
    await expect(readRequestBody(gone as never, 10)).rejects.toBeInstanceOf(ClientGoneError);
    const halfway = new Readable({ read() {} });
    const reading = readRequestBody(halfway as never, 10);
    halfway.push(Buffer.from('hej'));
    halfway.destroy();
    await expect(reading).rejects.toBeInstanceOf(ClientGoneError);
  });
});

describe('a caller that leaves before its body is read', () => {
  it('ends the request with a line in the log, not a hanging handler nor an error', async () => {
    const lines: { msg: string; level: number }[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    let closed!: () => void;
    const callerGone = new Promise<void>((resolve) => {
      closed = resolve;
    });
    // The token is verified while the caller hangs up: the body is read after it has gone.
    const authenticate = async (req: IncomingMessage) => {
      req.socket.once('close', closed);
      await callerGone;
      return { vem: 'test' };
    };
    const s = await tjanst({ authenticate, logger });
    const socket = connect(s.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
        'content-length: 100\r\n\r\n{"query":',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await expect
      .poll(() => lines.map((l) => l.msg))
      .toContain('client left before its request was read');
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
