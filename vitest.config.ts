import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (main) and ESM (module) without an exports map: Node loads the
// CommonJS build for type-graphql and Apollo, Vite would pick the ESM one for our sources,
// and two graphql instances fail every instanceof check. Point everything at Node's choice.
const graphqlEntry = createRequire(
  new URL('./packages/domain/package.json', import.meta.url),
).resolve('graphql');

/** What touches a database: run on SQLite and again on PostgreSQL. */
const DATABASE_TESTS = ['subgraphs/*/src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: graphqlEntry }],
  },
  test: {
    // Real processes and databases: give them time, and keep files in separate processes.
    pool: 'forks',
    // Two files at a time, even on two cores: an end-to-end file spends much of its time
    // waiting (services starting, timeouts on purpose, a browser), and freePort() reserves
    // each port across processes, so two systems never race for one.
    maxWorkers: 2,
    // Timeouts only catch a hang: speed is the bench's business, never a test's, and on a
    // shared two-core machine a slow minute is not a failure.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Builds the dashboard once, before the browser test and the launchers need it; starts
    // the PostgreSQL test cluster.
    // Every process a test starts signs and verifies tokens with this secret.
    env: {
      LAGESBILD_JWT_SECRET: 'lagesbild-testhemlighet-endast-for-tester-0123456789',
      LAGESBILD_DEV_TOKENS: 'true',
      // The same for the deadlines between services: the production defaults (3 s for a
      // subgraph at the gateway, 2.5 s for publicering's capture of the live picture) are
      // missed on a busy shared machine, and a test then fails on speed. The tests of those
      // deadlines set their own (kallor, dedupe, publicering's unit tests).
      SUBGRAPH_TIMEOUT_MS: '30000',
      PUBLICERING_GATEWAY_TIMEOUT_MS: '25000',
    },
    globalSetup: ['test/support/build-dashboard.ts', 'test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [
            'packages/*/src/**/*.test.ts',
            'gateway/src/**/*.test.ts',
            'schema/**/*.test.ts',
            ...DATABASE_TESTS,
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgresql',
          include: DATABASE_TESTS,
          // The page, the gateway's limits, its handling of missing sources and its sharing of
          // identical subgraph requests, who may read and call what (GraphQL and REST: the
          // subgraphs' own tests check their rules on both databases), the meeting report's
          // rendering, SQLite's locking under concurrent writes, the gateway's batching of
          // subgraph requests and the compiled production start do not depend on the
          // subgraphs' database: once is enough.
          exclude: [
            ...configDefaults.exclude,
            'test/dashboard.e2e.test.ts',
            'test/publicering-dashboard.e2e.test.ts',
            'test/limits.e2e.test.ts',
            'test/kallor.e2e.test.ts',
            'test/dedupe.e2e.test.ts',
            'test/behorighet.e2e.test.ts',
            'test/rest-behorighet.e2e.test.ts',
            'test/rapport.e2e.test.ts',
            'test/publicering-rapport.e2e.test.ts',
            'test/import-samtidigt.e2e.test.ts',
            'test/readme.test.ts',
            'test/batchning.e2e.test.ts',
            'test/kompilerad.e2e.test.ts',
          ],
          env: { LAGESBILD_TEST_DB: 'postgresql' },
        },
      },
    ],
  },
});
