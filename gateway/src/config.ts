import { fileURLToPath } from 'node:url';
import { type AuthConfig, loadAuthConfig } from '@lagesbild/auth';
import { portFrom } from '@lagesbild/http-kit';
import { booleanFrom, millisecondsFrom, positiveInteger } from './env';
import { type Exposure, loadExposure, loadQueryLimits, type QueryLimits } from './limits';
import { loadSvarscacheConfig, type SvarscacheConfig } from './svarscache';

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
  subgraphTimeoutsMs: Record<string, number | undefined>;
  /**
   * Sockets kept alive to each subgraph (SUBGRAPH_CONNECTIONS): about the concurrent
   * callers times the widest level of a plan; more requests than this wait in the pool.
   */
  subgraphConnections: number;
  /**
   * Identical subgraph queries in flight at the same time, with the same token, are sent
   * once and the answer handed to each caller (SUBGRAPH_DEDUPE, on unless "false"). Never
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

export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 3000;
export const DEFAULT_SUBGRAPH_CONNECTIONS = 64;

const repoFile = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The one place the gateway reads its environment; explicit overrides win. */
export function loadGatewayConfig(
  overrides: Partial<GatewayConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): GatewayConfig {
  return {
    port:
      overrides.port ??
      (env.GATEWAY_PORT !== undefined && env.GATEWAY_PORT !== ''
        ? portFrom(undefined, env, 'GATEWAY_PORT', 4000)
        : portFrom(undefined, env, 'PORT', 4000)),
    host: overrides.host ?? env.GATEWAY_HOST ?? '127.0.0.1',
    supergraphPath:
      overrides.supergraphPath ?? env.SUPERGRAPH_PATH ?? repoFile('schema/supergraph.graphql'),
    subgraphUrls: new Proxy(overrides.subgraphUrls ?? {}, {
      // FORVALTNING_URL overrides graph "forvaltning"; looked up when the graph is known.
      get: (explicit, name) =>
        typeof name === 'string' ? (explicit[name] ?? env[`${name.toUpperCase()}_URL`]) : undefined,
    }),
    dashboardDir: overrides.dashboardDir ?? env.DASHBOARD_DIR ?? repoFile('dashboard/dist'),
    examplesDir: overrides.examplesDir ?? repoFile('gateway/examples'),
    forwardHeaders: overrides.forwardHeaders ?? ['authorization', 'x-request-id'],
    auth: overrides.auth ?? loadAuthConfig(env, env.LAGESBILD_DATA_DIR || repoFile('.data')),
    subgraphTimeoutMs:
      overrides.subgraphTimeoutMs ??
      millisecondsFrom(env, 'SUBGRAPH_TIMEOUT_MS') ??
      DEFAULT_SUBGRAPH_TIMEOUT_MS,
    subgraphConnections:
      overrides.subgraphConnections ??
      positiveInteger(env, 'SUBGRAPH_CONNECTIONS') ??
      DEFAULT_SUBGRAPH_CONNECTIONS,
    dedupeSubgraphQueries:
      overrides.dedupeSubgraphQueries ?? booleanFrom(env, 'SUBGRAPH_DEDUPE') ?? true,
    subgraphTimeoutsMs: new Proxy(overrides.subgraphTimeoutsMs ?? {}, {
      // Read when the graph is known, like the URLs; a bad value fails the gateway's start.
      get: (explicit, name) =>
        typeof name === 'string'
          ? (explicit[name] ?? millisecondsFrom(env, `${name.toUpperCase()}_TIMEOUT_MS`))
          : undefined,
    }),
    limits: overrides.limits ?? loadQueryLimits(env),
    exposure: overrides.exposure ?? loadExposure(env),
    svarscache: overrides.svarscache ?? loadSvarscacheConfig(env),
  };
}
