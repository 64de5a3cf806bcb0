import { ensureDashboardBuilt } from '../../scripts/dashboard-build';

/**
 * Vitest global setup: the browser test needs dashboard/dist, and every launcher the tests
 * start would otherwise race to build it at once. Built once here, when missing or stale.
 */
export async function setup(): Promise<void> {
  await ensureDashboardBuilt((line) => console.log(`[test setup] ${line}`));
}
