/**
 * A recording pass-through in front of each subgraph: the gateway is pointed at it for
 * one request per query, so the benchmark knows exactly which requests (and answers) each
 * subgraph gets for its section — the candidates for the floor.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { freePort, HOST } from './procs';

export interface SubgraphFetch {
  subgraph: string;
  url: string;
  /** The request body exactly as the gateway sent it. */
  body: string;
  /** The subgraph's answer, parsed. */
  response: unknown;
}

export interface Recorder {
  /** Where the gateway should send each subgraph's requests. */
  urls: Record<string, string>;
  /** Fetches seen since the last take(). */
  take(): SubgraphFetch[];
  close(): Promise<void>;
}

export async function startRecorder(targets: Record<string, string>): Promise<Recorder> {
  let seen: SubgraphFetch[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, url] of Object.entries(targets)) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          // The gateway forwards the caller's token; the subgraph refuses a request without it.
          const { authorization } = req.headers;
          const upstream = await fetch(url, {
            method: req.method ?? 'POST',
            headers: {
              'content-type': 'application/json',
              ...(authorization ? { authorization } : {}),
            },
            body: req.method === 'POST' ? body : undefined,
          });
          const text = await upstream.text();
          if (req.method === 'POST') {
            seen.push({ subgraph, url, body, response: JSON.parse(text) });
          }
          res.writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/json',
          });
          res.end(text);
        } catch (error) {
          res.writeHead(502);
          res.end(String(error));
        }
      });
    });
    const port = await freePort();
    server.listen(port, HOST);
    await once(server, 'listening');
    servers.push(server);
    urls[subgraph] = `http://${HOST}:${port}/graphql`;
  }
  return {
    urls,
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    async close() {
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
    },
  };
}
