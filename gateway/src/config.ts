import { fileURLToPath } from 'node:url';
import { type AuthConfig, isProduction, loadAuthConfig } from '@lagesbild/auth';
import {
  authSchema,
  type Env,
  environment,
  envPrefix,
  gatewaySchema,
  readEnv,
} from '@lagesbild/config';
import { CACHEBARA_OPERATIONER, GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '@lagesbild/domain';
import { loadQueryLimits, type QueryLimits } from '@lagesbild/http-kit';

export interface GatewayConfig {
  port: number;
  host: string;
  /** The composed supergraph the gateway serves; reloaded when the file changes. */
  supergraphPath: string;
  /** Subgraph URL overrides by graph name (FORVALTNING_URL=…); the supergraph's URLs otherwise. */
  subgraphUrls: Record<string, string>;
  /** The built dashboard (vite build output) served at /dashboard. */
  dashboardDir: string;
  /** Folder of saved example operations shown as GraphiQL tabs. */
  examplesDir: string;
  /** Headers passed on to the subgraphs: the caller's token and the request id. */
  forwardHeaders: readonly string[];
  /**
   * How long the gateway waits for a subgraph before naming it missing
   * (SUBGRAPH_TIMEOUT_MS): well under the dashboard's patience, so one slow partner
   * costs the council at most this, never the whole picture.
   */
  subgraphTimeoutMs: number;
  /** Per-subgraph timeouts by graph name (POLIS_TIMEOUT_MS=…); subgraphTimeoutMs otherwise. */
  subgraphTimeoutsMs: Record<string, number>;
  /**
   * Sockets kept alive to each subgraph (SUBGRAPH_CONNECTIONS): about the concurrent
   * callers times the widest level of a plan; more requests than this wait in the pool.
   */
  subgraphConnections: number;
  /**
   * Identical subgraph queries in flight at the same time, with the same token, are sent
   * once and the answer handed to each caller (SUBGRAPH_DEDUPE, on unless false). Never
   * a mutation, never across tokens, never after the answer came. Audit consequence: the
   * owning subgraph logs one read for the shared request (see README, Audit).
   */
  dedupeSubgraphQueries: boolean;
  /** How callers' tokens are verified (and, in development, signed for GraphiQL and the dashboard). */
  auth: AuthConfig;
  /** GATEWAY_MAX_DEPTH, GATEWAY_MAX_ALIASES, GATEWAY_MAX_COST, GATEWAY_MAX_TOKENS, GATEWAY_MAX_DIRECTIVES. */
  limits: QueryLimits;
  /** NODE_ENV=production / GATEWAY_PRODUCTION, GATEWAY_INTROSPECTION, GATEWAY_GRAPHIQL. */
  exposure: Exposure;
  /** The response cache for the dashboard's read-only operations (see svarscache.ts). */
  svarscache: SvarscacheConfig;
}

export interface Exposure {
  /** NODE_ENV=production or GATEWAY_PRODUCTION=true. */
  production: boolean;
  /** Schema introspection: on in development, off in production unless GATEWAY_INTROSPECTION=true. */
  introspection: boolean;
  /** GraphiQL at /graphiql: on in development, off in production unless GATEWAY_GRAPHIQL=true. */
  graphiql: boolean;
}

export interface SvarscacheConfig {
  /** GATEWAY_SVARSCACHE=false turns it off (on by default). */
  enabled: boolean;
  /** GATEWAY_SVARSCACHE_OPERATIONER: the operation names that may be cached, comma-separated. */
  operations: ReadonlySet<string>;
  /** GATEWAY_SVARSCACHE_MAX_POSTER: answers kept, least recently used dropped first. */
  maxEntries: number;
  /** GATEWAY_SVARSCACHE_MAX_MB: their JSON size together (16 MB unless set). */
  maxBytes: number;
  /** GATEWAY_SVARSCACHE_TIDSGRANS_MS: a revision check slower than this is a failed one. */
  timeoutMs: number;
}

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 3000;
export const DEFAULT_SUBGRAPH_CONNECTIONS = 64;

/**
 * The dashboard's operations (dashboard/src/queries.ts) and the report's (packages/rapport):
 * from the partner registry, so a partner's own dashboard operation is cached by its entry.
 */
export const DEFAULT_SVARSCACHE_OPERATIONS: readonly string[] = CACHEBARA_OPERATIONER;

const repoFile = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

type GatewayEnv = ReturnType<typeof readGatewayEnv>;
const readGatewayEnv = (env: Env) => readEnv(gatewaySchema(), env);

/** Production mode and what it turns off; an explicit flag wins over the mode. */
export function loadExposure(env: Env, read: GatewayEnv = readGatewayEnv(env)): Exposure {
  const production = isProduction(env);
  return {
    production,
    introspection: read.GATEWAY_INTROSPECTION ?? !production,
    graphiql: read.GATEWAY_GRAPHIQL ?? !production,
  };
}

/** The response cache's settings (GATEWAY_SVARSCACHE*). */
export function loadSvarscacheConfig(
  env: Env,
  read: GatewayEnv = readGatewayEnv(env),
): SvarscacheConfig {
  return {
    enabled: read.GATEWAY_SVARSCACHE ?? true,
    operations: new Set(read.GATEWAY_SVARSCACHE_OPERATIONER ?? DEFAULT_SVARSCACHE_OPERATIONS),
    maxEntries: read.GATEWAY_SVARSCACHE_MAX_POSTER ?? 1000,
    // Kept parsed, ≈2.5× its JSON size in the heap: 16 MB fits beside the gateway's ≈60 MB
    // under the production heap cap (scripts/prod-command.ts).
    maxBytes: (read.GATEWAY_SVARSCACHE_MAX_MB ?? 16) * 2 ** 20,
    timeoutMs: read.GATEWAY_SVARSCACHE_TIDSGRANS_MS ?? 1000,
  };
}

/**
 * Each registered subgraph's value of `<NAME>_<suffix>` (FORVALTNING_URL, POLIS_TIMEOUT_MS),
 * as a plain object by graph name: only the ones that are set.
 */
function perSubgraph<T>(read: Record<string, unknown>, suffix: string): Record<string, T> {
  const found: Record<string, T> = {};
  for (const { name } of SUBGRAPHS) {
    const value = read[`${envPrefix(name)}_${suffix}`];
    if (value !== undefined) found[name] = value as T;
  }
  return found;
}

/**
 * The one place the gateway reads its environment, by its schema (gatewaySchema in
 * @lagesbild/config): every variable is checked at once, so a typo fails the start.
 * Explicit overrides win.
 */
export function loadGatewayConfig(
  overrides: Partial<GatewayConfig> = {},
  env: Env = environment(),
): GatewayConfig {
  const read = readGatewayEnv(env);
  const { LAGESBILD_DATA_DIR } = authSchema;
  const dataDir = readEnv({ LAGESBILD_DATA_DIR }, env).LAGESBILD_DATA_DIR;
  return {
    port: overrides.port ?? read.GATEWAY_PORT ?? read.PORT ?? GATEWAY_DEFAULT_PORT,
    host: overrides.host ?? read.GATEWAY_HOST ?? '127.0.0.1',
    supergraphPath:
      overrides.supergraphPath ?? read.SUPERGRAPH_PATH ?? repoFile('schema/supergraph.graphql'),
    subgraphUrls: { ...perSubgraph<string>(read, 'URL'), ...overrides.subgraphUrls },
    dashboardDir: overrides.dashboardDir ?? read.DASHBOARD_DIR ?? repoFile('dashboard/dist'),
    examplesDir: overrides.examplesDir ?? repoFile('gateway/examples'),
    forwardHeaders: overrides.forwardHeaders ?? ['authorization', 'x-request-id'],
    auth: overrides.auth ?? loadAuthConfig(env, dataDir ?? repoFile('.data')),
    subgraphTimeoutMs:
      overrides.subgraphTimeoutMs ?? read.SUBGRAPH_TIMEOUT_MS ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
    subgraphConnections:
      overrides.subgraphConnections ?? read.SUBGRAPH_CONNECTIONS ?? DEFAULT_SUBGRAPH_CONNECTIONS,
    dedupeSubgraphQueries: overrides.dedupeSubgraphQueries ?? read.SUBGRAPH_DEDUPE ?? true,
    subgraphTimeoutsMs: {
      ...perSubgraph<number>(read, 'TIMEOUT_MS'),
      ...overrides.subgraphTimeoutsMs,
    },
    limits: overrides.limits ?? loadQueryLimits(env),
    exposure: overrides.exposure ?? loadExposure(env, read),
    svarscache: overrides.svarscache ?? loadSvarscacheConfig(env, read),
  };
}
