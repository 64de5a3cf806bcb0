import { fileURLToPath } from 'node:url';
import { portFrom } from '@lagesbild/http-kit';
import { type Exposure, loadExposure, loadQueryLimits, type QueryLimits } from './limits';

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
  /** Headers passed on to the subgraphs (the viewer's identity). */
  forwardHeaders: readonly string[];
  // --- query limits and production mode (issue 7; see limits.ts) ---
  /** GATEWAY_MAX_DEPTH, GATEWAY_MAX_ALIASES, GATEWAY_MAX_COST, GATEWAY_MAX_TOKENS, GATEWAY_MAX_DIRECTIVES. */
  limits: QueryLimits;
  /** NODE_ENV=production / GATEWAY_PRODUCTION, GATEWAY_INTROSPECTION, GATEWAY_GRAPHIQL. */
  exposure: Exposure;
  // --- end query limits ---
}

const repoFile = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The one place the gateway reads its environment; explicit overrides win. */
export function loadGatewayConfig(
  overrides: Partial<GatewayConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): GatewayConfig {
  return {
    port: overrides.port ?? portFrom(undefined, { P: env.GATEWAY_PORT ?? env.PORT }, 'P', 4000),
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
    forwardHeaders: overrides.forwardHeaders ?? [
      'authorization',
      'x-lagesbild-roller',
      'x-lagesbild-subjekt',
      'x-lagesbild-skola',
      'x-request-id',
    ],
    // --- query limits and production mode (issue 7) ---
    limits: overrides.limits ?? loadQueryLimits(env),
    exposure: overrides.exposure ?? loadExposure(env),
    // --- end query limits ---
  };
}
