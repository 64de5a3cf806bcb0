import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config';
import {
  DEFAULT_QUERY_LIMITS,
  formatLimitError,
  loadExposure,
  loadQueryLimits,
  queryLimitOptions,
} from './limits';

describe('loadQueryLimits', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadQueryLimits({})).toEqual({
      maxDepth: 15,
      maxAliases: 30,
      maxCost: 100_000,
      maxTokens: 4_000,
      maxDirectives: 20,
    });
    expect(loadQueryLimits({ GATEWAY_MAX_DEPTH: '' })).toEqual(DEFAULT_QUERY_LIMITS);
  });

  it('reads every GATEWAY_MAX_* variable', () => {
    expect(
      loadQueryLimits({
        GATEWAY_MAX_DEPTH: '8',
        GATEWAY_MAX_ALIASES: '10',
        GATEWAY_MAX_COST: '50000',
        GATEWAY_MAX_TOKENS: ' 1500 ',
        GATEWAY_MAX_DIRECTIVES: '5',
      }),
    ).toEqual({ maxDepth: 8, maxAliases: 10, maxCost: 50_000, maxTokens: 1500, maxDirectives: 5 });
  });

  for (const bad of ['abc', '0', '-3', '1.5', '1e3', '0x10', '12 nivåer']) {
    it(`refuses GATEWAY_MAX_DEPTH="${bad}" with a message naming the variable`, () => {
      expect(() => loadQueryLimits({ GATEWAY_MAX_DEPTH: bad })).toThrow(
        `GATEWAY_MAX_DEPTH="${bad}" är inte ett giltigt värde: ange ett heltal från 1 till 100000000.`,
      );
    });
  }

  it('refuses a limit too large to mean anything', () => {
    expect(() => loadQueryLimits({ GATEWAY_MAX_COST: '999999999999' })).toThrow(
      'GATEWAY_MAX_COST="999999999999" är för stort: högst 100000000.',
    );
  });

  it('makes the gateway configuration refuse a bad value too', () => {
    expect(() => loadGatewayConfig({}, { GATEWAY_MAX_TOKENS: 'många' })).toThrow(
      /^GATEWAY_MAX_TOKENS="många" är inte ett giltigt värde/,
    );
    expect(loadGatewayConfig({}, { GATEWAY_MAX_ALIASES: '7' }).limits.maxAliases).toBe(7);
  });
});

describe('loadExposure', () => {
  it('keeps introspection and GraphiQL on in development (the default)', () => {
    expect(loadExposure({})).toEqual({ production: false, introspection: true, graphiql: true });
    expect(loadExposure({ NODE_ENV: 'development' }).production).toBe(false);
  });

  it('turns both off in production mode', () => {
    const off = { production: true, introspection: false, graphiql: false };
    expect(loadExposure({ NODE_ENV: 'production' })).toEqual(off);
    expect(loadExposure({ GATEWAY_PRODUCTION: 'true' })).toEqual(off);
    expect(loadExposure({ NODE_ENV: 'production', GATEWAY_PRODUCTION: 'false' }).production).toBe(
      false,
    );
  });

  it('lets each be switched on again in production', () => {
    expect(
      loadExposure({
        NODE_ENV: 'production',
        GATEWAY_INTROSPECTION: 'true',
        GATEWAY_GRAPHIQL: '1',
      }),
    ).toEqual({ production: true, introspection: true, graphiql: true });
    expect(loadExposure({ GATEWAY_GRAPHIQL: 'false' }).graphiql).toBe(false);
  });

  it('refuses a flag that is neither true nor false', () => {
    expect(() => loadExposure({ GATEWAY_PRODUCTION: 'kanske' })).toThrow(
      'GATEWAY_PRODUCTION="kanske" är inte ett giltigt värde: ange true eller false (eller 1/yes/ja/on resp. 0/no/nej/off).',
    );
    expect(() => loadExposure({ GATEWAY_INTROSPECTION: 'kanske' })).toThrow(
      /GATEWAY_INTROSPECTION/,
    );
    expect(
      loadExposure({ GATEWAY_PRODUCTION: 'on', GATEWAY_INTROSPECTION: 'on' }).introspection,
    ).toBe(true);
  });
});

describe('formatLimitError', () => {
  it("puts graphql-armor's refusals in Swedish with the same numbers", () => {
    const cases: [string, string, string][] = [
      [
        'Syntax Error: Query depth limit of 15 exceeded, found 52.',
        'Frågan är för djup (52 nivåer, högst 15).',
        'GATEWAY_MAX_DEPTH',
      ],
      [
        'Syntax Error: Aliases limit of 30 exceeded, found 1000.',
        'Frågan har för många alias (1000, högst 30).',
        'GATEWAY_MAX_ALIASES',
      ],
      [
        'Syntax Error: Query Cost limit of 100000 exceeded, found 4782161247.5.',
        'Frågan är för kostsam (kostnad 4782161248, högst 100000).',
        'GATEWAY_MAX_COST',
      ],
      [
        'Syntax Error: Directives limit of 20 exceeded, found 50.',
        'Frågan har för många direktiv (50, högst 20).',
        'GATEWAY_MAX_DIRECTIVES',
      ],
      [
        'Syntax Error: Token limit of 4000 exceeded.',
        'Frågan är för lång (fler än 4000 symboler, högst 4000).',
        'GATEWAY_MAX_TOKENS',
      ],
    ];
    for (const [english, swedish, limit] of cases) {
      expect(
        formatLimitError({ message: english, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ).toEqual({ message: swedish, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } });
    }
  });

  it('removes field suggestions, masked or not', () => {
    for (const message of [
      'Cannot query field "perio" on type "Lagesbild". Did you mean "period"?',
      'Cannot query field "perio" on type "Lagesbild".  ?',
      'Cannot query field "perio" on type "Lagesbild". [Suggestion hidden]?',
    ]) {
      expect(formatLimitError({ message }).message).toBe(
        'Fältet "perio" finns inte på typen "Lagesbild".',
      );
    }
    expect(
      formatLimitError({ message: 'Unknown argument "omrad". Did you mean "omrade"?' }).message,
    ).toBe('Unknown argument "omrad".');
    // The empty mask leaves the question mark alone after the full stop (issue 15, item 11).
    for (const [message, rest] of [
      [
        'Unknown argument "omrad" on field "Query.omrade".  ?',
        'Argumentet "omrad" finns inte på fältet "Query.omrade".',
      ],
      ['Unknown type "Lagesbil". ?', 'Typen "Lagesbil" finns inte.'],
    ]) {
      expect(formatLimitError({ message: message as string }).message).toBe(rest);
    }
  });

  it('drops stack traces and exception details, from the gateway or a subgraph', () => {
    expect(
      formatLimitError({
        message: 'Ogiltig period',
        extensions: {
          code: 'BAD_USER_INPUT',
          stacktrace: ['GraphQLError: x', '    at parse (period.ts:12:3)'],
          exception: { stacktrace: ['…'] },
        },
      }),
    ).toEqual({ message: 'Ogiltig period', extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatLimitError({ message: 'x', extensions: { stacktrace: [] } })).toEqual({
      message: 'x',
    });
  });

  it('translates the batching and introspection refusals', () => {
    expect(
      formatLimitError({
        message: 'Operation batching disabled.',
        extensions: { code: 'BAD_REQUEST' },
      }),
    ).toEqual({
      message:
        'Flera operationer i samma förfrågan (en JSON-lista) tas inte emot: skicka en operation per förfrågan.',
      extensions: { code: 'BATCHING_NOT_ALLOWED' },
    });
    expect(
      formatLimitError({
        message:
          'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type.',
      }).message,
    ).toBe('Introspektion av schemat är avstängd på den här servern.');
  });
});

describe('the default limits against the saved examples', () => {
  // The rules measure the document's shape; any schema will do for them.
  const schema = buildSchema('type Query { a: Int }');
  const { validationRules = [] } = queryLimitOptions(DEFAULT_QUERY_LIMITS, {
    production: false,
    introspection: true,
    graphiql: true,
  });
  const rules = validationRules.filter((rule) => typeof rule === 'function');

  it('lets every GraphiQL example through', async () => {
    const dir = fileURLToPath(new URL('../examples', import.meta.url));
    const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const errors = validate(schema, parse(await readFile(join(dir, file), 'utf8')), rules);
      expect({ file, errors: errors.map((e) => e.message) }).toEqual({ file, errors: [] });
    }
  });

  it('refuses a deep query', () => {
    const deep = parse(`{ a ${'{ a '.repeat(20)}${'} '.repeat(20)} }`);
    expect(validate(schema, deep, rules).map((e) => e.message)).toContain(
      'Syntax Error: Query depth limit of 15 exceeded, found 21.',
    );
  });
});
