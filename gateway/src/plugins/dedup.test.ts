import { OperationTypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { arLasning, delningsnyckel, IFlykt, Overgiven } from './dedup';

describe('in-flight deduplication', () => {
  it('shares only reads, only with dedupe on, only with the same token and variant', () => {
    const base = { dedupe: true, lasning: true, body: '{"query":"{a}"}' };
    const a = delningsnyckel({ ...base, headers: { authorization: 'Bearer 1' } });
    expect(a).toBeDefined();
    expect(delningsnyckel({ ...base, headers: { authorization: 'Bearer 2' } })).not.toBe(a);
    expect(
      delningsnyckel({ ...base, headers: { authorization: 'Bearer 1', 'x-request-id': 'r' } }),
    ).toBe(a);
    expect(
      delningsnyckel({
        ...base,
        headers: { authorization: 'Bearer 1', 'x-c': '1' },
        variantHeaders: ['x-c'],
      }),
    ).not.toBe(
      delningsnyckel({ ...base, headers: { authorization: 'Bearer 1' }, variantHeaders: ['x-c'] }),
    );
    expect(delningsnyckel({ ...base, lasning: false, headers: {} })).toBeUndefined();
    expect(delningsnyckel({ ...base, dedupe: false, headers: {} })).toBeUndefined();
  });

  it('reads the operation type, not the text', () => {
    expect(arLasning({ operation: OperationTypeNode.QUERY })).toBe(true);
    expect(arLasning({ operation: OperationTypeNode.MUTATION })).toBe(false);
    expect(arLasning(undefined)).toBe(false);
  });

  it('forgets a flight when it settles or is given up', async () => {
    const flights = new IFlykt<{ answer: Promise<number>; overgiven: Overgiven }>();
    let resolve!: (n: number) => void;
    const start = () => ({
      answer: new Promise<number>((r) => {
        resolve = r;
      }),
      overgiven: new Overgiven(),
    });
    const first = flights.dela('k', start);
    const second = flights.dela('k', start);
    expect(first.delad).toBe(false);
    expect(second.delad).toBe(true);
    expect(second.flight).toBe(first.flight);
    resolve(1);
    await first.flight.answer;
    await Promise.resolve();
    expect(flights.size).toBe(0);
    const third = flights.dela('k', start);
    expect(third.delad).toBe(false);
    third.flight.overgiven.raise();
    expect(flights.size).toBe(0);
  });

  it('raises a flight given up once, to the listeners still there', () => {
    const overgiven = new Overgiven();
    const heard: string[] = [];
    const a = () => heard.push('a');
    const b = () => heard.push('b');
    overgiven.on(a);
    overgiven.on(b);
    overgiven.off(a);
    expect(overgiven.raised).toBe(false);
    overgiven.raise();
    overgiven.raise();
    overgiven.on(a);
    expect(overgiven.raised).toBe(true);
    expect(heard).toEqual(['b']);
  });
});
