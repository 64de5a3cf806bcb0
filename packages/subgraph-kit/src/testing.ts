import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig, signToken } from '@lagesbild/auth';
import { parseRoll, type Roll } from '@lagesbild/domain';
import pg from 'pg';
import type { SubgraphConfig } from './config';
import { Granskningstyp } from './granskningslogg.entity';
import { type RunningSubgraph, type SubgraphDefinition, startSubgraph } from './subgraph';

/** A throwaway database: a SQLite file, or a fresh PostgreSQL database (see below). */
export interface TestDatabase {
  /** What to pass as `databaseUrl`: a SQLite file path or a postgres:// URL. */
  file: string;
  remove(): Promise<void>;
}

/**
 * The tests run twice, the second time on PostgreSQL: the test setup starts a private
 * cluster and sets LAGESBILD_TEST_PG_URL, and the PostgreSQL pass sets
 * LAGESBILD_TEST_DB=postgresql. Each test database is then a new database in that cluster.
 */
export function testDatabaseKind(): 'sqlite' | 'postgresql' {
  return process.env.LAGESBILD_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
}

export async function createTestDatabase(name = 'subgraph'): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgresql') {
    const server = process.env.LAGESBILD_TEST_PG_URL;
    if (!server) throw new Error('LAGESBILD_TEST_DB=postgresql needs LAGESBILD_TEST_PG_URL');
    const database =
      `t_${name.replace(/[^a-z0-9]/gi, '_')}_${randomUUID().slice(0, 8)}`.toLowerCase();
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${database}`);
    const url = new URL(server);
    url.pathname = `/${database}`;
    return {
      file: url.toString(),
      remove: () => admin(`drop database if exists ${database} with (force)`),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `lagesbild-${name}-`));
  return {
    file: join(dir, `${name}.sqlite`),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GqlBody<TData> {
  data?: TData | null;
  errors?: GqlError[];
}

export interface GqlResponse<TData> {
  status: number;
  body: GqlBody<TData>;
}

export interface TestSubgraph {
  running: RunningSubgraph;
  url: string;
  graphqlUrl: string;
  /** The SQLite file in use (the caller's when it passed `databaseUrl`). */
  databaseFile: string;
  /** POSTs one operation; headers such as `x-lagesbild-roller: SAMORDNARE` set the viewer. */
  gql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<TData>>;
  /** SQL statements executed since start or the last resetSql (the in-process counter). */
  sqlStatements(): Promise<number>;
  resetSql(): Promise<void>;
  /** `select count(*)` from a table, through the ORM's connection. */
  countRows(table: string): Promise<number>;
  /** Stops the server and, unless the caller owns the database file, removes it. */
  stop(): Promise<void>;
}

export type TestSubgraphOverrides = Partial<Omit<SubgraphConfig, 'name'>>;

/**
 * Tests name the caller the way people think of them — `x-lagesbild-roller: SAMORDNARE`,
 * `x-lagesbild-skola: …`, `x-lagesbild-subjekt: …` — and this turns that into what the services accept: a signed
 * token (the secret from LAGESBILD_JWT_SECRET, which the test setup sets for every
 * process). No role header gives a token without roles: signed in, cleared for nothing. An
 * explicit `authorization` header is sent as given ('' sends none), for the tests about
 * missing, forged and expired tokens.
 */
export async function withToken(
  headers: Record<string, string> = {},
): Promise<Record<string, string>> {
  const {
    'x-lagesbild-roller': roller,
    'x-lagesbild-skola': skola,
    'x-lagesbild-subjekt': subjekt,
    authorization,
    ...rest
  } = headers;
  if (authorization !== undefined) return authorization ? { ...rest, authorization } : rest;
  const config = loadAuthConfig(process.env, tmpdir());
  const roles = (roller ?? '')
    .split(',')
    .map((r) => parseRoll(r))
    .filter((r): r is Roll => r !== undefined);
  const token = await signToken(config, {
    roller: roles,
    skolaId: skola ?? null,
    subject: subjekt ?? 'test',
  });
  return { ...rest, authorization: `Bearer ${token}` };
}

/**
 * Starts a subgraph in-process for a test: port 0 on 127.0.0.1, seeded, counting SQL, on a
 * fresh database (SQLite, or PostgreSQL in the PostgreSQL pass) that stop() removes. Pass `databaseUrl` (e.g. a createTestDatabase()
 * file) to reuse a database across a restart; the caller then owns and removes it.
 */
export async function startTestSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  overrides: TestSubgraphOverrides = {},
): Promise<TestSubgraph> {
  const owned = overrides.databaseUrl ? undefined : await createTestDatabase(definition.name);
  const databaseUrl = overrides.databaseUrl ?? (owned as TestDatabase).file;
  const config: SubgraphConfig = {
    name: definition.name,
    port: 0,
    host: '127.0.0.1',
    seed: true,
    debugSql: true,
    logSql: false,
    dataDir: tmpdir(),
    ...overrides,
    databaseUrl,
  };
  let running: RunningSubgraph;
  try {
    running = await startSubgraph(definition, config);
  } catch (error) {
    await owned?.remove();
    throw error;
  }
  const { orm } = running;

  return {
    running,
    url: running.url,
    graphqlUrl: running.graphqlUrl,
    databaseFile: databaseUrl,
    async gql<TData>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GqlResponse<TData>> {
      const res = await fetch(running.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlBody<TData> };
    },
    async sqlStatements() {
      return orm.sql.count;
    },
    async resetSql() {
      orm.sql.count = 0;
    },
    async countRows(table: string) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) {
        throw new Error(`countRows: "${table}" is not a plain table name`);
      }
      const before = orm.sql.count;
      const rows = await orm.orm.em
        .fork()
        .getConnection()
        .execute<{ n: number | string }[]>(`select count(*) as n from ${table}`);
      // A test's bookkeeping is not the subgraph's work: leave the counter as it was.
      orm.sql.count = before;
      return Number(rows[0]?.n ?? 0);
    },
    async stop() {
      try {
        await running.stop();
      } finally {
        await owned?.remove();
      }
    },
  };
}

/** A write's audit entry as the kit's own tests insert it: only `vad` tells them apart. */
export const testGranskningsrad = (vad: string) => ({
  tidpunkt: '2026-01-01T00:00:00.000Z',
  subjekt: null,
  roller: 'TEST',
  operation: 'test',
  typ: Granskningstyp.SKRIVNING,
  vad,
  requestId: null,
});
