import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/**
 * Issue 15, item 9: a subgraph whose database file is removed is not ready, and the
 * gateway names it in saknadeKallor instead of passing on an internal error.
 */
const SQLITE = process.env.LAGESBILD_TEST_DB !== 'postgresql';
const RADET = { 'x-lagesbild-roller': 'RADET' };
const QUERY = `{
  lagesbild(omrade: "norrmalm", period: "2016") {
    forvaltning { rapporteringsstatus }
    skolor { rapporteringsstatus }
  }
}`;

describe.skipIf(!SQLITE)('a removed database file, through the gateway', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.interrupt();
  });

  it('turns readiness red and the gateway names the source as missing', async () => {
    expect((await system.gql(QUERY, undefined, RADET)).body.errors).toBeUndefined();
    const file = system.databaseUrls.skolor as string;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const ready = await fetch(`${system.subgraphUrls.skolor}/health/ready`);
    expect(ready.status).toBe(503);
    const { body } = await system.gql(QUERY, undefined, RADET);
    expect(body.extensions?.saknadeKallor).toEqual(['skolor']);
    expect(body.data).toMatchObject({
      lagesbild: { forvaltning: { rapporteringsstatus: expect.any(String) }, skolor: null },
    });
  });
});
