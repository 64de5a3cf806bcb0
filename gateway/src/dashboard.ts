import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteHandler } from '@lagesbild/http-kit';

/** Content types for what a Vite build emits; anything else is served as bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

export const DASHBOARD_PATH = '/dashboard';

/**
 * The page's icon, as the build emits it (dashboard/public/favicon.svg → dist/favicon.svg).
 * The page links it; a browser that asks the root for /favicon.ico (GraphiQL, a bookmark,
 * a page without a link) gets the same icon there, not a 404.
 */
export const FAVICON = 'favicon.svg';
const FAVICON_ICO = '/favicon.ico';

interface CachedFile {
  mtimeMs: number;
  size: number;
  raw: Buffer;
  gzipped: Buffer | null;
  etag: string;
}

/**
 * The page's meta element that tells the dashboard where GraphiQL is. The gateway adds it
 * only when it serves GraphiQL, so the page links to it only then: in production mode
 * GraphiQL is off unless configured on, and the council must not meet a dead link.
 */
export const GRAPHIQL_META = 'lagesbild-graphiql';

function graphiqlMeta(path: string): string {
  return `<meta name="${GRAPHIQL_META}" content="${path}">`;
}

/** The page with the meta element in its head (or at its start, for a page without one). */
export function medGraphiql(html: string, path: string): string {
  const meta = graphiqlMeta(path);
  if (/<\/head>/i.test(html)) return html.replace(/<\/head>/i, `${meta}</head>`);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? `${doctype[0]}${meta}${html.slice(doctype[0].length)}` : `${meta}${html}`;
}

const notBuilt = (graphiql: string | null) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Lägesbild – instrumentpanelen saknas</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Instrumentpanelen är inte byggd</h1>
<p>Gatewayen hittar ingen byggd instrumentpanel i <code>dashboard/dist</code>.</p>
<p>Bygg den med <code>pnpm build:dashboard</code> i projektets rotmapp och ladda om sidan,
eller starta om med <code>pnpm start</code>, som bygger den själv när den saknas.</p>
${graphiql ? `<p>GraphQL fungerar under tiden: <a href="${graphiql}">GraphiQL</a>.</p>\n` : ''}</body></html>
`;

/**
 * The built dashboard (dashboard/dist) as static files under /dashboard/, and its page at
 * /dashboard and, for a browser, at /. Vite's hashed assets are cached for a year; the page
 * itself is revalidated every time so a rebuild is seen at the next load. Files are read
 * when they change (mtime and size), compressed once, and kept in memory: the build is
 * small and the gateway's own work is GraphQL.
 */
export function dashboardRoute(options: {
  distDir: string;
  /** GraphiQL's path when the gateway serves it; null or absent: the page does not link it. */
  graphiql?: string | null;
}): RouteHandler {
  const distDir = resolve(options.distDir);
  const graphiql = options.graphiql ?? null;
  const indexPath = join(distDir, 'index.html');
  const NOT_BUILT = notBuilt(graphiql);
  const cache = new Map<string, CachedFile>();

  const load = async (path: string): Promise<CachedFile | null> => {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const read = await readFile(path);
    const raw =
      graphiql && path === indexPath
        ? Buffer.from(medGraphiql(read.toString('utf8'), graphiql), 'utf8')
        : read;
    const file: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      raw,
      gzipped: COMPRESSIBLE.has(extname(path)) && raw.length > 1024 ? gzipSync(raw) : null,
      etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`,
    };
    cache.set(path, file);
    return file;
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    file: CachedFile,
    path: string,
    cacheControl: string,
  ) => {
    const common = {
      etag: file.etag,
      'cache-control': cacheControl,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    const gzip =
      file.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip && file.gzipped ? file.gzipped : file.raw;
    res.writeHead(200, {
      ...common,
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const sendPage = async (req: IncomingMessage, res: ServerResponse) => {
    const index = indexPath;
    const file = await load(index);
    if (!file) {
      res.writeHead(503, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': '10',
      });
      res.end(req.method === 'HEAD' ? undefined : NOT_BUILT);
      return;
    }
    send(req, res, file, index, 'no-cache');
  };

  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const { pathname } = url;

    // A browser opening the gateway's root gets the dashboard; GraphQL GETs and other
    // clients at / still reach GraphQL.
    if (pathname === '/') {
      const wantsHtml = String(req.headers.accept ?? '').includes('text/html');
      if (!wantsHtml || url.searchParams.has('query')) return false;
      await sendPage(req, res);
      return true;
    }
    if (pathname === FAVICON_ICO) {
      const path = join(distDir, FAVICON);
      const file = await load(path);
      if (!file) return false;
      send(req, res, file, path, 'public, max-age=86400');
      return true;
    }
    if (pathname === DASHBOARD_PATH || pathname === `${DASHBOARD_PATH}/`) {
      await sendPage(req, res);
      return true;
    }
    if (!pathname.startsWith(`${DASHBOARD_PATH}/`)) return false;

    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(DASHBOARD_PATH.length + 1));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Ogiltig sökväg.');
      return true;
    }
    const path = resolve(distDir, relative);
    // Nothing outside dist/ (../, absolute paths, NUL) is ever read.
    const file =
      path.startsWith(distDir + sep) && !relative.includes('\0') ? await load(path) : null;
    if (!file) {
      const built = await stat(join(distDir, 'index.html')).catch(() => null);
      if (!built) {
        await sendPage(req, res);
        return true;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Ingen fil ${pathname} i instrumentpanelen.`);
      return true;
    }
    // Vite names what it emits under assets/ by content hash: such a URL never changes meaning.
    const hashed = relative.startsWith('assets/');
    send(req, res, file, path, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    return true;
  };
}
