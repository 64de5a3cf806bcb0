import { describe, expect, it } from 'vitest';
import { loadSubgraphConfig } from './config';

const SECRET = { LAGESBILD_JWT_SECRET: 'en-hemlighet-for-konfigurationstestet-0123456789' };
const load = (env: Record<string, string>) =>
  loadSubgraphConfig({ name: 'forvaltning', defaultPort: 4001, env: { ...SECRET, ...env } });

describe("a subgraph's configuration, by its schema", () => {
  it('takes its own variable over the shared one, and the registry port when neither is set', () => {
    expect(load({}).port).toBe(4001);
    expect(load({ PORT: '5101' }).port).toBe(5101);
    expect(load({ PORT: '5101', FORVALTNING_PORT: '5102' }).port).toBe(5102);
    expect(load({ SEED: 'false', FORVALTNING_SEED: 'yes' }).seed).toBe(true);
    expect(load({ DEBUG_SQL: 'on' }).debugSql).toBe(true);
  });

  it('refuses a boolean it does not know instead of reading it as true', () => {
    expect(() => load({ FORVALTNING_SEED: 'ture' })).toThrow(
      'FORVALTNING_SEED="ture" är inte ett giltigt värde',
    );
    expect(() => load({ LOG_SQL: 'kanske' })).toThrow('LOG_SQL="kanske"');
  });

  it('carries the query limits and the token keys, so the kit reads no environment itself', () => {
    const config = load({ GATEWAY_MAX_DEPTH: '9' });
    expect(config.limits?.limits.maxDepth).toBe(9);
    expect(config.auth?.keys.kind).toBe('secret');
    expect(() => load({ SUBGRAPH_MAX_REPRESENTATIONS: '1e3' })).toThrow(
      'SUBGRAPH_MAX_REPRESENTATIONS="1e3" är inte ett giltigt värde',
    );
  });
});
