/**
 * Query limits at the gateway (issue 7): graphql-armor's depth, alias, cost, token and
 * directive limits, field suggestions hidden, no batched HTTP requests, no stack traces,
 * and a production mode with introspection and GraphiQL off unless configured on.
 *
 * Every limit is checked while Apollo parses and validates the operation, before the
 * gateway plans it, so an abusive query never reaches a subgraph. The values and the
 * Swedish wording live in @lagesbild/http-kit, shared with the subgraphs, which check the
 * gateway's plans against the same limits.
 */
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { envFlag, isProduction } from '@lagesbild/auth';
import { armorProtection, type QueryLimits } from '@lagesbild/http-kit';

export {
  DEFAULT_QUERY_LIMITS,
  formatLimitError,
  loadQueryLimits,
  type QueryLimits,
} from '@lagesbild/http-kit';

export interface Exposure {
  /** NODE_ENV=production or GATEWAY_PRODUCTION=true. */
  production: boolean;
  /** Schema introspection: on in development, off in production unless GATEWAY_INTROSPECTION=true. */
  introspection: boolean;
  /** GraphiQL at /graphiql: on in development, off in production unless GATEWAY_GRAPHIQL=true. */
  graphiql: boolean;
}

/** Production mode and what it turns off; an explicit flag wins over the mode. */
export function loadExposure(env: NodeJS.ProcessEnv = process.env): Exposure {
  const production = isProduction(env);
  return {
    production,
    introspection: envFlag('GATEWAY_INTROSPECTION', env.GATEWAY_INTROSPECTION) ?? !production,
    graphiql: envFlag('GATEWAY_GRAPHIQL', env.GATEWAY_GRAPHIQL) ?? !production,
  };
}

/** The ApolloServer options that enforce the limits; spread into the gateway's server. */
export function queryLimitOptions<TContext extends BaseContext>(
  limits: QueryLimits,
  exposure: Exposure,
): Pick<
  ApolloServerOptions<TContext>,
  | 'validationRules'
  | 'allowBatchedHttpRequests'
  | 'includeStacktraceInErrorResponses'
  | 'introspection'
> & { plugins: ApolloServerPlugin<TContext>[] } {
  const { validationRules, plugins } = armorProtection<TContext>(limits, {
    cost: true,
    hideSuggestions: true,
  });
  return {
    validationRules,
    plugins,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: exposure.introspection,
  };
}
