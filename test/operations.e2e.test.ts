import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/** What an operator of the services relies on: request ids, metrics, liveness and readiness. */
describe('operations', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('passes the request id from the gateway to the subgraph it calls', async () => {
    const requestId = randomUUID();
    const { body } = await system.gql('query Omraden { omraden { id } }', undefined, {
      'x-request-id': requestId,
    });
    expect(body.data).toEqual({ omraden: [{ id: 'norrmalm' }] });
    const deadline = Date.now() + 5_000;
    const seen = () => {
      const lines = system.output().split('\n');
      return ['gateway', 'forvaltning'].every((service) =>
        lines.some(
          (l) => l.startsWith(`[${service}] POST /graphql 200`) && l.endsWith(`[${requestId}]`),
        ),
      );
    };
    while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(seen()).toBe(true);
  });

  it('counts operations, errors and subgraph fetches on /metrics', async () => {
    await system.gql('query Omraden { omraden { id } }');
    await system.gql(
      'query Trasig { lagesbild(omrade: "norrmalm", period: "2016-H9") { period } }',
    );
    const gateway = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    expect(gateway).toMatch(
      /lagesbild_graphql_operations_total\{service="gateway",operation="Omraden",outcome="ok"\} [1-9]/,
    );
    expect(gateway).toMatch(
      /lagesbild_graphql_errors_total\{service="gateway",operation="Trasig",code="BAD_USER_INPUT"\} 1/,
    );
    expect(gateway).toMatch(
      /lagesbild_subgraph_fetch_duration_seconds_count\{subgraph="forvaltning",outcome="ok"\} [1-9]/,
    );
    const subgraph = await (await fetch(`${system.subgraphUrls.forvaltning}/metrics`)).text();
    expect(subgraph).toMatch(
      /lagesbild_http_requests_total\{service="forvaltning",route="graphql",status="200"\} [1-9]/,
    );
    expect(subgraph).toContain('lagesbild_process_');
  });

  it('answers liveness and readiness separately', async () => {
    for (const base of [system.gatewayUrl, system.subgraphUrls.forvaltning]) {
      const live = await fetch(`${base}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
    }
    const ready = (await (
      await fetch(`${system.subgraphUrls.forvaltning}/health/ready`)
    ).json()) as Record<string, unknown>;
    const kind = process.env.LAGESBILD_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
    expect(ready).toEqual({ service: 'forvaltning', ok: true, database: kind });
  });
});
