import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config';
import { dashboardRoute, medGraphiql } from './dashboard';
import { loadExposure } from './limits';
import { startGateway } from './server';

function serve(distDir: string): Promise<{ server: Server; url: string }> {
  return serveRoute(dashboardRoute({ distDir }));
}

async function serveRoute(
  route: ReturnType<typeof dashboardRoute>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void Promise.resolve(route(req, res, url)).then((handled) => {
      if (!handled) {
        res.writeHead(418);
        res.end('not mine');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the dashboard route', () => {
  let dir: string;
  let built: { server: Server; url: string };
  let missing: { server: Server; url: string };
  const script = `console.log(${JSON.stringify('å'.repeat(2000))});`;
  const ikon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"></svg>';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagesbild-dist-'));
    await mkdir(join(dir, 'dist/assets'), { recursive: true });
    await writeFile(join(dir, 'dist/index.html'), '<!doctype html><title>Lägesbild</title>');
    await writeFile(join(dir, 'dist/assets/index-abc123.js'), script);
    await writeFile(join(dir, 'dist/favicon.svg'), ikon);
    await writeFile(join(dir, 'secret.txt'), 'outside dist');
    built = await serve(join(dir, 'dist'));
    missing = await serve(join(dir, 'no-such-dist'));
  });

  afterAll(async () => {
    built.server.close();
    missing.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page at /dashboard, /dashboard/ and, for a browser, at /', async () => {
    for (const [path, headers] of [
      ['/dashboard', {}],
      ['/dashboard/', {}],
      ['/', { accept: 'text/html,application/xhtml+xml' }],
    ] as const) {
      const response = await fetch(`${built.url}${path}`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe('<!doctype html><title>Lägesbild</title>');
    }
  });

  it('leaves / to GraphQL for clients that are not browsers', async () => {
    expect((await fetch(`${built.url}/`)).status).toBe(418);
    const get = await fetch(`${built.url}/?query=%7B__typename%7D`, {
      headers: { accept: 'text/html' },
    });
    expect(get.status).toBe(418);
    expect((await fetch(`${built.url}/dashboard`, { method: 'POST' })).status).toBe(418);
  });

  it('serves hashed assets with their type, a long cache, gzip and revalidation', async () => {
    const url = `${built.url}/dashboard/assets/index-abc123.js`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(script);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it("serves the page's icon where the page links it and at /favicon.ico", async () => {
    for (const path of ['/dashboard/favicon.svg', '/favicon.ico']) {
      const response = await fetch(`${built.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toBe(ikon);
    }
    // Without a build there is no icon to give: / and its neighbours stay GraphQL's.
    expect((await fetch(`${missing.url}/favicon.ico`)).status).toBe(418);
  });

  it('answers 404 for unknown files and never reads outside dist/', async () => {
    expect((await fetch(`${built.url}/dashboard/assets/nope.js`)).status).toBe(404);
    for (const path of ['/dashboard/..%2Fsecret.txt', '/dashboard/%2e%2e/secret.txt']) {
      // (fetch itself folds %2e%2e away, so that one never reaches the route: 418 here.)
      const response = await fetch(`${built.url}${path}`);
      expect([404, 418]).toContain(response.status);
      expect(await response.text()).not.toContain('outside dist');
    }
  });

  it('answers 503 in Swedish, saying how to build, when there is no build', async () => {
    const response = await fetch(`${missing.url}/dashboard`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('Instrumentpanelen är inte byggd');
    expect(text).toContain('pnpm build:dashboard');
    expect((await fetch(`${missing.url}/dashboard/assets/index.js`)).status).toBe(503);
  });
});

describe('the GraphiQL link on the page the gateway serves', () => {
  let dir: string;
  const page = '<!doctype html><html><head><title>Lägesbild</title></head><body></body></html>';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagesbild-gateway-dist-'));
    await writeFile(join(dir, 'index.html'), page);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The dashboard page and the not-built page of a real gateway in the given mode. */
  async function servedIn(production: boolean) {
    const gateway = await startGateway(
      loadGatewayConfig({
        port: 0,
        dashboardDir: dir,
        exposure: loadExposure(production ? { GATEWAY_PRODUCTION: 'true' } : {}),
      }),
    );
    try {
      const sida = await (await fetch(`${gateway.url}/dashboard`)).text();
      const graphiql = (await fetch(`${gateway.url}/graphiql`)).status;
      return { sida, graphiql };
    } finally {
      await gateway.stop();
    }
  }

  it('in development GraphiQL is served and the page says where', async () => {
    const { sida, graphiql } = await servedIn(false);
    expect(graphiql).toBe(200);
    expect(sida).toBe(
      '<!doctype html><html><head><title>Lägesbild</title><meta name="lagesbild-graphiql" content="/graphiql"></head><body></body></html>',
    );
  });

  it('in production mode there is no GraphiQL and the page names none', async () => {
    const { sida, graphiql } = await servedIn(true);
    expect(graphiql).not.toBe(200);
    expect(sida).toBe(page);
    expect(sida).not.toContain('graphiql');
  });

  it('the not-built page links GraphiQL only when it is served', async () => {
    const route = (graphiql: string | null) =>
      dashboardRoute({ distDir: join(dir, 'saknas'), graphiql });
    for (const [graphiql, link] of [
      ['/graphiql', true],
      [null, false],
    ] as const) {
      const { server, url } = await serveRoute(route(graphiql));
      try {
        const text = await (await fetch(`${url}/dashboard`)).text();
        expect(text.includes('href="/graphiql"')).toBe(link);
      } finally {
        server.close();
      }
    }
  });

  it('puts the meta element in the head, or at the start of a page without one', () => {
    expect(medGraphiql('<!doctype html><title>x</title>', '/graphiql')).toBe(
      '<!doctype html><meta name="lagesbild-graphiql" content="/graphiql"><title>x</title>',
    );
  });
});
