/**
 * One schema per service: every environment variable a Lägesbild service reads, its rule
 * (env.ts) and what it does. The services' config modules read these and nothing else; the
 * README's configuration table is generated from them (`pnpm config:docs`).
 */
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS } from '@lagesbild/domain';
import { boolean, integer, list, milliseconds, port, type Schema, text } from './env';

/** The prefix of a subgraph's own variables: `forvaltning` → `FORVALTNING`. */
export const envPrefix = (name: string): string =>
  name.startsWith('<') ? name : name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

const DATA_DIR_TEXT =
  'where the SQLite files and the development token secret live (created `0700`; each file, with its `-wal` and `-shm`, `0600`: readable by its owner only, a wider file is narrowed at open). Every connection runs in WAL mode with a 5 s busy timeout and takes the write lock when a write transaction begins (`BEGIN IMMEDIATE`), so a service\'s writes wait for a bulk import\'s batch instead of failing with "database is locked"; values reach SQLite and PostgreSQL as bound parameters, never inside the SQL text';

/** Production mode and token keys: every service that verifies a caller's token. */
export const authSchema = {
  NODE_ENV: text('`production` turns production mode on (see `GATEWAY_PRODUCTION`)'),
  GATEWAY_PRODUCTION: boolean(
    'production mode for every service: keys required, no `/dev/token`, no introspection or GraphiQL',
    '`NODE_ENV=production`',
  ),
  LAGESBILD_JWKS_URL: text("the partners' identity provider: the JWKS that verifies tokens"),
  LAGESBILD_JWKS_FILE: text('a JWKS in a file, when there is no URL'),
  LAGESBILD_JWT_SECRET: text('a shared secret (at least 32 characters), when there is no JWKS'),
  LAGESBILD_JWT_ISSUER: text("the tokens' issuer (`iss`)", '`lagesbild`'),
  LAGESBILD_JWT_AUDIENCE: text("the tokens' audience (`aud`)", '`lagesbild`'),
  LAGESBILD_TOKEN_MAX_LIVSLANGD_S: integer(
    'the longest a token may live (`exp − iat`); every service refuses longer ones',
    '43200 (12 h)',
    { unit: 'sekunder' },
  ),
  LAGESBILD_DEV_TOKENS: boolean(
    'development sign-in (`/dev/token`) with a shared secret too (the tests); never in production',
    '`false`',
  ),
  LAGESBILD_DATA_DIR: text(DATA_DIR_TEXT, '`.data`'),
} satisfies Schema;

/** The query limits the gateway and every subgraph apply, and the log level. */
export const limitsSchema = {
  GATEWAY_MAX_DEPTH: integer('deepest selection nesting', '15'),
  GATEWAY_MAX_ALIASES: integer('most aliases in one operation', '30'),
  GATEWAY_MAX_COST: integer("highest estimated cost (graphql-armor's model)", '100000'),
  GATEWAY_MAX_TOKENS: integer('most lexical tokens in a document', '4000'),
  GATEWAY_MAX_DIRECTIVES: integer('most directives in one operation', '20'),
  SUBGRAPH_MAX_REPRESENTATIONS: integer(
    'most `_entities` representations in one request to a subgraph',
    '3000',
  ),
  LOG_LEVEL: text('the log level (pino)', '`info`'),
} satisfies Schema;

/** The gateway's own variables, with each registered subgraph's URL and timeout. */
export function gatewaySchema(names: readonly string[] = SUBGRAPHS.map((s) => s.name)) {
  const perSubgraph: Schema = {};
  for (const name of names) {
    const p = envPrefix(name);
    perSubgraph[`${p}_URL`] = text(
      'where the gateway finds a subgraph (`FORVALTNING_URL`, …)',
      'from the supergraph',
    );
    perSubgraph[`${p}_TIMEOUT_MS`] = milliseconds(
      "one subgraph's own deadline (`POLIS_TIMEOUT_MS`, …)",
      '`SUBGRAPH_TIMEOUT_MS`',
    );
  }
  return {
    GATEWAY_PORT: port(
      "the gateway's port (`pnpm rapport` asks it there too, unless `GATEWAY_URL` or `--gateway` says otherwise)",
      String(GATEWAY_DEFAULT_PORT),
    ),
    PORT: port("the gateway's port when `GATEWAY_PORT` is not set"),
    GATEWAY_HOST: text('the address the gateway listens on', '`127.0.0.1`'),
    SUPERGRAPH_PATH: text(
      'the composed supergraph; the gateway reloads it when it changes',
      '`schema/supergraph.graphql`',
    ),
    DASHBOARD_DIR: text('the built dashboard the gateway serves', '`dashboard/dist`'),
    SUBGRAPH_TIMEOUT_MS: milliseconds('how long the gateway waits for any subgraph', '3000'),
    SUBGRAPH_CONNECTIONS: integer(
      'sockets the gateway keeps alive to each subgraph (about concurrent callers × the widest level of a plan); more requests wait in the pool',
      '64',
    ),
    SUBGRAPH_DEDUPE: boolean(
      'identical subgraph queries in flight at the same time, with the same token, are sent once and the answer given to each caller (never a mutation; see [Audit](#audit))',
      '`true`',
    ),
    GATEWAY_INTROSPECTION: boolean('schema introspection', '`true`, `false` in production'),
    GATEWAY_GRAPHIQL: boolean('GraphiQL at `/graphiql`', '`true`, `false` in production'),
    GATEWAY_SVARSCACHE: boolean(
      "the response cache for the dashboard's read-only operations",
      '`true`',
    ),
    GATEWAY_SVARSCACHE_OPERATIONER: list(
      'operation names it may cache, comma-separated',
      "the dashboard's and the report's",
    ),
    GATEWAY_SVARSCACHE_MAX_POSTER: integer(
      'answers it keeps, least recently used dropped first',
      '1000',
    ),
    GATEWAY_SVARSCACHE_MAX_MB: integer(
      "the answers' JSON size together, in MB (parsed, about 2.5 times that in the gateway's heap, whose cap is 128 MB: scripts/prod-command.ts)",
      '16',
    ),
    GATEWAY_SVARSCACHE_TIDSGRANS_MS: milliseconds(
      'a revision check slower than this falls back to a real execution',
      '1000',
    ),
    ...perSubgraph,
  } satisfies Schema;
}

/** `<SUBGRAF>_DISKRETION_TROSKEL`: the threshold of disclosure control. */
export const DISKRETION_TROSKEL = integer(
  'counts from 1 to this reach a reader without clearance as "fåtal" (publicering: suppressed when a publication is adopted)',
  '3',
);

/**
 * A subgraph's variables: its own (`FORVALTNING_PORT`) win over the shared ones (`PORT`),
 * so one environment can start them all or each its own.
 */
export function subgraphSchema(name: string) {
  const p = envPrefix(name);
  const own = (shared: string, fallback: string) => `\`${shared}\`, else ${fallback}`;
  return {
    [`${p}_PORT`]: port("a subgraph's port", 'its registry entry (4001, 4002, …)'),
    PORT: port(`the port when \`${p}_PORT\` is not set`),
    [`${p}_HOST`]: text('the address the subgraph listens on', own('HOST', '`127.0.0.1`')),
    HOST: text('the same for every subgraph'),
    [`${p}_DATABASE_URL`]: text(
      'a SQLite path (optionally `sqlite:`-prefixed), or a `postgres://` URL',
      own('DATABASE_URL', '`<LAGESBILD_DATA_DIR>/<subgraf>.sqlite`'),
    ),
    DATABASE_URL: text('the same for every subgraph'),
    [`${p}_SEED`]: boolean("load the source document's data on first start", own('SEED', '`true`')),
    SEED: boolean('the same for every subgraph'),
    [`${p}_DEBUG_SQL`]: boolean(
      "`GET /debug/sql`, the statement counter of the tests' batching checks",
      own('DEBUG_SQL', '`false`'),
    ),
    DEBUG_SQL: boolean('the same for every subgraph'),
    [`${p}_LOG_SQL`]: boolean('log every SQL statement', own('LOG_SQL', '`false`')),
    LOG_SQL: boolean('the same for every subgraph'),
    [`${p}_DISKRETION_TROSKEL`]: DISKRETION_TROSKEL,
    LAGESBILD_DATA_DIR: authSchema.LAGESBILD_DATA_DIR,
  } satisfies Schema;
}

/** Publicering's own: where it asks the gateway for the live picture a draft captures. */
export const publiceringSchema = {
  PUBLICERING_GATEWAY_URL: text(
    'where publicering asks the gateway for the live picture (the launcher sets `LAGESBILD_GATEWAY_URL`)',
    '`LAGESBILD_GATEWAY_URL`, else `http://127.0.0.1:<GATEWAY_PORT>/graphql`',
  ),
  LAGESBILD_GATEWAY_URL: text("the gateway's GraphQL URL, as the launcher gives it"),
  GATEWAY_PORT: gatewaySchema([]).GATEWAY_PORT,
  PUBLICERING_GATEWAY_TIMEOUT_MS: milliseconds(
    "how long publicering waits for that picture; under the gateway's `PUBLICERING_TIMEOUT_MS`, raise both together",
    '2500',
  ),
} satisfies Schema;

/** The report: which Chromium prints its PDF, which gateway it asks and with what token. */
export const rapportSchema = {
  CHROMIUM_PATH: text("the Chromium that prints the report's PDF", '`/usr/bin/chromium`'),
  GATEWAY_URL: text(
    'the gateway `pnpm rapport` asks, unless `--gateway` says otherwise',
    '`LAGESBILD_GATEWAY_URL`, else `http://127.0.0.1:<GATEWAY_PORT>/graphql`',
  ),
  LAGESBILD_GATEWAY_URL: text("the gateway's GraphQL URL, as the launcher gives it"),
  GATEWAY_PORT: gatewaySchema([]).GATEWAY_PORT,
  LAGESBILD_TOKEN: text('the token `pnpm rapport` signs in with, unless `--token` gives one'),
} satisfies Schema;

/** Every service's schema, in the order the README shows them. */
export function allSchemas(): { service: string; schema: Schema }[] {
  return [
    { service: 'Every service: production mode and tokens', schema: authSchema },
    { service: 'Every service: query limits and logging', schema: limitsSchema },
    { service: 'The gateway', schema: gatewaySchema(['<SUBGRAF>']) },
    { service: 'Each subgraph', schema: subgraphSchema('<SUBGRAF>') },
    { service: 'Publicering', schema: publiceringSchema },
    { service: 'The report (`pnpm rapport`)', schema: rapportSchema },
  ];
}
