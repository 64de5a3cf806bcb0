import { Migration } from '@mikro-orm/migrations';
import type { Knex } from 'knex';
import { REVISION_FUNCTION, REVISION_TABLE } from './revision-tabell';

/**
 * A migration written with knex's schema builder, so the same file creates the schema on
 * SQLite and on PostgreSQL.
 */
export abstract class KitMigration extends Migration {
  protected schema(build: (schema: Knex.SchemaBuilder) => Knex.SchemaBuilder): void {
    for (const statement of build(this.getKnex().schema).toSQL()) {
      this.addSql(statement.sql);
    }
  }

  /** The columns of BaseEntity: id, skapad, andrad. */
  protected baseColumns(t: Knex.CreateTableBuilder): void {
    t.string('id', 64).primary();
    t.string('skapad', 30).notNullable();
    t.string('andrad', 30).notNullable();
  }

  /** The columns of PeriodEntity, with the index every per-period query uses. */
  protected periodColumns(t: Knex.CreateTableBuilder, table: string): void {
    this.baseColumns(t);
    t.string('omrade_id', 64).notNullable();
    t.string('period', 16).notNullable();
    t.string('fran', 10).notNullable();
    t.string('till', 10).notNullable();
    t.index(['omrade_id', 'fran', 'till'], `${table}_omrade_period_idx`);
  }
}

class Kit0001SeedLogg extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.createTable('kit_seed_logg', (t) => {
        t.string('nyckel', 100).primary();
        t.string('laddad', 30).notNullable();
      }),
    );
  }
}

const GRANSKNINGSLOGG_SKRIVSKYDD =
  'Granskningsloggen kan bara kompletteras: poster får inte ändras eller tas bort.';

/**
 * The audit log. Append-only is the database's rule, not only the code's: triggers refuse
 * UPDATE and DELETE (and on PostgreSQL TRUNCATE), so a bug or a hand-typed statement
 * cannot rewrite history. Whoever owns the database can still drop the triggers; that is
 * a deliberate act outside the application, not an accident inside it.
 */
class Kit0002Granskningslogg extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.createTable('kit_granskningslogg', (t) => {
        t.increments('id').primary();
        t.string('tidpunkt', 30).notNullable();
        t.string('subjekt', 200).nullable();
        t.string('roller', 200).notNullable();
        t.string('operation', 200).notNullable();
        t.string('typ', 12).notNullable();
        t.string('vad', 500).notNullable();
        t.string('request_id', 100).nullable();
        t.index(['tidpunkt'], 'kit_granskningslogg_tidpunkt_idx');
      }),
    );
    if (this.isPostgres()) {
      this.addSql(
        `create function kit_granskningslogg_skrivskydd() returns trigger language plpgsql as $$
begin
  raise exception '${GRANSKNINGSLOGG_SKRIVSKYDD} (%)', tg_op using errcode = 'insufficient_privilege';
end;
$$`,
      );
      this.addSql(
        'create trigger kit_granskningslogg_skrivskydd before update or delete on kit_granskningslogg ' +
          'for each row execute function kit_granskningslogg_skrivskydd()',
      );
      this.addSql(
        'create trigger kit_granskningslogg_ingen_tomning before truncate on kit_granskningslogg ' +
          'for each statement execute function kit_granskningslogg_skrivskydd()',
      );
    } else {
      for (const [name, event] of [
        ['kit_granskningslogg_ingen_andring', 'update'],
        ['kit_granskningslogg_ingen_radering', 'delete'],
      ]) {
        this.addSql(
          `create trigger ${name} before ${event} on kit_granskningslogg ` +
            `begin select raise(abort, '${GRANSKNINGSLOGG_SKRIVSKYDD}'); end`,
        );
      }
    }
  }

  private isPostgres(): boolean {
    // knex's PostgreSQL client calls its dialect 'postgresql'; libSQL's builds on 'sqlite3'.
    return this.getKnex().client.dialect === 'postgresql';
  }
}

/**
 * The data revision the gateway's response cache checks (see revision.ts): one row, bumped
 * by triggers in the same transaction as every write to a data table. The triggers
 * themselves are laid by installRevisionTriggers after every migration run, because the
 * subgraph's own tables are created by migrations that run after the kit's.
 */
class Kit0003Revision extends KitMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.createTable(REVISION_TABLE, (t) => {
        t.integer('id').primary();
        t.bigInteger('revision').notNullable();
      }),
    );
    this.addSql(`insert into ${REVISION_TABLE} (id, revision) values (1, 0)`);
    if (this.getKnex().client.dialect === 'postgresql') {
      this.addSql(
        `create function ${REVISION_FUNCTION}() returns trigger language plpgsql as $$
begin
  update ${REVISION_TABLE} set revision = revision + 1 where id = 1;
  return null;
end;
$$`,
      );
    }
  }
}

export const kitMigrations = [
  { name: 'Kit0001SeedLogg', class: Kit0001SeedLogg },
  { name: 'Kit0002Granskningslogg', class: Kit0002Granskningslogg },
  { name: 'Kit0003Revision', class: Kit0003Revision },
];
