import 'reflect-metadata';
import { AsyncLocalStorage, executionAsyncId } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransactionContext } from '@mikro-orm/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AsyncContextGuard, disableAsyncContextWhenIdle } from './async-context';
import { GranskningsloggPost } from './granskningslogg.entity';
import { createOrm, migrate } from './orm';
import { testGranskningsrad } from './testing';

/**
 * Whether V8's promise hooks are on: with them, a promise's reaction runs under the
 * promise's own async id; without them, under none (0).
 */
async function promiseHooksOn(): Promise<boolean> {
  let inside = 0;
  await Promise.resolve().then(() => {
    inside = executionAsyncId();
  });
  return inside !== 0;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

let guard: AsyncContextGuard;
beforeEach(() => {
  guard = disableAsyncContextWhenIdle();
});
afterEach(() => {
  guard.uninstall();
});

describe('promise hooks only while an AsyncLocalStorage run is open (subgraph processes)', () => {
  it('keeps a store across awaits and timers inside its run, and turns the hooks off after it', async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    await storage.run('flush', async () => {
      seen.push(storage.getStore());
      await tick();
      seen.push(storage.getStore());
      expect(await promiseHooksOn()).toBe(true);
      await Promise.all([tick(), tick()]);
      seen.push(storage.getStore());
    });
    expect(seen).toEqual(['flush', 'flush', 'flush']);
    expect(guard.open()).toBe(0);
    expect(await promiseHooksOn()).toBe(false);
    expect(storage.getStore()).toBeUndefined();
  });

  it('waits for the last of nested and concurrent runs on several instances', async () => {
    const a = new AsyncLocalStorage<string>();
    const b = new AsyncLocalStorage<number>();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = a.run('långsam', async () => {
      await held;
      return a.getStore();
    });
    const nested = await a.run('yttre', () =>
      b.run(7, async () => {
        await tick();
        return [a.getStore(), b.getStore()];
      }),
    );
    expect(nested).toEqual(['yttre', 7]);
    // The slow run is still open: the hooks stay on and its store is intact.
    expect(guard.open()).toBe(1);
    expect(await promiseHooksOn()).toBe(true);
    release();
    expect(await slow).toBe('långsam');
    expect(guard.open()).toBe(0);
    expect(await promiseHooksOn()).toBe(false);
  });

  it('counts a run that throws or rejects as finished, and passes the error on', async () => {
    const storage = new AsyncLocalStorage<string>();
    expect(() =>
      storage.run('x', () => {
        throw new Error('synkront fel');
      }),
    ).toThrow('synkront fel');
    await expect(
      storage.run('y', async () => {
        await tick();
        throw new Error('asynkront fel');
      }),
    ).rejects.toThrow('asynkront fel');
    expect(guard.open()).toBe(0);
    expect(await promiseHooksOn()).toBe(false);
  });

  it('leaves a lazy thenable to its caller: it runs once, when awaited', async () => {
    const storage = new AsyncLocalStorage<string>();
    let runs = 0;
    const lazy = {
      // biome-ignore lint/suspicious/noThenProperty: a query builder's shape, on purpose
      then(resolve: (value: number) => void) {
        runs++;
        resolve(runs);
      },
    };
    expect(await storage.run('fråga', () => lazy)).toBe(1);
    expect(runs).toBe(1);
    expect(guard.open()).toBe(0);
  });

  it('leaves a rejection nobody handles unhandled, as Node reports it without the guard', () => {
    // In a process of its own: vitest would count the unhandled rejection against this file.
    const script = [
      "import { AsyncLocalStorage } from 'node:async_hooks';",
      "import { disableAsyncContextWhenIdle } from './packages/subgraph-kit/src/async-context.ts';",
      'disableAsyncContextWhenIdle();',
      "new AsyncLocalStorage().run('x', async () => { throw new Error('ingen hanterar detta'); });",
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: new URL('../../../', import.meta.url), encoding: 'utf8', timeout: 30_000 },
    );
    expect(child.status).not.toBe(0);
    expect(child.stderr).toContain('ingen hanterar detta');
  });

  it('disables nothing any more once a store is entered for good (enterWith)', async () => {
    const storage = new AsyncLocalStorage<string>();
    await storage.run('kort', async () => tick());
    expect(await promiseHooksOn()).toBe(false);
    storage.enterWith('för gott');
    await storage.run('kort igen', async () => tick());
    expect(await promiseHooksOn()).toBe(true);
    storage.disable();
  });

  it('leaves MikroORM its transaction: the fork is the context inside, the row commits, and the hooks are off after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lagesbild-async-'));
    const { orm } = await createOrm({
      databaseUrl: join(dir, 'kontext.sqlite'),
      entities: [],
      migrations: [],
      quiet: true,
    });
    try {
      await migrate(orm);
      const em = orm.em.fork();
      await em.transactional(async (tx) => {
        await tick();
        expect(TransactionContext.getEntityManager(tx.name)).toBe(tx);
        tx.persist(tx.create(GranskningsloggPost, testGranskningsrad('inom transaktionen')));
      });
      expect(guard.open()).toBe(0);
      expect(await promiseHooksOn()).toBe(false);
      const rader = await orm.em.fork().find(GranskningsloggPost, { vad: 'inom transaktionen' });
      expect(rader).toHaveLength(1);
      await expect(
        em.transactional(async (tx) => {
          tx.persist(tx.create(GranskningsloggPost, testGranskningsrad('återställd')));
          await tx.flush();
          throw new Error('avbruten skrivning');
        }),
      ).rejects.toThrow('avbruten skrivning');
      expect(await orm.em.fork().count(GranskningsloggPost, { vad: 'återställd' })).toBe(0);
      expect(await promiseHooksOn()).toBe(false);
    } finally {
      await orm.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
