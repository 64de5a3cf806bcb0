import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { startTestSubgraph, type TestSubgraph } from '@lagesbild/subgraph-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { skolor } from './server';

/**
 * Issue 15, item 9: readiness runs a real query on the subgraph's own database file, so a
 * removed or corrupt file turns it red instead of every query failing behind a 200.
 */
const SQLITE = process.env.LAGESBILD_TEST_DB !== 'postgresql';

describe.skipIf(!SQLITE)('/health/ready asks the database file itself', () => {
  let s: TestSubgraph | undefined;
  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });
  const ready = async () => {
    const res = await fetch(`${s?.url}/health/ready`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const removeFiles = (file: string) => {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
      rmSync(f, { force: true });
  };

  it('is ready on a healthy database', async () => {
    s = await startTestSubgraph(skolor);
    expect(await ready()).toEqual({
      status: 200,
      body: { service: 'skolor', ok: true, database: 'sqlite' },
    });
  });

  it('answers 503 naming the file when it is removed', async () => {
    s = await startTestSubgraph(skolor);
    const file = s.databaseFile;
    removeFiles(file);
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, service: 'skolor' });
    expect(String(body.error)).toContain(`Databasfilen ${file} finns inte`);
    // Readiness must not create an empty database in its place.
    expect(existsSync(file)).toBe(false);
  });

  it('answers 503 when the file is corrupt', async () => {
    s = await startTestSubgraph(skolor);
    const file = s.databaseFile;
    // In place (the same inode the service has open), as a failing disk would.
    writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a));
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, service: 'skolor' });
    expect(String(body.error)).toMatch(/Databasen svarar inte: .*file is not a database/);
  });
});

describe.skipIf(!SQLITE)('/health/ready when the file is replaced', () => {
  it('answers 503 naming the file', async () => {
    const s = await startTestSubgraph(skolor);
    try {
      const file = s.databaseFile;
      rmSync(file);
      writeFileSync(file, '');
      const res = await fetch(`${s.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toContain(
        `Databasfilen ${file} har bytts ut sedan tjänsten startade.`,
      );
    } finally {
      await s.stop();
    }
  });
});
