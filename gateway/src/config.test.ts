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
      'SUBGRAPH_TIMEOUT_MS="3s" är inte ett giltigt värde: ange ett heltal från 1 till 100000000 millisekunder.',
    );
    expect(() => loadGatewayConfig({}, { KLOTTER_TIMEOUT_MS: '0' })).toThrow(
      /KLOTTER_TIMEOUT_MS="0"/,
    );
  });
});

describe('sharing and pooling of subgraph requests in the gateway config', () => {
  it('shares identical queries in flight unless SUBGRAPH_DEDUPE says false', () => {
    expect(loadGatewayConfig({}, {}).dedupeSubgraphQueries).toBe(true);
    expect(loadGatewayConfig({}, { SUBGRAPH_DEDUPE: 'false' }).dedupeSubgraphQueries).toBe(false);
    expect(loadGatewayConfig({}, { SUBGRAPH_DEDUPE: '0' }).dedupeSubgraphQueries).toBe(false);
    expect(loadGatewayConfig({}, { SUBGRAPH_DEDUPE: 'nej' }).dedupeSubgraphQueries).toBe(false);
    expect(loadGatewayConfig({}, { SUBGRAPH_DEDUPE: 'yes' }).dedupeSubgraphQueries).toBe(true);
    expect(() => loadGatewayConfig({}, { SUBGRAPH_DEDUPE: 'kanske' })).toThrow(
      'SUBGRAPH_DEDUPE="kanske" är inte ett giltigt värde: ange true eller false (eller 1/yes/ja/on resp. 0/no/nej/off).',
    );
  });

  it('keeps 64 sockets per subgraph unless SUBGRAPH_CONNECTIONS says otherwise', () => {
    expect(loadGatewayConfig({}, {}).subgraphConnections).toBe(64);
    expect(loadGatewayConfig({}, { SUBGRAPH_CONNECTIONS: '8' }).subgraphConnections).toBe(8);
    expect(() => loadGatewayConfig({}, { SUBGRAPH_CONNECTIONS: '-1' })).toThrow(
      'SUBGRAPH_CONNECTIONS="-1" är inte ett giltigt värde: ange ett heltal från 1 till 100000000.',
    );
  });
});

describe('subgraph URLs and timeouts in the gateway config', () => {
  it('are plain objects over the registry: only what is set, listed by Object.keys', () => {
    const config = loadGatewayConfig(
      {},
      { POLIS_URL: 'http://polis.example/graphql', KLOTTER_TIMEOUT_MS: '900', OKAND_URL: 'x' },
    );
    expect(config.subgraphUrls).toEqual({ polis: 'http://polis.example/graphql' });
    expect(Object.keys(config.subgraphTimeoutsMs)).toEqual(['klotter']);
    expect(config.subgraphTimeoutsMs.klotter).toBe(900);
  });

  it('reads every boolean by the same words and every integer by digits only', () => {
    for (const [word, on] of [
      ['yes', true],
      ['ON', true],
      ['off', false],
      ['Nej', false],
    ] as const) {
      const config = loadGatewayConfig(
        {},
        { SUBGRAPH_DEDUPE: word, GATEWAY_GRAPHIQL: word, GATEWAY_SVARSCACHE: word },
      );
      expect(config.dedupeSubgraphQueries).toBe(on);
      expect(config.exposure.graphiql).toBe(on);
      expect(config.svarscache.enabled).toBe(on);
    }
    expect(() => loadGatewayConfig({}, { SUBGRAPH_CONNECTIONS: '1e3' })).toThrow(
      'SUBGRAPH_CONNECTIONS="1e3" är inte ett giltigt värde',
    );
    expect(() => loadGatewayConfig({}, { GATEWAY_MAX_DEPTH: '1e3' })).toThrow(
      'GATEWAY_MAX_DEPTH="1e3" är inte ett giltigt värde',
    );
  });
});
