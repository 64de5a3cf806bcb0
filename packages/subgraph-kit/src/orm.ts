import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DefaultLogger,
  type EntityClass,
  type EntitySchema,
  type LoggerOptions,
  MikroORM,
  type Options,
} from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { GranskningsloggPost } from './granskningslogg.entity';
import { type KitMigration, kitMigrations } from './migration';
import { installRevisionTriggers } from './revision-tabell';
import { SeedLogg } from './seed-logg.entity';

/** Counts executed SQL statements so tests can prove that loads are batched. */
export class SqlStatementCounter {
  count = 0;
  readonly recent: string[] = [];
  record(sql: string): void {
    this.count += 1;
    this.recent.push(sql);
    if (this.recent.length > 50) this.recent.shift();
  }
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: SqlStatementCounter,
  ) {
    super(options);
  }

  override logQuery(context: Parameters<DefaultLogger['logQuery']>[0]): void {
    this.counter.record(context.query);
    super.logQuery(context);
  }
}

/** How long a SQLite connection waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export type DatabaseKind = 'sqlite' | 'postgresql';

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}

export interface OrmInput {
  databaseUrl: string;
  entities: (EntityClass<unknown> | EntitySchema)[];
  migrations: { name: string; class: new (...args: never[]) => KitMigration }[];
  logSql?: boolean;
  /** No migrator lines on stdout (a command whose stdout is its answer). */
  quiet?: boolean;
}

export interface Orm {
  orm: MikroORM;
  kind: DatabaseKind;
  sql: SqlStatementCounter;
  /** SQLite: the database file's absolute path (what readiness checks). */
  file?: string;
}

/**
 * MikroORM for a subgraph: SQLite (libSQL's prebuilt driver, nothing to compile) by
 * default, PostgreSQL when the URL says so. The schema comes from migrations only; nothing
 * is dropped or synchronised at start.
 */
export async function createOrm(input: OrmInput): Promise<Orm> {
  const kind = databaseKind(input.databaseUrl);
  const sql = new SqlStatementCounter();
  const common: Options = {
    entities: [SeedLogg, GranskningsloggPost, ...input.entities],
    allowGlobalContext: false,
    // Explicit `type` on every property: tsx emits no decorator metadata.
    discovery: { warnWhenNoEntities: true },
    debug: input.logSql ? ['query', 'query-params'] : false,
    loggerFactory: (options) => new CountingLogger(options, sql),
    extensions: [Migrator],
    migrations: {
      migrationsList: [...kitMigrations, ...input.migrations].map((m) => ({
        name: m.name,
        class: m.class as never,
      })),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: input.quiet ?? false,
    },
    forceUtcTimezone: true,
  };
  let orm: MikroORM;
  let file: string | undefined;
  if (kind === 'postgresql') {
    orm = await MikroORM.init({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: input.databaseUrl,
    });
  } else {
    file = resolve(input.databaseUrl.replace(/^sqlite:(\/\/)?/i, ''));
    mkdirSync(dirname(file), { recursive: true });
    orm = await MikroORM.init({
      ...common,
      driver: LibSqlDriver,
      dbName: file,
      // libSQL waits 0 ms for a lock by default: a bulk import writing while the service
      // reads the same file would fail at once with SQLITE_BUSY. Wait as SQLite's own
      // tools do instead (milliseconds).
      driverOptions: { connection: { timeout: SQLITE_BUSY_TIMEOUT_MS } },
    });
  }
  return { orm, kind, sql, ...(file ? { file } : {}) };
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  await installRevisionTriggers(orm, orm.em.getDriver() instanceof PostgreSqlDriver);
  return done.map((m) => m.name);
}

/**
 * Readiness of the service's own database: a real query on it (select 1 and the migrations
 * table, through the ORM) and, on SQLite, that the file the service opened is still there.
 * An open SQLite connection keeps reading a removed or replaced file's old inode, so a
 * query alone would stay green while every new connection fails. Make it after migrating.
 */
export interface DatabaseReadiness {
  /** SQLite: throws when the opened file is gone or replaced (one stat, no SQL). */
  file(): void;
  /** The file check and a real query; throws with the reason. */
  ready(): Promise<void>;
}

export function databaseReadiness(orm: Orm): DatabaseReadiness {
  const table = orm.orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  const inode = orm.file ? statSync(orm.file).ino : undefined;
  const file = () => {
    if (!orm.file) return;
    let ino: number;
    try {
      ino = statSync(orm.file).ino;
    } catch {
      throw new Error(`Databasfilen ${orm.file} finns inte.`);
    }
    if (ino !== inode) {
      throw new Error(`Databasfilen ${orm.file} har bytts ut sedan tjänsten startade.`);
    }
  };
  return {
    file,
    async ready() {
      file();
      try {
        const connection = orm.orm.em.fork().getConnection();
        await connection.execute('select 1');
        await connection.execute(`select count(*) as n from ${table}`);
      } catch (error) {
        throw new Error(`Databasen svarar inte: ${(error as Error).message}`);
      }
    },
  };
}
