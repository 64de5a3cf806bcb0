import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KallaOtillganglig } from './plugins/saknade-kallor';
import { Klient, KlientBorta, type SubgraphAnswer, SubgraphClient } from './subgraph-fetch';

/**
 * The subgraph client against a small HTTP server that records each request's body and
 * answers as Apollo Server does: an operation `{ op: n }` gets `{ data: { n } }`, an array
 * of them an array in the same order.
 */
interface Seen {
  body: unknown;
  authorization: string | undefined;
}

type Mode = 'answer' | 'refuse-batches' | 'server-error' | 'hang';

let mode: Mode = 'answer';
const seen: Seen[] = [];
let server: Server;
let url: string;

function answer(req: IncomingMessage, res: ServerResponse, text: string): void {
  const body: unknown = JSON.parse(text);
  seen.push({ body, authorization: req.headers.authorization });
  if (mode === 'hang') return;
  if (mode === 'server-error') {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"errors":[{"message":"boom"}]}');
    return;
  }
  if (Array.isArray(body) && mode === 'refuse-batches') {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end('{"errors":[{"message":"Operation batching disabled."}]}');
    return;
  }
  const one = (op: unknown) => ({ data: { n: (op as { op: number }).op } });
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(Array.isArray(body) ? body.map(one) : one(body)));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on('end', () => answer(req, res, text));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}/graphql`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const client = (options: { batchMax?: number; tidsgransMs?: number } = {}) =>
  new SubgraphClient({
    kalla: 'polis',
    url,
    tidsgransMs: options.tidsgransMs ?? 5000,
    connections: 4,
    dedupe: true,
    batchMax: options.batchMax,
  });

const op = (n: number) => JSON.stringify({ op: n });
const caller = (token: string, requestId = token) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
  'x-request-id': requestId,
});
const result = (a: SubgraphAnswer) => (a.batched ? a.batched.result : JSON.parse(a.text));

async function fresh(m: Mode = 'answer'): Promise<void> {
  mode = m;
  seen.length = 0;
}

describe('subgraph request batching', () => {
  it("sends one caller's operations of one turn as one request, each its own answer", async () => {
    await fresh();
    const c = client();
    const h = caller('a');
    const answers = await Promise.all(
      [1, 2, 3].map((n) => c.fetch(op(n), h, undefined, undefined)),
    );
    expect(answers.map(result)).toEqual([1, 2, 3].map((n) => ({ data: { n } })));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toEqual([{ op: 1 }, { op: 2 }, { op: 3 }]);
    expect(answers[0]?.cacheControl).toBe('no-store');
    await c.close();
  });

  it('sends a batch of one as a plain request', async () => {
    await fresh();
    const c = client();
    const a = await c.fetch(op(7), caller('a'), undefined, undefined);
    expect(result(a)).toEqual({ data: { n: 7 } });
    expect(a.batched).toBeUndefined();
    expect(seen.map((s) => s.body)).toEqual([{ op: 7 }]);
    await c.close();
  });

  it('never puts two callers in one request', async () => {
    await fresh();
    const c = client();
    await Promise.all([
      c.fetch(op(1), caller('a'), undefined, undefined),
      c.fetch(op(2), caller('b'), undefined, undefined),
      c.fetch(op(3), caller('a'), undefined, undefined),
      c.fetch(op(4), caller('a', 'another request'), undefined, undefined),
    ]);
    const byToken = seen.map((s) => [s.authorization, s.body]);
    expect(byToken).toHaveLength(3);
    expect(byToken).toContainEqual(['Bearer a', [{ op: 1 }, { op: 3 }]]);
    expect(byToken).toContainEqual(['Bearer b', { op: 2 }]);
    expect(byToken).toContainEqual(['Bearer a', { op: 4 }]);
    await c.close();
  });

  it('keeps a batch within its bound', async () => {
    await fresh();
    const c = client({ batchMax: 2 });
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => c.fetch(op(n), caller('a'), undefined, undefined)),
    );
    expect(answers.map(result)).toEqual([1, 2, 3, 4, 5].map((n) => ({ data: { n } })));
    expect(seen.map((s) => s.body)).toEqual([
      [{ op: 1 }, { op: 2 }],
      [{ op: 3 }, { op: 4 }],
      { op: 5 },
    ]);
    await c.close();
  });

  it('shares an identical read, within a batch, with each caller its own copy', async () => {
    await fresh();
    const c = client();
    const h = caller('a');
    const [a, b, other] = await Promise.all([
      c.fetch(op(1), h, 'k1', undefined),
      c.fetch(op(1), h, 'k1', undefined),
      c.fetch(op(2), h, 'k2', undefined),
    ]);
    expect(seen.map((s) => s.body)).toEqual([[{ op: 1 }, { op: 2 }]]);
    expect(result(a as SubgraphAnswer)).toEqual({ data: { n: 1 } });
    expect(result(b as SubgraphAnswer)).toEqual({ data: { n: 1 } });
    expect(result(a as SubgraphAnswer)).not.toBe(result(b as SubgraphAnswer));
    expect(result(other as SubgraphAnswer)).toEqual({ data: { n: 2 } });
    await c.close();
  });

  it('sends an operation that may not be batched on its own', async () => {
    await fresh();
    const c = client();
    const h = caller('a');
    await Promise.all([
      c.fetch(op(1), h, undefined, undefined, false),
      c.fetch(op(1), h, undefined, undefined, false),
      c.fetch(op(2), h, undefined, undefined),
    ]);
    expect(seen.map((s) => s.body)).toEqual([{ op: 1 }, { op: 1 }, { op: 2 }]);
    await c.close();
  });

  it('sends each operation alone again when the subgraph refuses batches', async () => {
    await fresh('refuse-batches');
    const c = client();
    const h = caller('a');
    const answers = await Promise.all([1, 2].map((n) => c.fetch(op(n), h, undefined, undefined)));
    expect(answers.map(result)).toEqual([{ data: { n: 1 } }, { data: { n: 2 } }]);
    expect(seen.map((s) => s.body)).toEqual([[{ op: 1 }, { op: 2 }], { op: 1 }, { op: 2 }]);
    // Remembered: the next turn's operations go alone at once.
    seen.length = 0;
    await Promise.all([3, 4].map((n) => c.fetch(op(n), h, undefined, undefined)));
    expect(seen.map((s) => s.body)).toEqual([{ op: 3 }, { op: 4 }]);
    await c.close();
  });

  it("gives every operation of a failed batch the server's answer", async () => {
    await fresh('server-error');
    const c = client();
    const answers = await Promise.all(
      [1, 2].map((n) => c.fetch(op(n), caller('a'), undefined, undefined)),
    );
    expect(seen).toHaveLength(1);
    expect(answers.map((a) => a.status)).toEqual([500, 500]);
    await c.close();
  });

  it('names the source for every operation of a batch that timed out', async () => {
    await fresh('hang');
    const c = client({ tidsgransMs: 200 });
    const answers = await Promise.allSettled(
      [1, 2].map((n) => c.fetch(op(n), caller('a'), undefined, undefined)),
    );
    expect(seen).toHaveLength(1);
    for (const a of answers) {
      expect(a.status).toBe('rejected');
      const reason = (a as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(KallaOtillganglig);
      expect(reason).toMatchObject({ kalla: 'polis', orsak: 'TIDSGRANS' });
    }
    await c.close();
  });

  it('drops a batch only when every operation in it has lost its callers', async () => {
    await fresh('hang');
    const c = client();
    const connection = Object.assign(new EventEmitter(), { writableFinished: false });
    const gone = new Klient(connection as unknown as ServerResponse);
    const h = caller('a');
    const leaving = c.fetch(op(1), h, 'k1', gone);
    const kept = c.fetch(op(2), h, 'k2', new Klient());
    await expect.poll(() => seen.length).toBe(1);
    // One operation's caller leaves: the other still waits, so the request is not dropped
    // (dropped, `kept` would end as KlientBorta); the subgraph going away ends it instead.
    connection.emit('close');
    await expect(leaving).rejects.toBeInstanceOf(KlientBorta);
    server.closeAllConnections();
    await expect(kept).rejects.toMatchObject({ kalla: 'polis', orsak: 'ONABAR' });
    await c.close();
  });
});
