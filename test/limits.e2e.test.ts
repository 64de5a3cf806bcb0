import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLBody, ROOT, type RunningSystem, startSystem } from './support/system';

const RADET = { 'x-lagesbild-roller': 'RADET' };

/**
 * Issue 7's query limits at the gateway: abusive operations are refused with a Swedish
 * message while the gateway parses and validates them, before any subgraph is asked; the
 * council's own operations pass; production mode hides introspection and GraphiQL.
 */

/** GraphQL requests each subgraph has answered, from its own /metrics. */
async function subgraphGraphqlRequests(system: RunningSystem): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, url] of Object.entries(system.subgraphUrls)) {
    const text = await (await fetch(`${url}/metrics`)).text();
    counts[name] = text
      .split('\n')
      .filter(
        (l) => l.startsWith('lagesbild_http_requests_total{') && l.includes('route="graphql"'),
      )
      .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
  }
  return counts;
}

async function sqlStatements(system: RunningSystem): Promise<number> {
  const response = await fetch(`${system.subgraphUrls.forvaltning}/debug/sql`);
  return ((await response.json()) as { statements: number }).statements;
}

/** Runs `request` and proves that no subgraph received a GraphQL request meanwhile. */
async function withoutSubgraphs<T>(system: RunningSystem, request: () => Promise<T>): Promise<T> {
  await fetch(`${system.subgraphUrls.forvaltning}/debug/sql`, { method: 'DELETE' });
  const before = await subgraphGraphqlRequests(system);
  const result = await request();
  expect(await subgraphGraphqlRequests(system)).toEqual(before);
  expect(await sqlStatements(system)).toBe(0);
  return result;
}

const refusal = (message: string, limit: string) => ({
  message,
  extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit },
});

const lagesbild = (selection: string) =>
  `{ lagesbild(omrade: "norrmalm", period: "2016") { ${selection} } }`;

const fiveYears = `query FemAr {
  ${[2012, 2013, 2014, 2015, 2016]
    .map(
      (y) =>
        `y${y}: lagesbild(omrade: "norrmalm", period: "${y}") { klotter { perKategori { rapportor kategori antal { visning } } } }`,
    )
    .join('\n  ')}
}`;

function expectNoStackTrace(body: GraphQLBody): void {
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|exception|\.ts:\d+|at .+\(/);
}

/** One operation sent straight to a subgraph, past the gateway, with a valid token. */
async function direct(
  system: RunningSystem,
  subgraph: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${system.subgraphUrls[subgraph]}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await withToken(RADET)) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Plats { id } } }';
const platser = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ __typename: 'Plats', id: `plats-${i}` }));
const thousandAliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;

describe('query limits at the gateway (development defaults)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ FORVALTNING_DEBUG_SQL: '1' });
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('counts subgraph requests, so the refusals below prove something', async () => {
    const before = await subgraphGraphqlRequests(system);
    const { body } = await system.gql(
      lagesbild('forvaltning { incidenterAntal { visning } }'),
      undefined,
      RADET,
    );
    expect(body.errors).toBeUndefined();
    const after = await subgraphGraphqlRequests(system);
    expect(after.forvaltning).toBeGreaterThan(before.forvaltning ?? 0);
  });

  it('refuses a query 50 levels deep before any subgraph is called', async () => {
    const deep = lagesbild(`${'foregaende { '.repeat(50)}period${' }'.repeat(50)}`);
    const { status, body } = await withoutSubgraphs(system, () => system.gql(deep));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toContainEqual(
      refusal('Frågan är för djup (52 nivåer, högst 15).', 'GATEWAY_MAX_DEPTH'),
    );
    expectNoStackTrace(body);
  });

  it('refuses 1000 aliases before any subgraph is called', async () => {
    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const { status, body } = await withoutSubgraphs(system, () => system.gql(aliases));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      refusal('Frågan har för många alias (1000, högst 30).', 'GATEWAY_MAX_ALIASES'),
    ]);
  });

  it('refuses 1000 aliased subgraph fields before any subgraph is called', async () => {
    const aliases = `{ ${Array.from(
      { length: 1000 },
      (_, i) => `a${i}: lagesbild(omrade: "norrmalm", period: "2016") { period }`,
    ).join(' ')} }`;
    const { status, body } = await withoutSubgraphs(system, () => system.gql(aliases));
    expect(status).toBe(400);
    // Longer than the token limit: refused while parsing, before the alias count.
    expect(body.errors).toEqual([
      refusal('Frågan är för lång (fler än 4000 symboler, högst 4000).', 'GATEWAY_MAX_TOKENS'),
    ]);
  });

  it('refuses a 10 000-field query while parsing, before any subgraph is called', async () => {
    const wide = lagesbild('period '.repeat(10_000));
    const { status, body } = await withoutSubgraphs(system, () => system.gql(wide));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      refusal('Frågan är för lång (fler än 4000 symboler, högst 4000).', 'GATEWAY_MAX_TOKENS'),
    ]);
    expectNoStackTrace(body);
  });

  it('refuses too many directives before any subgraph is called', async () => {
    const directives = lagesbild('period @include(if: true) '.repeat(50));
    const { status, body } = await withoutSubgraphs(system, () => system.gql(directives));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      refusal('Frågan har för många direktiv (50, högst 20).', 'GATEWAY_MAX_DIRECTIVES'),
    ]);
  });

  it('refuses a costly query before any subgraph is called', async () => {
    const costly = lagesbild(
      'klotter { anmalningar(first: 10000) { totalt anmalningar { rapportor kategori plats { id namn } } } }',
    );
    const { status, body } = await withoutSubgraphs(system, () => system.gql(costly));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^Frågan är för kostsam \(kostnad \d+, högst 100000\)\.$/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'GATEWAY_MAX_COST' },
      },
    ]);
  });

  it('refuses a batched request (a JSON array) before any subgraph is called', async () => {
    const response = await withoutSubgraphs(system, async () =>
      fetch(`${system.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await withToken({})) },
        body: JSON.stringify([
          { query: lagesbild('period') },
          { query: lagesbild('forvaltning { incidenterAntal { visning } }') },
        ]),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'Flera operationer i samma förfrågan (en JSON-lista) tas inte emot: skicka en operation per förfrågan.',
          extensions: { code: 'BATCHING_NOT_ALLOWED' },
        },
      ],
    });
  });

  it('hides field suggestions and answers in Swedish', async () => {
    const { status, body } = await withoutSubgraphs(system, () => system.gql(lagesbild('perio')));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: 'Fältet "perio" finns inte på typen "Lagesbild".',
        locations: expect.any(Array),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|"period"|Suggestion/);
  });

  it('passes no stack trace on from a subgraph', async () => {
    const { body } = await system.gql(lagesbild('period'), undefined, {});
    expect(body.errors).toBeUndefined();
    const bad = await system.gql(
      '{ lagesbild(omrade: "norrmalm", period: "2016-H3") { forvaltning { incidenterAntal { visning } } } }',
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectNoStackTrace(bad.body);
  });

  it('lets every saved GraphiQL example through', async () => {
    const dir = join(ROOT, 'gateway/examples');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // As the council: the examples read free text that only cleared readers may see.
      const { status, body } = await system.gql(
        await readFile(join(dir, file), 'utf8'),
        undefined,
        {
          'x-lagesbild-roller': 'RADET',
        },
      );
      expect({ file, status, errors: body.errors }).toEqual({
        file,
        status: 200,
        errors: undefined,
      });
    }
  });

  it("lets the council's combined report (LAGESBILD_RAPPORT) through", async () => {
    const { status, body } = await system.gql(
      LAGESBILD_RAPPORT,
      { omrade: 'norrmalm', period: '2016' },
      { 'x-lagesbild-roller': 'RADET' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ lagesbild: { period: '2016' } });
  });

  it('lets a five-year comparison with aliases through', async () => {
    const { status, body } = await system.gql(fiveYears, undefined, RADET);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {})).toEqual(['y2012', 'y2013', 'y2014', 'y2015', 'y2016']);
  });

  it("answers graphql-js's errors in Swedish, the English kept for developers (item 11)", async () => {
    const syntax = await system.gql('{ lagesbild(omrade: "norrmalm", period: "2016") { period }');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors).toEqual([
      {
        message: 'Syntaxfel i frågan: väntade Name, fann <EOF>.',
        locations: expect.any(Array),
        extensions: {
          code: 'GRAPHQL_PARSE_FAILED',
          original: 'Syntax Error: Expected Name, found <EOF>.',
        },
      },
    ]);
    const missing = await system.gql(
      'query ($p: Period!) { lagesbild(omrade: "norrmalm", period: $p) { period } }',
      {},
      RADET,
    );
    expect(missing.body.errors?.[0]).toMatchObject({
      message: 'Variabeln $p (Period!) måste anges men saknas.',
      extensions: {
        code: 'BAD_USER_INPUT',
        original: 'Variable "$p" of required type "Period!" was not provided.',
      },
    });
    const argument = await system.gql('{ lagesbild(omrade: "norrmalm") { period } }', {}, RADET);
    expect(argument.body.errors?.[0]?.message).toBe(
      'Fältet "lagesbild" kräver argumentet "period" (Period!), men det saknas.',
    );
    expect(JSON.stringify([syntax, missing, argument].map((r) => r.body.errors))).not.toMatch(
      /"message":"[^"]*(Syntax Error|was not provided|is required)/,
    );
  });

  it('a subgraph called directly in development: introspection and suggestions (in Swedish), abuse limits on', async () => {
    const introspection = await direct(
      system,
      'forvaltning',
      '{ __schema { queryType { name } } }',
    );
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const typo = await direct(system, 'forvaltning', '{ omrade(id: "norrmalm") { nam } }');
    expect(typo.body.errors?.[0]?.message).toMatch(
      /^Fältet "nam" finns inte på typen "Omrade"\. Menade du .*"namn".*\?$/,
    );
    const aliases = await direct(system, 'forvaltning', thousandAliases);
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors?.[0]?.message).toBe('Frågan har för många alias (1000, högst 30).');
    const entities = await direct(system, 'forvaltning', ENTITIES, { r: platser(5000) });
    expect(entities.status).toBe(400);
    expect(entities.body.errors?.[0]?.extensions?.limit).toBe('SUBGRAPH_MAX_REPRESENTATIONS');
  });

  it('keeps introspection and GraphiQL on in development', async () => {
    const { body } = await system.gql('{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await fetch(`${system.gatewayUrl}/graphiql`)).status).toBe(200);
  });
});

describe('production mode (NODE_ENV=production)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({
      NODE_ENV: 'production',
      GATEWAY_MAX_DEPTH: '4',
      FORVALTNING_DEBUG_SQL: '1',
    });
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('refuses introspection before any subgraph is called', async () => {
    const { status, body } = await withoutSubgraphs(system, () =>
      system.gql('{ __schema { types { name } } }'),
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: 'Introspektion av schemat är avstängd på den här servern.',
        locations: expect.any(Array),
        extensions: {
          code: 'GRAPHQL_VALIDATION_FAILED',
          validationErrorCode: 'INTROSPECTION_DISABLED',
        },
      },
    ]);
  });

  describe('a subgraph called directly, past the gateway (issue 15, item 7)', () => {
    it('refuses introspection with a Swedish message', async () => {
      for (const query of [
        '{ __schema { types { name } } }',
        '{ __type(name: "Plats") { name } }',
      ]) {
        const { status, body } = await direct(system, 'forvaltning', query);
        expect(status).toBe(400);
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]).toMatchObject({
          message: 'Introspektion av schemat är avstängd på den här servern.',
          extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' },
        });
      }
    });

    it('still gives federation its SDL (`_service`), which is not introspection', async () => {
      const { body } = await direct(system, 'klotter', '{ _service { sdl } }');
      expect(body.errors).toBeUndefined();
      const service = body.data?._service as { sdl: string } | undefined;
      expect(service?.sdl).toContain('type Query');
    });

    it('gives no "Did you mean…" suggestion', async () => {
      const { status, body } = await direct(
        system,
        'forvaltning',
        '{ omrade(id: "norrmalm") { nam } }',
      );
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message).toBe('Fältet "nam" finns inte på typen "Omrade".');
      expect(JSON.stringify(body)).not.toMatch(/Did you mean|Menade du|"namn"|Suggestion/);
    });

    it('refuses 1000 aliases', async () => {
      await fetch(`${system.subgraphUrls.forvaltning}/debug/sql`, { method: 'DELETE' });
      const { status, body } = await direct(system, 'forvaltning', thousandAliases);
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        refusal('Frågan har för många alias (1000, högst 30).', 'GATEWAY_MAX_ALIASES'),
      ]);
      expect(await sqlStatements(system)).toBe(0);
    });

    it('refuses a query deeper than the limit the gateway has (GATEWAY_MAX_DEPTH=4)', async () => {
      const { status, body } = await direct(
        system,
        'forvaltning',
        '{ omrade(id: "norrmalm") { platser { omrade { platser { omrade { namn } } } } } }',
      );
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({
        message: 'Frågan är för djup (6 nivåer, högst 4).',
        extensions: { limit: 'GATEWAY_MAX_DEPTH' },
      });
    });

    it('refuses 5000 _entities representations before resolving any', async () => {
      await fetch(`${system.subgraphUrls.forvaltning}/debug/sql`, { method: 'DELETE' });
      const { status, body } = await direct(system, 'forvaltning', ENTITIES, { r: platser(5000) });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        {
          message: 'Förfrågan har för många entitetsreferenser (5000, högst 3000).',
          extensions: {
            code: 'GRAPHQL_VALIDATION_FAILED',
            limit: 'SUBGRAPH_MAX_REPRESENTATIONS',
          },
        },
      ]);
      expect(await sqlStatements(system)).toBe(0);
    });

    it('answers the batch sizes the gateway sends', async () => {
      const { body } = await direct(system, 'forvaltning', ENTITIES, { r: platser(1000) });
      expect(body.errors).toBeUndefined();
      expect(body.data?._entities).toHaveLength(1000);
    });
  });

  it('does not serve GraphiQL, nor print where it would be', async () => {
    expect((await fetch(`${system.gatewayUrl}/graphiql`)).status).toBe(404);
    expect(system.output()).not.toContain(`${system.gatewayUrl}/graphiql`);
  });

  it('still answers ordinary questions, within the configured limits', async () => {
    const { body } = await system.gql(
      lagesbild('forvaltning { incidenterAntal { visning } }'),
      undefined,
      RADET,
    );
    // Three incidents, to the council: the number.
    expect(body).toEqual({
      data: { lagesbild: { forvaltning: { incidenterAntal: { visning: '3' } } } },
    });
    // GATEWAY_MAX_DEPTH=4 reaches the running gateway: the report (depth 12, its fragments included) is refused.
    const report = await system.gql(LAGESBILD_RAPPORT, { omrade: 'norrmalm', period: '2016' });
    expect(report.body.errors).toEqual([
      refusal('Frågan är för djup (12 nivåer, högst 4).', 'GATEWAY_MAX_DEPTH'),
    ]);
  });
});

describe('production mode (GATEWAY_PRODUCTION=true): the same production', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    // The test environment sets LAGESBILD_DEV_TOKENS=true: production wins over it.
    system = await startSystem({ GATEWAY_PRODUCTION: 'true' });
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('does not serve /dev/token, nor introspection', async () => {
    expect((await fetch(`${system.gatewayUrl}/dev/token?roll=ADMIN`)).status).toBe(404);
    const { body } = await system.gql('{ __schema { queryType { name } } }');
    expect(body.errors?.[0]?.extensions?.validationErrorCode).toBe('INTROSPECTION_DISABLED');
  });
});

/** Runs a service's entry point until it exits (or 60 s), without any key configured. */
async function startWithoutKeys(entry: string, env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'lagesbild-utan-nyckel-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LAGESBILD_DATA_DIR: dataDir, ...env };
  delete childEnv.LAGESBILD_JWT_SECRET;
  delete childEnv.LAGESBILD_JWKS_URL;
  delete childEnv.LAGESBILD_JWKS_FILE;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env: childEnv });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  await rm(dataDir, { recursive: true, force: true });
  return { code, output };
}

describe('production mode without keys does not start on the development secret', () => {
  it.each([
    ['gateway', 'gateway/src/index.ts', { GATEWAY_PRODUCTION: 'true', GATEWAY_PORT: '0' }],
    ['gateway', 'gateway/src/index.ts', { NODE_ENV: 'production', GATEWAY_PORT: '0' }],
    [
      'klotter',
      'subgraphs/klotter/src/index.ts',
      { GATEWAY_PRODUCTION: 'true', KLOTTER_PORT: '0' },
    ],
  ] as const)('%s (%s, %o)', async (_name, entry, env) => {
    const { code, output } = await startWithoutKeys(entry, env);
    expect(code).toBe(1);
    expect(output).toContain(
      'Ingen nyckel för att verifiera token: sätt LAGESBILD_JWKS_URL, LAGESBILD_JWKS_FILE eller LAGESBILD_JWT_SECRET.',
    );
  });
});

describe('production mode with GATEWAY_INTROSPECTION and GATEWAY_GRAPHIQL', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({
      NODE_ENV: 'production',
      GATEWAY_INTROSPECTION: 'true',
      GATEWAY_GRAPHIQL: 'true',
    });
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('answers introspection and serves GraphiQL again', async () => {
    const { body } = await system.gql('{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await fetch(`${system.gatewayUrl}/graphiql`)).status).toBe(200);
  });
});
