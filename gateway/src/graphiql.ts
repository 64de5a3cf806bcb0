import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteHandler } from '@lagesbild/http-kit';

export const GRAPHIQL_PATH = '/graphiql';

/** The saved example operations, one GraphiQL tab each, in file-name order. */
export async function loadExamples(dir: string): Promise<{ name: string; query: string }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (f) => ({
      name: f.replace(/\.graphql$/, ''),
      query: await readFile(join(dir, f), 'utf8'),
    })),
  );
}

/**
 * GraphiQL as one self-contained page (no CDN: the council's network may have no
 * internet), rendered and compressed once, on the first request for it; ≈9 MB raw, a
 * fraction gzipped. Loaded then too: its module's source alone holds ≈30 MB of the
 * gateway's heap for as long as the process lives, which a gateway whose GraphiQL nobody
 * opens (production, a benchmark) should not carry. The examples are read at start, so
 * a missing folder still fails the start.
 */
export async function graphiqlRoute(options: {
  examplesDir: string;
  endpoint: string;
  /** Default request headers in GraphiQL (a development token). */
  headers?: Record<string, string>;
}): Promise<RouteHandler> {
  const examples = await loadExamples(options.examplesDir);
  let page: Promise<{ raw: Buffer; gzipped: Buffer }> | undefined;
  const render = async () => {
    const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
    const html = renderGraphiQL({
      title: 'Lägesbild – GraphiQL',
      endpoint: options.endpoint,
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultQuery: examples[0]?.query ?? '',
      ...(options.headers && Object.keys(options.headers).length > 0
        ? {
            defaultHeaders: JSON.stringify(options.headers, null, 2),
            headers: JSON.stringify(options.headers, null, 2),
          }
        : {}),
    } as Parameters<typeof renderGraphiQL>[0]);
    const raw = Buffer.from(html, 'utf8');
    return { raw, gzipped: gzipSync(raw) };
  };
  return async (req, res, url) => {
    if (url.pathname !== GRAPHIQL_PATH || req.method !== 'GET') return false;
    page ??= render();
    const { raw, gzipped } = await page;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipped : raw;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
    return true;
  };
}
