import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Relay, type RelayedGateway, startRelayedGateway, until } from './support/relay';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

/**
 * Identical subgraph queries in flight at the same time are sent once (SUBGRAPH_DEDUPE, on
 * by default): N council members opening the dashboard together cost the partners one set
 * of requests, and each gets the answer it would have got alone. Never across tokens,
 * never a mutation.
 *
 * A second gateway process (started as the launcher starts one) reaches the real
 * subgraphs through a relay that records every request and can hold polis's requests
 * until the test lets them go, so "at the same time" does not depend on the machine's speed.
 */
const PICTURE = `query Lagesbild {
  lagesbild(omrade: "norrmalm", period: "2016") {
    period fran till
    polis { rapporteringsstatus }
    klotter { rapporteringsstatus }
    foregaende { period fran }
  }
}`;

const HANDELSE = `mutation Registrera {
  registreraHandelse(input: { omradeId: "norrmalm", typ: DEMONSTRATION, rubrik: "Dubblett",
    beskrivning: "Samma händelse, registrerad två gånger samtidigt.", miljo: VIT_MAKT,
    datum: "2018-03-14" }) { id rubrik }
}`;

describe('identical subgraph queries in flight are sent once', () => {
  let system: RunningSystem;
  let gateway: RelayedGateway;
  let gatewayUrl: string;
  const relay = new Relay();

  beforeAll(async () => {
    system = await startSystem();
    const relayed = await relay.start(system.subgraphUrls);
    gateway = await startRelayedGateway(system, relayed);
    gatewayUrl = gateway.url;
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await relay.stop();
    await system?.interrupt();
  });

  const ask = async (
    query: string,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<GraphQLBody> => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
      body: JSON.stringify({ query }),
      signal,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as GraphQLBody;
  };

  /** The gateway's count of polis queries answered by a request already in flight. */
  const sharedPolis = async (): Promise<number> => {
    const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('lagesbild_subgraph_fetch_shared_total{subgraph="polis"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('answers eight identical concurrent pictures with one polis request, each body as alone', async () => {
    const headers = await withToken({ 'x-lagesbild-roller': 'RADET' });
    // Alone, through the launcher's gateway: the answer nothing was shared for.
    const alone = await system.gql(PICTURE, undefined, headers);
    expect(alone.body.errors).toBeUndefined();
    expect(alone.body.data).toMatchObject({
      lagesbild: { polis: { rapporteringsstatus: expect.any(String) } },
    });
    const soloStart = relay.seen.length;
    await ask(PICTURE, headers);
    const perPicture = relay.seen.length - soloStart;
    // The picture asks polis once; the test holds that one request.
    expect(relay.seen.slice(soloStart).filter((r) => r.subgraph === 'polis')).toHaveLength(1);

    const N = 8;
    const before = relay.seen.length;
    const sharedBefore = await sharedPolis();
    relay.hold();
    const answers = Array.from({ length: N }, () => ask(PICTURE, headers));
    // Polis's first request is held; the others must join it rather than go out.
    await until(`${N - 1} polis queries sharing the held one`, async () => {
      return (await sharedPolis()) - sharedBefore >= N - 1;
    });
    relay.letGo();
    const bodies = await Promise.all(answers);

    for (const body of bodies) expect(body).toEqual(alone.body);
    const sent = relay.seen.slice(before);
    expect(sent.filter((r) => r.subgraph === 'polis')).toHaveLength(1);
    expect(sent.length).toBeLessThan(N * perPicture);
  });

  it('never shares an answer between two tokens', async () => {
    const before = relay.of('polis').length;
    relay.hold();
    const first = ask(PICTURE, { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'a' });
    const second = ask(PICTURE, { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'b' });
    // Both must reach polis while the first is still held: shared, only one would.
    await until('two polis requests', () => relay.of('polis').length - before >= 2);
    relay.letGo();
    const [a, b] = await Promise.all([first, second]);
    expect(a.errors).toBeUndefined();
    expect(b).toEqual(a);
    const tokens = relay
      .of('polis')
      .slice(before)
      .map((r) => r.authorization);
    expect(new Set(tokens).size).toBe(2);
  });

  it('never shares a mutation: two identical registrations are two events', async () => {
    const headers = await withToken({ 'x-lagesbild-roller': 'POLIS' });
    const before = relay.of('polis').length;
    relay.hold();
    const writes = [ask(HANDELSE, headers), ask(HANDELSE, headers)] as const;
    await until('two polis mutations', () => relay.of('polis').length - before >= 2);
    relay.letGo();
    const [a, b] = await Promise.all(writes);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const idOf = (body: GraphQLBody) =>
      (body.data?.registreraHandelse as { id: string } | undefined)?.id;
    expect(idOf(a)).not.toBe(idOf(b));
    expect(
      relay
        .of('polis')
        .slice(before)
        .every((r) => r.body.includes('registreraHandelse')),
    ).toBe(true);
  });

  it('drops the subgraph request of a caller that has gone', async () => {
    const before = relay.of('polis').length;
    relay.hold();
    const gone = new AbortController();
    const asked = ask(
      PICTURE,
      { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'c' },
      gone.signal,
    );
    asked.catch(() => undefined);
    await until('the polis request', () => relay.of('polis').length > before);
    gone.abort();
    const held = relay.of('polis')[before];
    await until('the gateway closing the polis request', () => held?.dropped === true);
    relay.letGo();
    await expect(asked).rejects.toThrow();
  });
});
