import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (main) and ESM (module) without an exports map: Node loads the
// CommonJS build for type-graphql and Apollo, Vite would pick the ESM one for our sources,
// and two graphql instances fail every instanceof check. Point everything at Node's choice.
const graphqlEntry = createRequire(
  new URL('./packages/domain/package.json', import.meta.url),
).resolve('graphql');

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: graphqlEntry }],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'subgraphs/*/src/**/*.test.ts',
      'gateway/src/**/*.test.ts',
      'schema/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // Builds the dashboard once, before the browser test and the launchers need it.
    globalSetup: ['test/support/build-dashboard.ts'],
    // Real processes and databases: give them time, and keep files in separate processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
