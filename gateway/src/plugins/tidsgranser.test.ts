import { describe, expect, it } from 'vitest';
import { poolTidsgranser, Tidsgrans, tidsgransFor } from './tidsgranser';

describe('timeouts', () => {
  it("takes the source's own deadline before the common one", () => {
    const config = { subgraphTimeoutMs: 3000, subgraphTimeoutsMs: { polis: 500 } };
    expect(tidsgransFor(config, 'polis')).toBe(500);
    expect(tidsgransFor(config, 'skolor')).toBe(3000);
  });

  it("lets undici's timers only back the deadline up", () => {
    const t = poolTidsgranser(200);
    expect(Math.min(t.headersTimeout, t.bodyTimeout, t.connectTimeout)).toBeGreaterThan(200);
  });

  it('aborts at the deadline and says it was the deadline', async () => {
    const tidsgrans = new Tidsgrans(10);
    expect(tidsgrans.timedOut).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(tidsgrans.controller.signal.aborted).toBe(true);
    expect(tidsgrans.timedOut).toBe(true);
  });

  it('tells an abort by the caller apart from the deadline, and clears', async () => {
    const tidsgrans = new Tidsgrans(10);
    tidsgrans.controller.abort();
    tidsgrans.clear();
    await new Promise((r) => setTimeout(r, 30));
    expect(tidsgrans.timedOut).toBe(false);
  });
});
