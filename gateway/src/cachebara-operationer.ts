/**
 * The operations the response cache may keep answers for, when GATEWAY_SVARSCACHE_OPERATIONER
 * does not name them: the dashboard's (dashboard/src/queries.ts) and the report's
 * (packages/rapport). The one list of them in the gateway.
 *
 * To be wired: the partner registry in packages/domain exports the dashboard's cacheable
 * operation names; this constant should then be derived from it, and nothing else changes.
 */
export const DEFAULT_SVARSCACHE_OPERATIONS: readonly string[] = [
  'Omraden',
  'Dashboard',
  'DashboardHandlingsplan',
  'DashboardKlotterHistorik',
  'LagesbildRapport',
];
