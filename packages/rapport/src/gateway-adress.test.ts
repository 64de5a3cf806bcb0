import { describe, expect, it } from 'vitest';
import { gatewayAdress } from './gateway-adress';

describe('which gateway pnpm rapport asks (issue 15, item 12)', () => {
  it('honours GATEWAY_PORT, the variable pnpm start reads, instead of 4000', () => {
    expect(gatewayAdress(undefined, { GATEWAY_PORT: '4950' })).toBe('http://127.0.0.1:4950');
  });

  it('prefers --gateway, then GATEWAY_URL, then LAGESBILD_GATEWAY_URL', () => {
    const env = {
      GATEWAY_PORT: '4950',
      GATEWAY_URL: 'http://a:1/graphql',
      LAGESBILD_GATEWAY_URL: 'http://b:2/graphql',
    };
    expect(gatewayAdress('http://c:3', env)).toBe('http://c:3');
    expect(gatewayAdress(undefined, env)).toBe('http://a:1/graphql');
    expect(gatewayAdress(undefined, { ...env, GATEWAY_URL: '' })).toBe('http://b:2/graphql');
  });

  it('falls back to 4000 only when nothing is set', () => {
    expect(gatewayAdress(undefined, {})).toBe('http://127.0.0.1:4000');
  });

  it('refuses a GATEWAY_PORT that is not a port', () => {
    expect(() => gatewayAdress(undefined, { GATEWAY_PORT: 'x' })).toThrow(
      'GATEWAY_PORT="x" är inte ett giltigt portnummer',
    );
  });
});
