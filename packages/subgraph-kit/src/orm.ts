import { chmodSync, closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type AnyEntity,
  DefaultLogger,
  type EntityClass,
  type EntityData,
  type EntitySchema,
  type LoggerOptions,
  type LoggingOptions,
  MikroORM,
  type Options,
  type QueryResult,
  type Transaction,
} from '@mikro-orm/core';
import {
  AbstractSqlDriver,
  LibSqlConnection,
  LibSqlDriver,
  LibSqlKnexDialect,
  LibSqlPlatform,
} from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlConnection, PostgreSqlDriver, PostgreSqlPlatform } from '@mikro-orm/postgresql';
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

/** A SQLite database file (and its -wal and -shm beside it) is readable by its owner only. */
export const SQLITE_FILE_MODE = 0o600;

/** What MikroORM's connections have but do not declare public: what `execute` needs. */
interface ConnectionInternals {
  ensureConnection(): Promise<void>;
  config: { get(key: 'onQuery'): (sql: string, params: readonly unknown[]) => string };
  platform: { formatQuery(sql: string, params: readonly unknown[]): string };
  getSql(query: string, formatted: string, context?: unknown): string;
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: unknown): Promise<T>;
  transformRawResult<T>(res: unknown, method: 'all' | 'get' | 'run'): T;
  getKnex(): {
    raw(
      sql: string,
      bindings?: readonly unknown[],
    ): PromiseLike<unknown> & {
      transacting(trx: unknown): unknown;
    };
  };
}

/** A value the drivers bind as it is; arrays and objects are left to MikroORM's inlining. */
function bindbar(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value !== 'object' ||
    value instanceof Date ||
    ArrayBuffer.isView(value)
  );
}

/**
 * MikroORM 6 writes every parameter into the SQL text (`platform.formatQuery`) before it
 * runs a statement: a value is then SQL, escaped by MikroORM, and a NUL byte in a text cuts
 * the statement short in SQLite's parser ("unrecognized token"), an error that carries the
 * whole statement with every value. Here the statement goes to the driver with its
 * parameters bound instead (`?`, knex's raw bindings): values never become SQL. Only the
 * log line is formatted, as MikroORM would. A statement with an array or object parameter
 * (none of this repository's columns takes one) keeps MikroORM's own path.
 */
async function executeBound<T>(
  connection: unknown,
  queryOrKnex: unknown,
  params: unknown[],
  method: 'all' | 'get' | 'run',
  ctx: unknown,
  loggerContext: unknown,
  inline: () => Promise<T>,
): Promise<T> {
  if (typeof queryOrKnex !== 'string' || params.length === 0 || !params.every(bindbar)) {
    return inline();
  }
  const c = connection as ConnectionInternals;
  await c.ensureConnection();
  const sql = c.config.get('onQuery')(queryOrKnex, params);
  const formatted = c.platform.formatQuery(sql, params);
  const logged = c.getSql(sql, formatted, loggerContext);
  const bindings = params.map((p) => (p === undefined ? null : p));
  return c.executeQuery(
    logged,
    async () => {
      const query = c.getKnex().raw(sql, bindings);
      if (ctx) query.transacting(ctx);
      return c.transformRawResult<T>(await query, method);
    },
    { query: sql, params, ...(loggerContext as object) },
  );
}

type Execute = LibSqlConnection['execute'];
type Resultat = QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[];

/** What the knex dialect calls on a prepared libSQL statement (its `_query`: all or run). */
interface LibSqlStatement {
  all(bindings: unknown): unknown;
  run(bindings: unknown): unknown;
}

/**
 * A statement whose SQL begins with this comment answers on libSQL with each row as an
 * array, its columns in the select's order, instead of an object: libSQL builds an array
 * with about half the work (lasRader, which knows its columns, asks for it). PostgreSQL
 * ignores the comment and answers with objects, as does libSQL without it.
 */
export const ROWS_AS_ARRAYS = '/* rows as arrays */ ';

/** Prepared statements kept per connection; the SQL texts of a subgraph are few. */
export const PREPARED_PER_CONNECTION = 256;

/**
 * A connection's `prepare` that compiles each SQL text once: the dialect prepares every
 * statement it runs, and SQLite's compiling of the picture's aggregates cost several times
 * their running. Bounded (the oldest goes). Only `all` and `run` are handed out — what the
 * dialect calls: libSQL's `get` on a reused statement can answer with an earlier row, so
 * a caller wanting it fails loudly here instead. SQLite re-prepares a statement by itself
 * when the schema changes under it.
 */
function preparedOnce(prepare: (sql: string) => LibSqlStatement): (sql: string) => LibSqlStatement {
  const prepared = new Map<string, LibSqlStatement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (!statement) {
      const native = prepare(sql) as LibSqlStatement & { raw(on: boolean): unknown };
      if (sql.startsWith(ROWS_AS_ARRAYS)) native.raw(true);
      statement = {
        all: (bindings) => native.all(bindings),
        run: (bindings) => native.run(bindings),
      };
      prepared.set(sql, statement);
      if (prepared.size > PREPARED_PER_CONNECTION) {
        const oldest = prepared.keys().next().value;
        if (oldest !== undefined) prepared.delete(oldest);
      }
    }
    return statement;
  };
}

/**
 * libSQL's knex dialect with the settings every connection needs (knex replaces a SQLite
 * connection after 10 s idle, so they are set on each new one, not once): a busy timeout,
 * WAL (readers never wait for a writer, and a writer only for the other writer), and
 * write transactions that take the write lock when they begin (`BEGIN IMMEDIATE`). A
 * deferred `BEGIN` that has read and then wants to write while another process (a bulk
 * import) holds the lock fails at once with "database is locked" — SQLite does not wait
 * there, whatever the timeout, as waiting could deadlock — where an immediate one waits
 * its turn, up to the busy timeout.
 */
class LagesbildLibSqlKnexDialect extends LibSqlKnexDialect {
  override async acquireRawConnection(this: LibSqlKnexDialect): Promise<unknown> {
    const connection = (await LibSqlKnexDialect.prototype.acquireRawConnection.call(this)) as {
      exec(sql: string): unknown;
      prepare(sql: string): LibSqlStatement;
      memory?: boolean;
    };
    connection.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!connection.memory) connection.exec('pragma journal_mode = wal');
    connection.prepare = preparedOnce(connection.prepare.bind(connection));
    return connection;
  }

  override async _query(connection: unknown, obj: { sql?: string }): Promise<unknown> {
    if (obj.sql === 'BEGIN;') obj.sql = 'BEGIN IMMEDIATE;';
    return LibSqlKnexDialect.prototype._query.call(this, connection, obj);
  }
}

class LagesbildLibSqlConnection extends LibSqlConnection {
  override createKnex(): void {
    this.client = this.createKnexClient(LagesbildLibSqlKnexDialect as never);
    this.connected = true;
  }

  override execute<T extends Resultat = EntityData<AnyEntity>[]>(
    queryOrKnex: Parameters<Execute>[0],
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    return executeBound(this, queryOrKnex, params, method, ctx, loggerContext, () =>
      super.execute<T>(queryOrKnex, params, method, ctx, loggerContext),
    );
  }
}

class LagesbildPostgreSqlConnection extends PostgreSqlConnection {
  override execute<T extends Resultat = EntityData<AnyEntity>[]>(
    queryOrKnex: Parameters<Execute>[0],
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    return executeBound(this, queryOrKnex, params, method, ctx, loggerContext, () =>
      super.execute<T>(queryOrKnex, params, method, ctx, loggerContext),
    );
  }
}

/** libSQL with bound parameters and the connection settings above. */
export class LagesbildLibSqlDriver extends AbstractSqlDriver<LagesbildLibSqlConnection> {
  constructor(config: ConstructorParameters<typeof LibSqlDriver>[0]) {
    super(config, new LibSqlPlatform(), LagesbildLibSqlConnection, ['knex', 'libsql']);
  }
}

/** PostgreSQL with bound parameters. */
export class LagesbildPostgreSqlDriver extends AbstractSqlDriver<LagesbildPostgreSqlConnection> {
  constructor(config: ConstructorParameters<typeof PostgreSqlDriver>[0]) {
    super(config, new PostgreSqlPlatform(), LagesbildPostgreSqlConnection, ['knex', 'pg']);
  }
}

/**
 * Creates a SQLite file readable by its owner only before SQLite opens it (SQLite gives a
 * new file 0644 less the umask, and its -wal and -shm the main file's mode), and narrows a
 * file created earlier with a wider mode.
 */
function sqliteFilOnlyForOwner(file: string): void {
  try {
    closeSync(openSync(file, 'wx', SQLITE_FILE_MODE));
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, SQLITE_FILE_MODE);
  } catch {
    // Not the file's owner: SQLite opens it as it is, or says why it cannot.
  }
}

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
      driver: LagesbildPostgreSqlDriver,
      clientUrl: input.databaseUrl,
      // A failed statement's error carries its SQL with placeholders, not the values.
      driverOptions: { compileSqlOnError: false },
    });
  } else {
    file = resolve(input.databaseUrl.replace(/^sqlite:(\/\/)?/i, ''));
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    sqliteFilOnlyForOwner(file);
    orm = await MikroORM.init({
      ...common,
      driver: LagesbildLibSqlDriver,
      dbName: file,
      // libSQL waits 0 ms for a lock by default: a bulk import writing while the service
      // reads the same file would fail at once with SQLITE_BUSY. Wait as SQLite's own
      // tools do instead (milliseconds).
      // A failed statement's error carries its SQL with placeholders, not the values.
      driverOptions: { connection: { timeout: SQLITE_BUSY_TIMEOUT_MS }, compileSqlOnError: false },
    });
  }
  return { orm, kind, sql, ...(file ? { file } : {}) };
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  await installRevisionTriggers(orm, orm.em.getPlatform() instanceof PostgreSqlPlatform);
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

const SQLITE_HUVUD = Buffer.from('SQLite format 3\u0000', 'latin1');

/**
 * A descriptor on the database file for reading its header, opened once and never closed:
 * closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
 * too — a readiness probe that opened and closed the file let another process take the
 * WAL for its own and the service's later writes were lost to every other reader.
 */
function huvudlasare(file: string): () => boolean {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(SQLITE_HUVUD.length);
  // False when the first 16 bytes are not SQLite's header (an empty file is a new database).
  return () => {
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return n === 0 || buffer.subarray(0, n).equals(SQLITE_HUVUD.subarray(0, n));
  };
}

export function databaseReadiness(orm: Orm): DatabaseReadiness {
  const table = orm.orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  const inode = orm.file ? statSync(orm.file).ino : undefined;
  const huvudOk = orm.file ? huvudlasare(orm.file) : () => true;
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
      // In WAL mode a query can be answered from the -wal file and the page cache without
      // reading the main file: a main file overwritten in place would pass. Its header says.
      if (!huvudOk()) {
        throw new Error(
          `Databasen svarar inte: ${orm.file} är ingen SQLite-databas (file is not a database).`,
        );
      }
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
