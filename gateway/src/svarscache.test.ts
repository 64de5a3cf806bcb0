import { describe, expect, it } from 'vitest';
import { loadSvarscacheConfig } from './svarscache';

describe('the response cache configuration', () => {
  it('is on for the dashboard and the report by default, and can be turned off', () => {
    const config = loadSvarscacheConfig({});
    expect(config.enabled).toBe(true);
    expect([...config.operations]).toContain('Dashboard');
    expect([...config.operations]).toContain('LagesbildRapport');
    expect(loadSvarscacheConfig({ GATEWAY_SVARSCACHE: 'off' }).enabled).toBe(false);
    expect([
      ...loadSvarscacheConfig({ GATEWAY_SVARSCACHE_OPERATIONER: 'A, B' }).operations,
    ]).toEqual(['A', 'B']);
    expect(() => loadSvarscacheConfig({ GATEWAY_SVARSCACHE: 'kanske' })).toThrow(
      'GATEWAY_SVARSCACHE="kanske" är inte ett giltigt värde: ange true eller false (eller 1/yes/ja/on resp. 0/no/nej/off).',
    );
  });
});
