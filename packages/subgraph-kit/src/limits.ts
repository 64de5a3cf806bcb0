/**
 * The limits a subgraph applies itself (issue 15, item 7): it is reachable without the
 * gateway — partners run it in their own networks — so it checks the same depth, alias,
 * token and directive limits as the gateway (the shared values in @lagesbild/http-kit),
 * caps the `_entities` representations one request may carry, and in production mode
 * refuses introspection and hides "Did you mean …?". Federation's `_service { sdl }` is
 * not introspection and keeps working (the gateway itself reads the committed supergraph).
 */
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isProduction } from '@lagesbild/auth';
import type { Env } from '@lagesbild/config';
import {
  armorProtection,
  loadMaxRepresentations,
  loadQueryLimits,
  type QueryLimits,
  REPRESENTATIONS_VARIABLE,
} from '@lagesbild/http-kit';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface SubgraphLimits {
  limits: QueryLimits;
  /** The most `_entities` representations in one request (SUBGRAPH_MAX_REPRESENTATIONS). */
  maxRepresentations: number;
  /** NODE_ENV=production / GATEWAY_PRODUCTION: no introspection, no suggestions. */
  production: boolean;
}

export function loadSubgraphLimits(env: Env): SubgraphLimits {
  return {
    limits: loadQueryLimits(env),
    maxRepresentations: loadMaxRepresentations(env),
    production: isProduction(env),
  };
}

/**
 * How many representations the operation's `_entities` fields carry, inline or through a
 * variable, summed over every `_entities` (an alias each) at the root, through fragments.
 */
export function countRepresentations(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const seen = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) {
          seen.add(name);
          total += count(fragment.selectionSet);
        }
      } else if (selection.name.value === '_entities') {
        const argument = selection.arguments?.find((a) => a.name.value === 'representations');
        const value = argument?.value;
        if (value?.kind === Kind.LIST) total += value.values.length;
        else if (value?.kind === Kind.VARIABLE) {
          const given = variables?.[value.name.value];
          total += Array.isArray(given) ? given.length : 1;
        } else if (value) total += 1;
      }
    }
    return total;
  };
  return count(operation.selectionSet);
}

/** Refuses, before anything is resolved, a request with more representations than allowed. */
export function representationLimitPlugin<TContext extends BaseContext>(
  max: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const found = countRepresentations(operation, document, request.variables);
          if (found <= max) return;
          throw new GraphQLError(
            `Förfrågan har för många entitetsreferenser (${found}, högst ${max}).`,
            {
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                limit: REPRESENTATIONS_VARIABLE,
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}

/** The ApolloServer options for a subgraph's limits; spread into its server. */
export function subgraphLimitOptions<TContext extends BaseContext>(
  config: SubgraphLimits,
): Pick<ApolloServerOptions<TContext>, 'validationRules' | 'introspection'> & {
  plugins: ApolloServerPlugin<TContext>[];
} {
  const { validationRules, plugins } = armorProtection<TContext>(config.limits, {
    // The gateway judges the cost of the whole operation; a subgraph sees only its part of
    // the plan, and an operator's higher GATEWAY_MAX_COST must not be refused here.
    cost: false,
    hideSuggestions: config.production,
  });
  return {
    validationRules,
    introspection: !config.production,
    plugins: [...plugins, representationLimitPlugin<TContext>(config.maxRepresentations)],
  };
}
