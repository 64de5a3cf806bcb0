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
import { armorProtection, type QueryLimits } from '@lagesbild/http-kit';
import type { Exposure } from './config';

export {
  DEFAULT_QUERY_LIMITS,
  formatLimitError,
  loadQueryLimits,
  type QueryLimits,
} from '@lagesbild/http-kit';

export { type Exposure, loadExposure } from './config';

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
