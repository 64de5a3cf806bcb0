import { describe, expect, it } from 'vitest';
import { assertDistinctPorts, BAD_PORTS, parsePort, portFrom } from './port';

describe('ports from the environment (issue 15, item 12)', () => {
  it('refuses a port Node fetch will not connect to, naming the variable and the port', () => {
    expect(() => portFrom(undefined, { GATEWAY_PORT: '6000' }, 'GATEWAY_PORT', 4000)).toThrow(
      /^GATEWAY_PORT=6000: port 6000 spärras av Nodes fetch/,
    );
    expect(() => parsePort('KLOTTER_PORT', '6665')).toThrow('KLOTTER_PORT=6665');
  });

  it('knows the list undici refuses', async () => {
    // The list Node's own fetch uses, so a change in undici shows up here.
    const response = fetch('http://127.0.0.1:6000/').catch((e: Error) => e.cause);
    expect(String(await response)).toMatch(/bad port/i);
    for (const port of [6000, 10080, 5060, 22, 25]) expect(BAD_PORTS.has(port)).toBe(true);
    for (const port of [4000, 4001, 4005, 8080]) expect(BAD_PORTS.has(port)).toBe(false);
  });

  it('refuses what is not a port number, and out of range', () => {
    for (const raw of ['abc', '4000x', '-1', '65536', '1.5', ' ']) {
      expect(() => parsePort('GATEWAY_PORT', raw, 1)).toThrow(
        `GATEWAY_PORT="${raw}" är inte ett giltigt portnummer (1–65535).`,
      );
    }
    expect(() => parsePort('GATEWAY_PORT', '0', 1)).toThrow('giltigt portnummer');
  });

  it('accepts a good port, and falls back when unset', () => {
    expect(parsePort('GATEWAY_PORT', '4950')).toBe(4950);
    expect(portFrom(undefined, {}, 'GATEWAY_PORT', 4000)).toBe(4000);
    expect(portFrom(undefined, { PORT: '0' }, 'PORT', 4000)).toBe(0);
  });

  it('refuses two services on the same port, naming both variables', () => {
    expect(() =>
      assertDistinctPorts([
        { variable: 'FORVALTNING_PORT', port: 4001 },
        { variable: 'GATEWAY_PORT', port: 4001 },
      ]),
    ).toThrow('FORVALTNING_PORT och GATEWAY_PORT är båda 4001');
    expect(() =>
      assertDistinctPorts([
        { variable: 'A_PORT', port: 4001 },
        { variable: 'B_PORT', port: 4002 },
      ]),
    ).not.toThrow();
  });
});
