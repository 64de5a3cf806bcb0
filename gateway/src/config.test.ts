import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, loadGatewayConfig } from './config';

describe('subgraph timeouts in the gateway config', () => {
  it('waits 3000 ms by default, SUBGRAPH_TIMEOUT_MS for all, <NAME>_TIMEOUT_MS for one', () => {
    expect(loadGatewayConfig({}, {}).subgraphTimeoutMs).toBe(DEFAULT_SUBGRAPH_TIMEOUT_MS);
    expect(DEFAULT_SUBGRAPH_TIMEOUT_MS).toBe(3000);
    const config = loadGatewayConfig({}, { SUBGRAPH_TIMEOUT_MS: '1500', POLIS_TIMEOUT_MS: '800' });
    expect(config.subgraphTimeoutMs).toBe(1500);
    expect(config.subgraphTimeoutsMs.polis).toBe(800);
    expect(config.subgraphTimeoutsMs.skolor).toBeUndefined();
  });

  it('lets explicit arguments win over the environment', () => {
    const config = loadGatewayConfig(
      { subgraphTimeoutMs: 2000, subgraphTimeoutsMs: { polis: 100 } },
      { SUBGRAPH_TIMEOUT_MS: '1500', POLIS_TIMEOUT_MS: '800' },
    );
    expect(config.subgraphTimeoutMs).toBe(2000);
    expect(config.subgraphTimeoutsMs.polis).toBe(100);
  });

  it('refuses a value that is not a whole number of milliseconds, in Swedish', () => {
    expect(() => loadGatewayConfig({}, { SUBGRAPH_TIMEOUT_MS: '3s' })).toThrow(
      'SUBGRAPH_TIMEOUT_MS="3s" är inte ett giltigt antal millisekunder (heltal ≥ 1).',
    );
    const config = loadGatewayConfig({}, { KLOTTER_TIMEOUT_MS: '0' });
    expect(() => config.subgraphTimeoutsMs.klotter).toThrow(/KLOTTER_TIMEOUT_MS="0"/);
  });
});

describe('sharing and pooling of subgraph requests in the gateway config', () => {
  it('shares identical queries in flight unless SUBGRAPH_DEDUPE says false', () => {
    expect(loadGatewayConfig({}, {}).dedupeSubgraphQueries).toBe(true);
    expect(loadGatewayConfig({}, { SUBGRAPH_DEDUPE: 'false' }).dedupeSubgraphQueries).toBe(false);
    expect(loadGatewayConfig({}, { SUBGRAPH_DEDUPE: '0' }).dedupeSubgraphQueries).toBe(false);
    expect(() => loadGatewayConfig({}, { SUBGRAPH_DEDUPE: 'nej' })).toThrow(
      'SUBGRAPH_DEDUPE="nej" ska vara true eller false.',
    );
  });

  it('keeps 64 sockets per subgraph unless SUBGRAPH_CONNECTIONS says otherwise', () => {
    expect(loadGatewayConfig({}, {}).subgraphConnections).toBe(64);
    expect(loadGatewayConfig({}, { SUBGRAPH_CONNECTIONS: '8' }).subgraphConnections).toBe(8);
    expect(() => loadGatewayConfig({}, { SUBGRAPH_CONNECTIONS: '-1' })).toThrow(
      'SUBGRAPH_CONNECTIONS="-1" är inte ett giltigt antal (heltal ≥ 1).',
    );
  });
});
