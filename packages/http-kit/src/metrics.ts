import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per process: the service's own figures on GET /metrics. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'lagesbild_process_' });

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequests = new Counter({
  name: 'lagesbild_http_requests_total',
  help: 'HTTP requests by service, route and status.',
  labelNames: ['service', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'lagesbild_http_request_duration_seconds',
  help: 'HTTP request latency by service and route.',
  labelNames: ['service', 'route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const graphqlOperations = new Counter({
  name: 'lagesbild_graphql_operations_total',
  help: 'GraphQL operations by service, operation name and outcome (ok, error).',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'lagesbild_graphql_operation_duration_seconds',
  help: 'GraphQL operation latency by service and operation name.',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'lagesbild_graphql_errors_total',
  help: 'GraphQL errors by service, operation name and code.',
  labelNames: ['service', 'operation', 'code'] as const,
  registers: [registry],
});

const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();

/**
 * Operation names come from clients; a label per arbitrary name would grow without bound,
 * so only well-formed names, and only the first few hundred, get their own series.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(name);
  return name;
}

/** Counts operations, their latency and their errors by code. */
export function metricsPlugin<TContext extends BaseContext>(
  service: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const end = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = operationLabel(operationName);
          const seconds = Number(process.hrtime.bigint() - end) / 1e9;
          graphqlDuration.observe({ service, operation }, seconds);
          graphqlOperations.inc({ service, operation, outcome: errors?.length ? 'error' : 'ok' });
          for (const error of errors ?? []) {
            const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            graphqlErrors.inc({ service, operation, code });
          }
        },
      };
    },
  };
}
