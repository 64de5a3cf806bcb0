import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GranskningsloggPost } from './granskningslogg.entity';
import { createOrm, migrate, type Orm, SQLITE_BUSY_TIMEOUT_MS } from './orm';
import { testGranskningsrad } from './testing';

let dir: string;
const oppna: Orm[] = [];

async function oppnaDb(file: string): Promise<Orm> {
  const orm = await createOrm({ databaseUrl: file, entities: [], migrations: [], quiet: true });
  oppna.push(orm);
  await migrate(orm.orm);
  return orm;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-orm-'));
});
afterAll(async () => {
  for (const o of oppna) await o.orm.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SQLite as every subgraph opens it (issue 15, items 8 and 11)', () => {
  it('is in WAL mode with a busy timeout, its files readable by the owner only', async () => {
    const file = join(dir, 'lage.sqlite');
    const { orm } = await oppnaDb(file);
    const c = orm.em.getConnection();
    expect(await c.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await c.execute('pragma busy_timeout')).toEqual([{ timeout: SQLITE_BUSY_TIMEOUT_MS }]);
    await orm.em.fork().insert(GranskningsloggPost, testGranskningsrad('en skrivning'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
  });

  it('binds values as parameters: quotes, SQL and a question mark in a value are stored as written', async () => {
    const { orm } = await oppnaDb(join(dir, 'bind.sqlite'));
    const varden = [
      'O\'Brien\'s "citat"',
      "x'); drop table kit_granskningslogg; --",
      'vad? och ?? och \\?',
    ];
    const satser: { sql: string; bindings?: unknown[] }[] = [];
    (orm.em.getConnection() as unknown as AbstractSqlConnection)
      .getKnex()
      .on('query', (q: { sql: string; bindings?: unknown[] }) => satser.push(q));
    for (const v of varden) await orm.em.fork().insert(GranskningsloggPost, testGranskningsrad(v));
    // What reached the driver: the statement with placeholders, the values beside it.
    const inserts = satser.filter((q) => q.sql.startsWith('insert'));
    expect(inserts).toHaveLength(varden.length);
    for (const [i, q] of inserts.entries()) {
      expect(q.sql).not.toContain('drop table');
      expect(q.sql).not.toContain('Brien');
      expect(q.bindings).toContain(varden[i]);
    }
    const lagrade = await orm.em.fork().find(GranskningsloggPost, {}, { orderBy: { id: 'asc' } });
    expect(lagrade.map((p) => p.vad)).toEqual(varden);
  });

  it('compiles each SQL text once per connection, and a reused statement answers for its own values', async () => {
    const file = join(dir, 'prepared.sqlite');
    const { orm } = await oppnaDb(file);
    for (const v of ['a', 'b', 'c', 'd'])
      await orm.em.fork().insert(GranskningsloggPost, testGranskningsrad(v));
    const knex = (orm.em.getConnection() as unknown as AbstractSqlConnection).getKnex();
    const raw = (await knex.client.acquireConnection()) as { prepare(sql: string): unknown };
    try {
      const sql = 'select vad from kit_granskningslogg where vad >= ? order by vad';
      expect(raw.prepare(sql)).toBe(raw.prepare(sql));
      expect(raw.prepare(`${sql} limit 1`)).not.toBe(raw.prepare(sql));
    } finally {
      await knex.client.releaseConnection(raw);
    }
    // The same statements again and again, their values changing, a write between them.
    const vadFran = async (fran: string) =>
      (
        await orm.em
          .fork()
          .find(GranskningsloggPost, { vad: { $gte: fran } }, { orderBy: { vad: 'asc' } })
      ).map((p) => p.vad);
    expect(await vadFran('c')).toEqual(['c', 'd']);
    expect(await vadFran('a')).toEqual(['a', 'b', 'c', 'd']);
    await orm.em.fork().insert(GranskningsloggPost, testGranskningsrad('e'));
    expect(await vadFran('d')).toEqual(['d', 'e']);
    expect(await vadFran('f')).toEqual([]);
    expect(await vadFran('b')).toEqual(['b', 'c', 'd', 'e']);
    // A kept statement holds no read snapshot: another connection's write is seen at once.
    const { orm: annan } = await oppnaDb(file);
    await annan.em.fork().insert(GranskningsloggPost, testGranskningsrad('f'));
    expect(await vadFran('d')).toEqual(['d', 'e', 'f']);
  });

  it('a write transaction that read first waits for another process’s write instead of failing', async () => {
    const file = join(dir, 'samtidigt.sqlite');
    const { orm } = await oppnaDb(file);
    // Another process (the bulk import) holds the write lock for 700 ms. libSQL waits for
    // a lock synchronously, so the other writer must be a process of its own.
    const libsql = createRequire(
      createRequire(import.meta.url).resolve('@mikro-orm/libsql'),
    ).resolve('libsql');
    const annan = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(libsql)}); const db = new D(${JSON.stringify(file)});
         db.exec('begin immediate');
         db.exec("insert into kit_granskningslogg (tidpunkt, roller, operation, typ, vad) values ('t', 'TEST', 'test', 'SKRIVNING', 'import')");
         console.log('låst');
         setTimeout(() => { db.exec('commit'); db.close(); }, 700);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const slut = once(annan, 'exit');
    await once(annan.stdout, 'data');
    // A mutation: it reads, then writes, in one transaction.
    await orm.em.fork().transactional(async (tx) => {
      await tx.count(GranskningsloggPost);
      await tx.insert(GranskningsloggPost, testGranskningsrad('mutation'));
    });
    expect(await slut).toEqual([0, null]);
    const vad = (await orm.em.fork().find(GranskningsloggPost, {})).map((p) => p.vad);
    expect(vad.sort()).toEqual(['import', 'mutation']);
  });
});
