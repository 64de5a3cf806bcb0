/**
 * How production starts a compiled service (`pnpm build` first): `node` with these arguments,
 * in the service's folder. One place for `pnpm start --prod` and the benchmark's `--prod`; the
 * Dockerfiles' CMD and the services' `start:prod` scripts say the same (test/kompilerad.e2e.test.ts
 * compares them).
 *
 * The gateway's heap is capped (issue 17: resident memory under 200 MB idle and level under
 * load). Its live heap is ≈60 MB after load (heap snapshots, compiled, development mode); without
 * a cap V8 lets the old generation fill with garbage to well over twice that before a full
 * collection, so RSS saw-toothed between ≈165 and ≈240 MB over 12 rounds. With 128 MB it stayed
 * at ≈165–180 MB. The response cache's default budget (GATEWAY_SVARSCACHE_MAX_MB) fits inside
 * it; a larger cache needs a larger cap here.
 */
export const GATEWAY_MAX_OLD_SPACE_MB = 128;

/** `node` arguments for the service in `dir` (relative to the repository root). */
export function prodNodeArgs(dir: string): string[] {
  const heap = dir === 'gateway' ? [`--max-old-space-size=${GATEWAY_MAX_OLD_SPACE_MB}`] : [];
  return ['--enable-source-maps', ...heap, 'dist/index.js'];
}
