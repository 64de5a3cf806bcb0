import { type AuthConfig, loadAuthConfig } from '@lagesbild/auth';
import { type Env, environment, envPrefix, readEnv, subgraphSchema } from '@lagesbild/config';
import { loadSubgraphLimits, type SubgraphLimits } from './limits';

export interface SubgraphConfig {
  name: string;
  port: number;
  host: string;
  /** A PostgreSQL URL, or a SQLite file path (optionally `sqlite:` prefixed). */
  databaseUrl: string;
  /** Load the source document's data when the database has not had it yet. */
  seed: boolean;
  /** Expose GET /debug/sql (statement counter) for the tests' batching checks. */
  debugSql: boolean;
  /** Log every SQL statement. */
  logSql: boolean;
  /** The folder of the embedded default's files (SQLite, the development token secret). */
  dataDir: string;
  /** Query limits and production mode; read from the environment when not given (limits.ts). */
  limits?: SubgraphLimits;
  /** How callers' tokens are verified; read from the environment when not given. */
  auth?: AuthConfig;
}

export interface SubgraphConfigInput {
  name: string;
  defaultPort: number;
  overrides?: Partial<Omit<SubgraphConfig, 'name'>>;
  env?: Env;
  /**
   * Folder that holds the SQLite files of the embedded default (`.data/` at the top);
   * LAGESBILD_DATA_DIR moves every subgraph's files at once (the tests use a temp folder).
   */
  dataDir?: string;
}

/**
 * The one place a subgraph reads its environment, by its schema (subgraphSchema in
 * @lagesbild/config). Explicit overrides win over the service-prefixed variable
 * (FORVALTNING_PORT), which wins over the generic one (PORT).
 */
export function loadSubgraphConfig(input: SubgraphConfigInput): SubgraphConfig {
  const env = input.env ?? environment();
  const p = envPrefix(input.name);
  const read: Record<string, unknown> = readEnv(subgraphSchema(input.name), env);
  const own = <T>(name: string): T | undefined => (read[`${p}_${name}`] ?? read[name]) as T;
  const o = input.overrides ?? {};
  const dataDir =
    (read.LAGESBILD_DATA_DIR as string | undefined) ?? input.dataDir ?? `${process.cwd()}/.data`;
  return {
    name: input.name,
    port: o.port ?? own<number>('PORT') ?? input.defaultPort,
    host: o.host ?? own<string>('HOST') ?? '127.0.0.1',
    databaseUrl: o.databaseUrl ?? own<string>('DATABASE_URL') ?? `${dataDir}/${input.name}.sqlite`,
    seed: o.seed ?? own<boolean>('SEED') ?? true,
    debugSql: o.debugSql ?? own<boolean>('DEBUG_SQL') ?? false,
    logSql: o.logSql ?? own<boolean>('LOG_SQL') ?? false,
    dataDir,
    limits: o.limits ?? loadSubgraphLimits(env),
    auth: o.auth ?? loadAuthConfig(env, dataDir),
  };
}

/**
 * A subgraph's `loadConfig(overrides?, env?)`: the kit's configuration under the subgraph's
 * registry name, its port from the registry, its SQLite files under `dataDir`. Each plain
 * subgraph's config.ts is this one line; a subgraph with settings of its own wraps it.
 */
export function subgraphConfigLoader(name: string, defaultPort: number, dataDir: string) {
  return (
    overrides: Partial<Omit<SubgraphConfig, 'name'>> = {},
    env: Env = environment(),
  ): SubgraphConfig => loadSubgraphConfig({ name, defaultPort, overrides, env, dataDir });
}
