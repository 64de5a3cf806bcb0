/**
 * Query limits at the gateway (issue 7): graphql-armor's depth, alias, cost, token and
 * directive limits, field suggestions hidden, no batched HTTP requests, no stack traces,
 * and a production mode with introspection and GraphiQL off unless configured on.
 *
 * Every limit is checked while Apollo parses and validates the operation, before the
 * gateway plans it, so an abusive query never reaches a subgraph.
 */
import {
  type ApolloServerOptions,
  type ApolloServerPlugin,
  type BaseContext,
  HeaderMap,
} from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { envFlag, isProduction } from '@lagesbild/auth';
import type { GraphQLFormattedError } from 'graphql';

export interface QueryLimits {
  /** Deepest selection nesting (GATEWAY_MAX_DEPTH). */
  maxDepth: number;
  /** Most aliases in one operation (GATEWAY_MAX_ALIASES). */
  maxAliases: number;
  /** Highest estimated cost, graphql-armor's model (GATEWAY_MAX_COST). */
  maxCost: number;
  /** Most lexical tokens in the document, checked while parsing (GATEWAY_MAX_TOKENS). */
  maxTokens: number;
  /** Most directives in one operation (GATEWAY_MAX_DIRECTIVES). */
  maxDirectives: number;
}

/**
 * Measured on the saved GraphiQL examples and the council's LAGESBILD_RAPPORT (the biggest
 * legitimate operation): depth 12 (each partner's section and its longer period's `grovre`
 * through fragments), 5 aliases (a five-year comparison), cost ≈49 300 (its
 * `anmalningar(first: 500)` multiplies that branch by 500), ≈530 tokens, no directives.
 * Each default but depth leaves at least twice that room and still refuses abuse; depth 15
 * leaves three levels above the report and still refuses the deep nesting abuse relies on. Tokens are
 * only the parser's guard (the other limits judge the shape): 4000 cuts a 10 000-field
 * document off while parsing, yet lets a 1000-alias query through to the alias limit,
 * whose message says what is wrong.
 */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = {
  maxDepth: 15,
  maxAliases: 30,
  maxCost: 100_000,
  maxTokens: 4_000,
  maxDirectives: 20,
};

const LIMIT_VARIABLES: Record<keyof QueryLimits, string> = {
  maxDepth: 'GATEWAY_MAX_DEPTH',
  maxAliases: 'GATEWAY_MAX_ALIASES',
  maxCost: 'GATEWAY_MAX_COST',
  maxTokens: 'GATEWAY_MAX_TOKENS',
  maxDirectives: 'GATEWAY_MAX_DIRECTIVES',
};

const LARGEST_LIMIT = 100_000_000;

function positiveInteger(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(
      `${variable}="${raw}" är inte ett giltigt värde: ange ett heltal från 1 till ${LARGEST_LIMIT}.`,
    );
  }
  if (value > LARGEST_LIMIT) {
    throw new Error(`${variable}="${raw}" är för stort: högst ${LARGEST_LIMIT}.`);
  }
  return value;
}

/** Reads GATEWAY_MAX_*; unset means the default, anything but a positive integer is refused. */
export function loadQueryLimits(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limits = { ...DEFAULT_QUERY_LIMITS };
  for (const key of Object.keys(LIMIT_VARIABLES) as (keyof QueryLimits)[]) {
    const variable = LIMIT_VARIABLES[key];
    limits[key] = positiveInteger(variable, env[variable], DEFAULT_QUERY_LIMITS[key]);
  }
  return limits;
}

export interface Exposure {
  /** NODE_ENV=production or GATEWAY_PRODUCTION=true. */
  production: boolean;
  /** Schema introspection: on in development, off in production unless GATEWAY_INTROSPECTION=true. */
  introspection: boolean;
  /** GraphiQL at /graphiql: on in development, off in production unless GATEWAY_GRAPHIQL=true. */
  graphiql: boolean;
}

/** Production mode and what it turns off; an explicit flag wins over the mode. */
export function loadExposure(env: NodeJS.ProcessEnv = process.env): Exposure {
  const production = isProduction(env);
  return {
    production,
    introspection: envFlag('GATEWAY_INTROSPECTION', env.GATEWAY_INTROSPECTION) ?? !production,
    graphiql: envFlag('GATEWAY_GRAPHIQL', env.GATEWAY_GRAPHIQL) ?? !production,
  };
}

/** Errors graphql-armor's token limit raised while parsing. */
const tokenRefusals = new WeakSet<Error>();

/**
 * A plugin that throws from unexpectedErrorProcessingRequest makes Apollo answer with that
 * error (and its extensions.http status) instead of "Internal server error".
 */
const tokenRefusalPlugin: ApolloServerPlugin = {
  async unexpectedErrorProcessingRequest({ error }) {
    if (tokenRefusals.has(error)) throw error;
  },
};

/** The ApolloServer options that enforce the limits; spread into the gateway's server. */
export function queryLimitOptions<TContext extends BaseContext>(
  limits: QueryLimits,
  exposure: Exposure,
): Pick<
  ApolloServerOptions<TContext>,
  | 'validationRules'
  | 'allowBatchedHttpRequests'
  | 'includeStacktraceInErrorResponses'
  | 'introspection'
> & { plugins: ApolloServerPlugin<TContext>[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true },
    // Armor lets aliased __typename through uncounted; a thousand of them is abuse too.
    maxAliases: { n: limits.maxAliases, exposeLimits: true, allowList: [] },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    maxTokens: {
      n: limits.maxTokens,
      exposeLimits: true,
      // Armor's Apollo plugin throws this from parsingDidStart, which Apollo treats as an
      // unexpected error (HTTP 500, "Internal server error"); it is the caller's fault, so
      // the error is marked here and passed on as a 400 by tokenRefusalPlugin.
      onReject: [
        (_context, error) => {
          Object.assign(error.extensions, {
            code: 'GRAPHQL_VALIDATION_FAILED',
            http: { status: 400, headers: new HeaderMap() },
          });
          tokenRefusals.add(error);
        },
      ],
    },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    blockFieldSuggestion: { enabled: true, mask: '' },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    validationRules,
    // The token plugin's own unexpectedErrorProcessingRequest turns every unexpected error,
    // a crash included, into a client-facing GraphQLError (code GRAPHQL_VALIDATION_FAILED,
    // HTTP 500, the error's text as message); only the token refusal should be shown.
    plugins: [
      ...plugins.map(
        ({ unexpectedErrorProcessingRequest: _everyError, ...plugin }) =>
          plugin as ApolloServerPlugin<TContext>,
      ),
      tokenRefusalPlugin as ApolloServerPlugin<TContext>,
    ],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: exposure.introspection,
  };
}

interface Translation {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
  code?: string;
  limit?: keyof QueryLimits;
}

const whole = (n: string) => String(Math.ceil(Number(n)));

/** graphql-armor's and Apollo's English messages, in Swedish with the same numbers. */
const TRANSLATIONS: Translation[] = [
  {
    pattern: /Query depth limit of (\d+) exceeded, found (\d+)\./,
    message: (m) => `Frågan är för djup (${m[2]} nivåer, högst ${m[1]}).`,
    limit: 'maxDepth',
  },
  {
    pattern: /Aliases limit of (\d+) exceeded, found (\d+)\./,
    message: (m) => `Frågan har för många alias (${m[2]}, högst ${m[1]}).`,
    limit: 'maxAliases',
  },
  {
    pattern: /Query Cost limit of ([\d.]+) exceeded, found ([\d.e+]+)\./,
    message: (m) => `Frågan är för kostsam (kostnad ${whole(m[2] ?? '')}, högst ${m[1]}).`,
    limit: 'maxCost',
  },
  {
    pattern: /Directives limit of (\d+) exceeded, found (\d+)\./,
    message: (m) => `Frågan har för många direktiv (${m[2]}, högst ${m[1]}).`,
    limit: 'maxDirectives',
  },
  {
    pattern: /Token limit of (\d+) exceeded\./,
    message: (m) => `Frågan är för lång (fler än ${m[1]} symboler, högst ${m[1]}).`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'maxTokens',
  },
  {
    pattern: /^Operation batching disabled\.$/,
    message: () =>
      'Flera operationer i samma förfrågan (en JSON-lista) tas inte emot: skicka en operation per förfrågan.',
    code: 'BATCHING_NOT_ALLOWED',
  },
  {
    pattern: /^GraphQL introspection is not allowed/,
    // Apollo's code (GRAPHQL_VALIDATION_FAILED) and validationErrorCode (INTROSPECTION_DISABLED) stay.
    message: () => 'Introspektion av schemat är avstängd på den här servern.',
  },
  {
    pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    message: (m) => `Fältet "${m[1]}" finns inte på typen "${m[2]}".`,
  },
];

/**
 * Whatever is left of a "Did you mean …?" after graphql-armor masks it, or all of it: with
 * the empty mask only its question mark stays, after the sentence's full stop (`". ?"`).
 */
const SUGGESTION = /\s*(Did you mean [^?]*\?|\[Suggestion hidden\])\s*\??|(?<=\.)\s+\?$/g;

/**
 * The gateway's formatError for the limits: Swedish messages for the refusals, no field
 * suggestions, and no stack trace or exception detail, whether the error is the gateway's
 * own or passed on from a subgraph.
 */
export function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const {
    stacktrace: _stacktrace,
    exception: _exception,
    ...extensions
  } = {
    ...formatted.extensions,
  } as Record<string, unknown>;
  let message = formatted.message.replace(SUGGESTION, '').trimEnd();
  for (const t of TRANSLATIONS) {
    const match = t.pattern.exec(message);
    if (!match) continue;
    message = t.message(match);
    if (t.code) extensions.code = t.code;
    if (t.limit) extensions.limit = LIMIT_VARIABLES[t.limit];
    break;
  }
  const result: GraphQLFormattedError = { ...formatted, message };
  if (Object.keys(extensions).length > 0) return { ...result, extensions };
  const { extensions: _dropped, ...withoutExtensions } = result;
  return withoutExtensions;
}
