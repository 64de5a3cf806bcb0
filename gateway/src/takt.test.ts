import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Takt, taktFor } from './takt';

describe("a caller's reads in waves", () => {
  it('lets the reads of one turn go together at once', () => {
    const takt = new Takt();
    expect(takt.borja()).toBeUndefined();
    expect(takt.borja()).toBeUndefined();
  });

  it('holds a later read until every earlier one is answered, then lets its wave go', async () => {
    const takt = new Takt();
    takt.borja();
    takt.borja();
    await nextTurn();
    // A later turn: the first answer is in and its follow-up waits for the other read.
    takt.klar();
    let released = false;
    const held = takt.borja();
    expect(held).toBeDefined();
    held?.then(() => {
      released = true;
    });
    await nextTurn();
    expect(released).toBe(false);
    // The last earlier read is answered: the held read goes, and a read that begins in
    // the same turn joins its wave instead of waiting for it.
    takt.klar();
    expect(takt.borja()).toBeUndefined();
    await held;
    expect(released).toBe(true);
    await nextTurn();
    // The next turn's read waits for that wave.
    expect(takt.borja()).toBeDefined();
  });

  it('is one per request context', () => {
    const a = {};
    expect(taktFor(a)).toBe(taktFor(a));
    expect(taktFor({})).not.toBe(taktFor(a));
  });
});
