import { portFrom } from '@lagesbild/http-kit';
import type { SubgraphLimits } from './limits';

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
}

export interface SubgraphConfigInput {
  name: string;
  defaultPort: number;
  overrides?: Partial<Omit<SubgraphConfig, 'name'>>;
  env?: NodeJS.ProcessEnv;
  /**
   * Folder that holds the SQLite files of the embedded default (`.data/` at the top);
   * LAGESBILD_DATA_DIR moves every subgraph's files at once (the tests use a temp folder).
   */
  dataDir?: string;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'nej', 'off'].includes(value.toLowerCase());
}

/**
 * The one place a subgraph reads its environment. Explicit overrides win over the
 * service-prefixed variable (FORVALTNING_PORT), which wins over the generic one (PORT).
 */
export function loadSubgraphConfig(input: SubgraphConfigInput): SubgraphConfig {
  const env = input.env ?? process.env;
  const prefix = input.name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const o = input.overrides ?? {};
  const pick = (name: string) => env[`${prefix}_${name}`] ?? env[name];
  // The message names the variable that was set: FORVALTNING_PORT, or else PORT.
  const portVariable = env[`${prefix}_PORT`] !== undefined ? `${prefix}_PORT` : 'PORT';
  const port = o.port ?? portFrom(undefined, env, portVariable, input.defaultPort);
  const dataDir = env.LAGESBILD_DATA_DIR || input.dataDir || `${process.cwd()}/.data`;
  return {
    name: input.name,
    port,
    host: o.host ?? pick('HOST') ?? '127.0.0.1',
    databaseUrl: o.databaseUrl ?? pick('DATABASE_URL') ?? `${dataDir}/${input.name}.sqlite`,
    seed: o.seed ?? flag(pick('SEED'), true),
    debugSql: o.debugSql ?? flag(pick('DEBUG_SQL'), false),
    logSql: o.logSql ?? flag(pick('LOG_SQL'), false),
    dataDir,
  };
}
