import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

const RADET = { 'x-lagesbild-roller': 'RADET' };

/**
 * One subgraph down or slow never blanks the council's picture (docs/architecture.md#the-rules): the gateway
 * answers with the other partners' sections, names the missing source in
 * `extensions.saknadeKallor`, and is whole again once the source is back.
 */
const QUERY = `{
  lagesbild(omrade: "norrmalm", period: "2016") {
    forvaltning { rapporteringsstatus }
    polis { rapporteringsstatus }
    skolor { rapporteringsstatus }
    klotter { rapporteringsstatus }
    miljoer { miljo forvaltning { incidenterAntal { visning } } }
  }
}`;

const PARTNERS = ['polis', 'skolor', 'klotter'] as const;
const TIMEOUT_MS = 1000;

interface Picture {
  lagesbild: Record<string, unknown> & { miljoer: unknown[] };
}

/** Accepts connections and never answers: a subgraph that hangs. */
async function stall(port: number): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

async function close(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  await closed;
}

describe('sources that do not answer, through the gateway', () => {
  let system: RunningSystem;
  let whole: Picture;

  beforeAll(async () => {
    system = await startSystem({ SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  const portOf = (name: string) => Number(new URL(system.subgraphUrls[name] ?? '').port);

  async function expectWhole(): Promise<void> {
    const { status, body } = await system.gql(QUERY, undefined, RADET);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.extensions).toBeUndefined();
    expect(body.data).toEqual(whole);
  }

  function expectMissing(body: GraphQLBody, name: string, message: string): void {
    expect(body.extensions?.saknadeKallor).toEqual([name]);
    expect(body.errors).toEqual([
      {
        message,
        path: ['lagesbild', name],
        extensions: expect.objectContaining({
          code: 'SUBGRAPH_UNAVAILABLE',
          kalla: name,
          serviceName: name,
        }),
      },
    ]);
    // The other sections keep their values; only the missing one is null.
    const data = body.data as unknown as Picture;
    expect(data.lagesbild).toEqual({ ...whole.lagesbild, [name]: null });
  }

  it('is whole while every source answers', async () => {
    const { body } = await system.gql(QUERY, undefined, RADET);
    expect(body.errors).toBeUndefined();
    expect(body.extensions).toBeUndefined();
    whole = body.data as unknown as Picture;
    // The seed's 2016: every partner has a section; förvaltning's three IA incidents, which
    // the council reads as the number.
    expect(whole.lagesbild).toMatchObject({
      forvaltning: { rapporteringsstatus: 'RAPPORTERAT' },
      polis: { rapporteringsstatus: expect.any(String) },
      skolor: { rapporteringsstatus: expect.any(String) },
      klotter: { rapporteringsstatus: expect.any(String) },
    });
    expect(whole.lagesbild.miljoer).toContainEqual({
      miljo: 'VIT_MAKT',
      forvaltning: { incidenterAntal: { visning: '3' } },
    });
    // A reader not cleared for some partners: refused, which is no outage — nothing is
    // named missing.
    const polis = await system.gql(QUERY, undefined, { 'x-lagesbild-roller': 'POLIS' });
    expect(polis.body.extensions?.saknadeKallor).toBeUndefined();
    expect(new Set(polis.body.errors?.map((e) => e.extensions?.code))).toEqual(
      new Set(['FORBIDDEN']),
    );
    expect((polis.body.data as unknown as Picture).lagesbild.polis).not.toBeNull();
  });

  for (const name of PARTNERS) {
    it(`names ${name} missing when it is stopped or stalls, and is whole when it is back`, async () => {
      await system.stopSubgraph(name);
      const down = await system.gql(QUERY, undefined, RADET);
      expect(down.status).toBe(200);
      expectMissing(down.body, name, `Källan ${name} går inte att nå just nu.`);

      // Same URL, a process that accepts the connection and never answers.
      const stalled = await stall(portOf(name));
      try {
        const started = Date.now();
        const slow = await system.gql(QUERY, undefined, RADET);
        const elapsed = Date.now() - started;
        expect(slow.status).toBe(200);
        expectMissing(slow.body, name, `Källan ${name} svarade inte (tidsgräns ${TIMEOUT_MS} ms).`);
        // "Does not hang", not a benchmark: the deadline is 1 s.
        expect(elapsed).toBeLessThan(10_000);
      } finally {
        await close(stalled);
      }

      await system.startSubgraph(name);
      await expectWhole();
    });
  }

  it('names förvaltning missing, which owns the picture itself, and recovers', async () => {
    await system.stopSubgraph('forvaltning');
    const { status, body } = await system.gql(QUERY, undefined, RADET);
    expect(status).toBe(200);
    // Lagesbild is förvaltning's entity: without it there is no picture to add to.
    expect(body.data?.lagesbild ?? null).toBeNull();
    expect(body.extensions?.saknadeKallor).toEqual(['forvaltning']);
    expect(body.errors).toEqual([
      {
        message: 'Källan forvaltning går inte att nå just nu.',
        path: ['lagesbild'],
        extensions: expect.objectContaining({
          code: 'SUBGRAPH_UNAVAILABLE',
          kalla: 'forvaltning',
          serviceName: 'forvaltning',
        }),
      },
    ]);

    const stalled = await stall(portOf('forvaltning'));
    try {
      const slow = await system.gql(QUERY, undefined, RADET);
      expect(slow.body.extensions?.saknadeKallor).toEqual(['forvaltning']);
      expect(slow.body.errors?.map((e) => e.message)).toEqual([
        `Källan forvaltning svarade inte (tidsgräns ${TIMEOUT_MS} ms).`,
      ]);
    } finally {
      await close(stalled);
    }

    await system.startSubgraph('forvaltning');
    await expectWhole();
  });
});
