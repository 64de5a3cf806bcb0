import type { EntityManager, MikroORM } from '@mikro-orm/core';

/** One row (id 1): the subgraph's data revision. */
export const REVISION_TABLE = 'kit_revision';
/** PostgreSQL's trigger function that bumps it (created by the kit's migration). */
export const REVISION_FUNCTION = 'kit_revision_okning';

/**
 * Tables whose writes do not change an answer the gateway may cache: the audit log (a read
 * of a classified record appends to it, and a read must not invalidate anything), the
 * revision itself and the migrator's bookkeeping.
 */
const EXCLUDED = new Set([REVISION_TABLE, 'kit_granskningslogg', 'mikro_orm_migrations']);

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Lays a revision trigger on every data table that lacks one; idempotent, run after every
 * migration run (see migrate), so a table a later migration adds is covered as soon as it
 * exists. The triggers live in the database: a GraphQL mutation, the Open311 endpoint, an
 * import command in another process and a hand-typed statement all bump the revision in
 * their own transaction. PostgreSQL bumps once per statement; SQLite has only row
 * triggers, so there it is once per row (a cost a bulk import pays, one UPDATE per row).
 */
export async function installRevisionTriggers(orm: MikroORM, postgres: boolean): Promise<void> {
  const connection = orm.em.fork().getConnection();
  if (postgres) {
    const tables = await connection.execute<{ name: string }[]>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    const existing = new Set(
      (
        await connection.execute<{ name: string }[]>(
          `select tgname as name from pg_trigger where not tgisinternal`,
        )
      ).map((r: { name: string }) => r.name),
    );
    for (const { name } of tables) {
      const trigger = `${REVISION_FUNCTION}_${name}`.slice(0, 63);
      if (EXCLUDED.has(name) || !PLAIN_NAME.test(name) || existing.has(trigger)) continue;
      await connection.execute(
        `create trigger ${trigger} after insert or update or delete or truncate on "${name}" ` +
          `for each statement execute function ${REVISION_FUNCTION}()`,
      );
    }
    return;
  }
  const tables = await connection.execute<{ name: string; sql: string | null }[]>(
    `select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  );
  for (const { name, sql } of tables) {
    if (EXCLUDED.has(name) || !PLAIN_NAME.test(name) || /^\s*create\s+virtual/i.test(sql ?? '')) {
      continue;
    }
    for (const event of ['insert', 'update', 'delete']) {
      await connection.execute(
        `create trigger if not exists ${REVISION_FUNCTION}_${name}_${event} after ${event} on "${name}" ` +
          `begin update ${REVISION_TABLE} set revision = revision + 1 where id = 1; end`,
      );
    }
  }
}

/** The current revision, through the given EntityManager (a transaction's, if it is one). */
export async function readRevision(em: EntityManager): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ revision: number | string }[]>(
      `select revision from ${REVISION_TABLE} where id = 1`,
      [],
      'all',
      em.getTransactionContext(),
    );
  return Number(rows[0]?.revision ?? 0);
}
