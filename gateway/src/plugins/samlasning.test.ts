import { describe, expect, it } from 'vitest';
import { Samlasning } from './samlasning';

describe('shared revision reads', () => {
  /** A reader whose reads the test answers by hand, in order, with the revision then current. */
  function reader() {
    const reads: { startedAt: number; answer: (n: number) => void }[] = [];
    let clock = 0;
    const samlasning = new Samlasning(
      () =>
        new Promise<number>((resolve) => {
          reads.push({ startedAt: clock, answer: resolve });
        }),
    );
    return { samlasning, reads, tick: () => ++clock };
  }

  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('never hands a request a read that began before it arrived', async () => {
    const { samlasning, reads, tick } = reader();
    const first = samlasning.las({});
    await settle();
    expect(reads).toHaveLength(1);
    // Arrives while the first read is in flight: it must wait for a read of its own.
    tick();
    const second = samlasning.las({});
    const third = samlasning.las({});
    await settle();
    expect(reads).toHaveLength(1);
    reads[0]?.answer(1);
    expect(await first).toBe(1);
    await settle();
    expect(reads).toHaveLength(2);
    expect(reads[1]?.startedAt).toBe(1);
    reads[1]?.answer(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });

  it('a failed read fails only the requests that waited for it', async () => {
    const calls: number[] = [];
    const samlasning = new Samlasning(async () => {
      calls.push(calls.length);
      if (calls.length === 1) throw new Error('nere');
      return 7;
    });
    await expect(samlasning.las({})).rejects.toThrow('nere');
    expect(await samlasning.las({})).toBe(7);
  });
});
