import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTIKER_DJUP } from '../bench/src/queries';
import { SUBGRAPHS } from '../schema/subgraphs';
import { Relay, type RelayedGateway, startRelayedGateway, until } from './support/relay';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

/**
 * The gateway sends the fetches one plan level makes to one subgraph as ONE HTTP request
 * (a JSON array of operations, Apollo Server's allowBatchedHttpRequests), per caller.
 *
 * A second gateway process (started as the launcher starts one) reaches the real
 * subgraphs through a relay that records every HTTP request it passes on — so the counts
 * are of requests that reached a real subgraph — and can answer polis's with a server
 * error, or hold them until the test lets them go.
 */
const NORRMALM_2016 = { omrade: 'norrmalm', period: '2016' };
const POLIS_TIMEOUT_MS = 3000;

const HANDELSE = `mutation Registrera {
  registreraHandelse(input: { omradeId: "norrmalm", typ: DEMONSTRATION, rubrik: "Dubblett",
    beskrivning: "Samma händelse, registrerad två gånger samtidigt.", miljo: VIT_MAKT,
    datum: "2018-03-14" }) { id rubrik }
}`;

describe("one HTTP request per subgraph and plan level, for one caller's picture", () => {
  let system: RunningSystem;
  let gateway: RelayedGateway;
  let gatewayUrl: string;
  const relay = new Relay();

  beforeAll(async () => {
    system = await startSystem();
    const relayed = await relay.start(system.subgraphUrls);
    gateway = await startRelayedGateway(system, relayed, {
      POLIS_TIMEOUT_MS: String(POLIS_TIMEOUT_MS),
      // The response cache's reads go unbatched for now (subgraph-datasource.ts); these
      // tests are about the reads every request makes with the cache off or missing.
      GATEWAY_SVARSCACHE: 'false',
    });
    gatewayUrl = gateway.url;
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await relay.stop();
    await system?.interrupt();
  });

  const ask = async (
    query: string,
    variables: Record<string, unknown> | undefined,
    headers: Record<string, string>,
  ): Promise<GraphQLBody> => {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as GraphQLBody;
  };

  const sharedPolis = async (): Promise<number> => {
    const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('lagesbild_subgraph_fetch_shared_total{subgraph="polis"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  /** Requests and operations per subgraph since `from`, e.g. `polis 1×4`. */
  const tally = (from: number) => {
    const sent = relay.seen.slice(from);
    const per = SUBGRAPHS.map((s) => s.name)
      .map((name) => {
        const ops = sent.filter((r) => r.subgraph === name).map((r) => r.operations);
        return ops.length ? `${name} ${ops.join('+')}` : '';
      })
      .filter(Boolean);
    return { requests: sent.length, operations: sent.reduce((n, r) => n + r.operations, 0), per };
  };

  it("sends the council's picture as one request per subgraph and plan level", async () => {
    const headers = { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'batch-1' };
    const alone = await system.gql(LAGESBILD_RAPPORT, NORRMALM_2016, await withToken(headers));
    expect(alone.body.errors).toBeUndefined();
    const before = relay.seen.length;
    const body = await ask(LAGESBILD_RAPPORT, NORRMALM_2016, headers);
    expect(body).toEqual(alone.body);
    const t = tally(before);
    console.log(
      `lägesbild: ${t.requests} HTTP requests for ${t.operations} fetches (${t.per.join(', ')})`,
    );
    // The plan: forvaltning; then in one level klotter, skolor and polis, several fetches
    // each; then forvaltning for the places klotter's and polis's answers name — which
    // follow two different answers, and still go as one request (takt.ts).
    const polis = relay.of('polis', before);
    expect(polis).toHaveLength(1);
    expect(polis[0]?.operations).toBe(4);
    expect(relay.of('klotter', before)).toHaveLength(1);
    expect(relay.of('skolor', before)).toHaveLength(1);
    expect(relay.of('klotter', before)[0]?.operations).toBe(3);
    expect(relay.of('skolor', before)[0]?.operations).toBe(3);
    expect(t.operations).toBe(13);
    expect(relay.of('forvaltning', before)).toHaveLength(2);
    expect(t.requests).toBe(5);
  });

  it("sends the analyst's query as one request per subgraph and plan level", async () => {
    const headers = { 'x-lagesbild-roller': 'ANALYTIKER', 'x-lagesbild-subjekt': 'batch-2' };
    const alone = await system.gql(ANALYTIKER_DJUP, NORRMALM_2016, await withToken(headers));
    expect(alone.body.errors).toBeUndefined();
    const before = relay.seen.length;
    const body = await ask(ANALYTIKER_DJUP, NORRMALM_2016, headers);
    expect(body).toEqual(alone.body);
    const t = tally(before);
    console.log(
      `analytiker: ${t.requests} HTTP requests for ${t.operations} fetches (${t.per.join(', ')})`,
    );
    expect(t.operations).toBe(20);
    // Four plan levels: forvaltning; polis, skolor and klotter; forvaltning for the
    // events' places; klotter for those places' reports (it needs their ids). One request
    // per subgraph and level is 1 + 3 + 1 + 1.
    expect(t.requests).toBe(6);
  });

  /** Every polis fetch of the picture has an error naming polis; the rest answered. */
  const expectPolisMissing = (body: GraphQLBody, orsak: string) => {
    expect(body.extensions?.saknadeKallor).toEqual(['polis']);
    const polisErrors = (body.errors ?? []).filter((e) => e.extensions?.kalla === 'polis');
    expect(polisErrors.length).toBe(body.errors?.length);
    for (const e of polisErrors) {
      expect(e.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', orsak });
      expect(e.message).toContain('polis');
    }
    const paths = new Set(polisErrors.map((e) => (e.path ?? []).join('.')));
    // One from each of the batch's four operations: the picture's own section, the
    // area's, the environments' and the previous period's.
    expect(paths).toContain('lagesbild.polis');
    expect(paths).toContain('lagesbild.foregaende.polis');
    expect([...paths].some((p) => p.startsWith('lagesbild.omrade.'))).toBe(true);
    expect([...paths].some((p) => p.startsWith('lagesbild.miljoer.'))).toBe(true);
    const data = body.data?.lagesbild as Record<string, unknown> | undefined;
    expect(data?.klotter).toBeTruthy();
  };

  it('names polis for every operation of a batch it answered with a server error', async () => {
    const headers = { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'batch-3' };
    const before = relay.seen.length;
    relay.polis = 'server-error';
    try {
      const body = await ask(LAGESBILD_RAPPORT, NORRMALM_2016, headers);
      expect(relay.of('polis', before).map((r) => r.operations)).toEqual([4]);
      expectPolisMissing(body, 'SERVERFEL');
    } finally {
      relay.polis = 'pass';
    }
  });

  it('names polis for every operation of a batch that timed out', async () => {
    const headers = { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'batch-4' };
    const before = relay.seen.length;
    relay.polis = 'hang';
    try {
      const body = await ask(LAGESBILD_RAPPORT, NORRMALM_2016, headers);
      expect(relay.of('polis', before).map((r) => r.operations)).toEqual([4]);
      expectPolisMissing(body, 'TIDSGRANS');
    } finally {
      relay.polis = 'pass';
    }
  });

  it("shares identical reads in flight: a second caller's batch joins the first", async () => {
    // One token for both callers: only the same token's reads are shared.
    const headers = await withToken({
      'x-lagesbild-roller': 'RADET',
      'x-lagesbild-subjekt': 'batch-5',
    });
    const alone = await ask(LAGESBILD_RAPPORT, NORRMALM_2016, headers);
    const before = relay.seen.length;
    const sharedBefore = await sharedPolis();
    relay.hold();
    const first = ask(LAGESBILD_RAPPORT, NORRMALM_2016, headers);
    await until('the held polis batch', () => relay.of('polis', before).length === 1);
    const second = ask(LAGESBILD_RAPPORT, NORRMALM_2016, headers);
    // The second picture's four polis reads each join the held batch's.
    await until('four shared polis reads', async () => (await sharedPolis()) - sharedBefore >= 4);
    relay.letGo();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(alone);
    expect(b).toEqual(alone);
    expect(relay.of('polis', before).map((r) => r.operations)).toEqual([4]);
  });

  it('never batches nor shares a write: two identical registrations, two plain requests', async () => {
    const headers = { 'x-lagesbild-roller': 'POLIS', 'x-lagesbild-subjekt': 'batch-6' };
    const before = relay.seen.length;
    relay.hold();
    const writes = [ask(HANDELSE, undefined, headers), ask(HANDELSE, undefined, headers)] as const;
    await until('two polis mutations', () => relay.of('polis', before).length >= 2);
    relay.letGo();
    const [a, b] = await Promise.all(writes);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const idOf = (body: GraphQLBody) =>
      (body.data?.registreraHandelse as { id: string } | undefined)?.id;
    expect(idOf(a)).not.toBe(idOf(b));
    const sent = relay.of('polis', before);
    expect(sent).toHaveLength(2);
    for (const r of sent) {
      expect(r.batch).toBe(false);
      expect(r.body).toContain('registreraHandelse');
    }
  });
});
