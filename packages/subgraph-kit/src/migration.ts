import { Migration } from '@mikro-orm/migrations';
import type { Knex } from 'knex';

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

export const kitMigrations = [{ name: 'Kit0001SeedLogg', class: Kit0001SeedLogg }];
