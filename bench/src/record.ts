/**
 * A recording pass-through in front of each subgraph: the gateway is pointed at it for
 * one request per query, so the benchmark knows exactly which requests (and answers) each
 * subgraph gets for its section — the candidates for the floor.
 *
 * One entry per HTTP request: a batched request (a JSON array of operations, Apollo
 * Server's allowBatchedHttpRequests) is ONE request, kept as sent, its answer the array;
 * `operations` says how many it carried.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { freePort, HOST } from './procs';

export interface SubgraphFetch {
  subgraph: string;
  url: string;
  /** The request body exactly as the gateway sent it. */
  body: string;
  /** The subgraph's answer, parsed (an array for a batch). */
  response: unknown;
  /** GraphQL operations in the request: 1, or the length of a batch's array. */
  operations: number;
}

/** Request headers not passed on: the pass-through's own connection and body framing. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'upgrade',
]);

/** Operations in a GraphQL-over-HTTP body: a JSON array is a batch. */
export function operationsIn(body: string): number {
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 1;
  }
}

export interface Recorder {
  /** Where the gateway should send each subgraph's requests. */
  urls: Record<string, string>;
  /** Fetches seen since the last take(). */
  take(): SubgraphFetch[];
  /**
   * Resolves when no request is passing through: a request the gateway gave up on (its
   * subgraph timeout) still completes here later, and must not land in the next take().
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startRecorder(targets: Record<string, string>): Promise<Recorder> {
  let seen: SubgraphFetch[] = [];
  let passing = 0;
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, url] of Object.entries(targets)) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      passing++;
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          // Every header the gateway sent goes on (the caller's token — the subgraph refuses
          // a request without it — and whatever else the gateway asks with), and every
          // header of the answer comes back: the gateway sees the subgraph as it is.
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(req.headers)) {
            if (value === undefined || HOP_BY_HOP.has(name)) continue;
            headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          const upstream = await fetch(url, {
            method: req.method ?? 'POST',
            headers,
            body: req.method === 'POST' ? body : undefined,
          });
          const text = await upstream.text();
          if (req.method === 'POST') {
            seen.push({
              subgraph,
              url,
              body,
              response: JSON.parse(text),
              operations: operationsIn(body),
            });
          }
          const answer: Record<string, string> = {};
          upstream.headers.forEach((value, name) => {
            // fetch has decoded the body; its length and encoding are the pass-through's.
            if (
              ![
                'content-length',
                'content-encoding',
                'transfer-encoding',
                'connection',
                'keep-alive',
              ].includes(name)
            ) {
              answer[name] = value;
            }
          });
          res.writeHead(upstream.status, answer);
          res.end(text);
        } catch (error) {
          res.writeHead(502);
          res.end(String(error));
        } finally {
          passing--;
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
    async settled() {
      const deadline = Date.now() + 60_000;
      while (passing > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
    async close() {
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
    },
  };
}
