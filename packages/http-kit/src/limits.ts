/**
 * The query limits every GraphQL service applies — the gateway and, behind it, each
 * subgraph (issue 7 and issue 15, item 7): graphql-armor's depth, alias, cost, token and
 * directive limits with one set of values, and the Swedish wording of their refusals and
 * of graphql-js's own validation and parse errors (issue 15, item 11).
 *
 * The subgraphs read the same GATEWAY_MAX_* variables as the gateway, so an operator who
 * raises a limit for the council's operations raises it where the gateway's plans for them
 * are checked again: a subgraph fetch is a part of the operation the gateway accepted, never
 * deeper, with no more aliases or directives.
 */
import { type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type Env, limitsSchema, readEnv } from '@lagesbild/config';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';

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

export const LIMIT_VARIABLES = {
  maxDepth: 'GATEWAY_MAX_DEPTH',
  maxAliases: 'GATEWAY_MAX_ALIASES',
  maxCost: 'GATEWAY_MAX_COST',
  maxTokens: 'GATEWAY_MAX_TOKENS',
  maxDirectives: 'GATEWAY_MAX_DIRECTIVES',
} as const satisfies Record<keyof QueryLimits, keyof typeof limitsSchema>;

/**
 * The most `_entities` representations one request to a subgraph may carry
 * (SUBGRAPH_MAX_REPRESENTATIONS). The gateway sends one representation per distinct entity
 * at a level of its plan; the largest batch measured — the whole picture with 1000 of
 * everything and 500-row klotter pages (test/sql-per-request), every subgraph request
 * counted — was 1000 (then 500, 10, 6, …). Three times that leaves room for an area larger
 * than the test's, and refuses only what no plan of the council's sends.
 */
export const DEFAULT_MAX_REPRESENTATIONS = 3_000;
export const REPRESENTATIONS_VARIABLE = 'SUBGRAPH_MAX_REPRESENTATIONS' as const;

/** Reads GATEWAY_MAX_*; unset means the default, anything but a positive integer is refused. */
export function loadQueryLimits(env: Env): QueryLimits {
  const read = readEnv(limitsSchema, env);
  const limits = { ...DEFAULT_QUERY_LIMITS };
  for (const key of Object.keys(LIMIT_VARIABLES) as (keyof QueryLimits)[]) {
    limits[key] = read[LIMIT_VARIABLES[key]] ?? DEFAULT_QUERY_LIMITS[key];
  }
  return limits;
}

/** Reads SUBGRAPH_MAX_REPRESENTATIONS (default DEFAULT_MAX_REPRESENTATIONS). */
export function loadMaxRepresentations(env: Env): number {
  return readEnv(limitsSchema, env)[REPRESENTATIONS_VARIABLE] ?? DEFAULT_MAX_REPRESENTATIONS;
}

export interface ArmorChoices {
  /** Apply the cost limit (the gateway: it sees the whole operation; a subgraph a part). */
  cost: boolean;
  /** Mask graphql-js's "Did you mean …?" (always at the gateway; subgraphs in production). */
  hideSuggestions: boolean;
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

/**
 * Armor's token plugin parses the document itself in parsingDidStart, so a plain syntax
 * error (`{ a {`) was thrown from there: an unexpected error, HTTP 500. Only its token
 * refusal is passed on; any other parse error is left to Apollo's own parse, which follows
 * and answers it as GRAPHQL_PARSE_FAILED with HTTP 400.
 */
function parseErrorsToApollo<TContext extends BaseContext>(
  plugin: ApolloServerPlugin<TContext>,
): ApolloServerPlugin<TContext> {
  const requestDidStart = plugin.requestDidStart?.bind(plugin);
  if (!requestDidStart) return plugin;
  return {
    ...plugin,
    async requestDidStart(requestContext) {
      const listener = await requestDidStart(requestContext);
      const parsingDidStart = listener?.parsingDidStart?.bind(listener);
      if (!listener || !parsingDidStart) return listener;
      return {
        ...listener,
        async parsingDidStart(parsingContext) {
          try {
            return await parsingDidStart(parsingContext);
          } catch (error) {
            if (error instanceof Error && tokenRefusals.has(error)) throw error;
            return undefined;
          }
        },
      };
    },
  };
}

/**
 * graphql-armor's validation rules and Apollo plugins for the limits. Every limit is
 * checked while Apollo parses and validates the operation, before anything runs.
 */
export function armorProtection<TContext extends BaseContext>(
  limits: QueryLimits,
  choices: ArmorChoices,
): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin<TContext>[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true },
    // Armor lets aliased __typename through uncounted; a thousand of them is abuse too.
    maxAliases: { n: limits.maxAliases, exposeLimits: true, allowList: [] },
    costLimit: { enabled: choices.cost, maxCost: limits.maxCost, exposeLimits: true },
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
    blockFieldSuggestion: { enabled: choices.hideSuggestions, mask: '' },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    validationRules: validationRules as ValidationRule[],
    // The token plugin's own unexpectedErrorProcessingRequest turns every unexpected error,
    // a crash included, into a client-facing GraphQLError (code GRAPHQL_VALIDATION_FAILED,
    // HTTP 500, the error's text as message); only the token refusal should be shown.
    plugins: [
      ...plugins.map(({ unexpectedErrorProcessingRequest: _everyError, ...plugin }) =>
        parseErrorsToApollo(plugin as ApolloServerPlugin<TContext>),
      ),
      tokenRefusalPlugin as ApolloServerPlugin<TContext>,
    ],
  };
}

interface Translation {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
  code?: string;
  limit?: keyof QueryLimits;
  /** graphql-js's own wording: kept in extensions.original for developers. */
  keepOriginal?: boolean;
  /** The Swedish message already says what graphql-js's "Did you mean" would. */
  suggests?: boolean;
}

const whole = (n: string) => String(Math.ceil(Number(n)));

/** The rest of a graphql-js sentence, in Swedish where it is one of the common ones. */
function detail(text: string): string {
  for (const t of DETAILS) {
    const match = t.pattern.exec(text);
    if (match) return t.message(match);
  }
  return text;
}

/** Phrases graphql-js ends its parse and value errors with. */
const DETAILS: Translation[] = [
  { pattern: /^Expected (.+), found (.+)\.$/, message: (m) => `väntade ${m[1]}, fann ${m[2]}.` },
  { pattern: /^Unexpected (.+)\.$/, message: (m) => `oväntat ${m[1]}.` },
  { pattern: /^Unterminated string\.$/, message: () => 'strängen avslutas inte.' },
  { pattern: /^Invalid character (.+)\.$/, message: (m) => `ogiltigt tecken ${m[1]}.` },
  {
    pattern: /^Expected type "([^"]+)"\.\s*(.*)$/,
    message: (m) => `väntade typen "${m[1]}".${m[2] ? ` ${detail(m[2])}` : ''}`,
  },
  {
    pattern: /^Field "([^"]+)" of required type "([^"]+)" was not provided\.$/,
    message: (m) => `fältet "${m[1]}" (${m[2]}) saknas.`,
  },
  {
    pattern: /^Field "([^"]+)" is not defined by type "([^"]+)"\.$/,
    message: (m) => `fältet "${m[1]}" finns inte i "${m[2]}".`,
  },
  {
    pattern: /^Expected non-nullable type "([^"]+)" not to be null\.$/,
    message: (m) => `"${m[1]}" får inte vara null.`,
  },
  {
    pattern:
      /^(Int|Float|String|Boolean|ID) cannot represent (?:a )?non[- ](?:integer|numeric|string|boolean)? ?value: (.+)$/,
    message: (m) => `${m[1]} kan inte vara ${m[2]}.`,
  },
  {
    pattern: /^Value "([^"]+)" does not exist in "([^"]+)" enum\.$/,
    message: (m) => `värdet "${m[1]}" finns inte i uppräkningen "${m[2]}".`,
  },
];

/** graphql-armor's, Apollo's and graphql-js's English messages, in Swedish with the same numbers. */
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
  // --- graphql-js (issue 15, item 11): the council reads Swedish ---
  {
    pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    message: (m) => `Fältet "${m[1]}" finns inte på typen "${m[2]}".`,
  },
  {
    pattern: /^Syntax Error: (.*)$/s,
    message: (m) => `Syntaxfel i frågan: ${detail(m[1] ?? '')}`,
    keepOriginal: true,
  },
  {
    pattern: /^Variable "(\$[^"]+)" of required type "([^"]+)" was not provided\.$/,
    message: (m) => `Variabeln ${m[1]} (${m[2]}) måste anges men saknas.`,
    keepOriginal: true,
  },
  {
    pattern: /^Variable "(\$[^"]+)" of non-null type "([^"]+)" must not be null\.$/,
    message: (m) => `Variabeln ${m[1]} (${m[2]}) får inte vara null.`,
    keepOriginal: true,
  },
  {
    pattern: /^Variable "(\$[^"]+)" got invalid value (.*?); (.*)$/s,
    message: (m) => `Variabeln ${m[1]} har ett ogiltigt värde ${m[2]}: ${detail(m[3] ?? '')}`,
    keepOriginal: true,
  },
  {
    pattern: /^Variable "(\$[^"]+)" is not defined(?: by operation "([^"]+)")?\.$/,
    message: (m) => `Variabeln ${m[1]} används men deklareras inte i operationen.`,
    keepOriginal: true,
  },
  {
    pattern: /^Variable "(\$[^"]+)" is never used(?: in operation "([^"]+)")?\.$/,
    message: (m) => `Variabeln ${m[1]} deklareras men används inte.`,
    keepOriginal: true,
  },
  {
    pattern: /^Unknown argument "([^"]+)" on field "([^"]+)"\.$/,
    message: (m) => `Argumentet "${m[1]}" finns inte på fältet "${m[2]}".`,
    keepOriginal: true,
  },
  {
    pattern:
      /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/,
    message: (m) => `Fältet "${m[1]}" kräver argumentet "${m[2]}" (${m[3]}), men det saknas.`,
    keepOriginal: true,
  },
  {
    pattern: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./,
    message: (m) => `Fältet "${m[1]}" (${m[2]}) måste ha underfält, t.ex. ${m[1]} { … }.`,
    keepOriginal: true,
    suggests: true,
  },
  {
    pattern: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.$/,
    message: (m) => `Fältet "${m[1]}" (${m[2]}) har inga underfält att välja.`,
    keepOriginal: true,
  },
  {
    pattern: /^Expected value of type "([^"]+)", found (.+?)(?:; (.*))?$/s,
    message: (m) => `Värdet ${m[2]} har inte typen "${m[1]}"${m[3] ? `: ${detail(m[3])}` : '.'}`,
    keepOriginal: true,
  },
  {
    pattern: /^Unknown type "([^"]+)"\.$/,
    message: (m) => `Typen "${m[1]}" finns inte.`,
    keepOriginal: true,
  },
  {
    pattern: /^Unknown fragment "([^"]+)"\.$/,
    message: (m) => `Fragmentet "${m[1]}" finns inte i frågan.`,
    keepOriginal: true,
  },
  {
    pattern: /^Fragment "([^"]+)" is never used\.$/,
    message: (m) => `Fragmentet "${m[1]}" används inte.`,
    keepOriginal: true,
  },
  {
    pattern: /^Must provide operation name if query contains multiple operations\.$/,
    message: () => 'Frågan har flera operationer: ange vilken med operationName.',
    keepOriginal: true,
  },
  {
    pattern: /^Unknown operation named "([^"]+)"\.$/,
    message: (m) => `Operationen "${m[1]}" finns inte i frågan.`,
    keepOriginal: true,
  },
  {
    pattern: /^There can be only one operation named "([^"]+)"\.$/,
    message: (m) => `Det finns flera operationer som heter "${m[1]}".`,
    keepOriginal: true,
  },
  {
    pattern: /^GraphQL operations must contain a non-empty `query`/,
    message: () => 'Förfrågan saknar en fråga (fältet "query" är tomt eller saknas).',
    keepOriginal: true,
  },
];

/**
 * Whatever is left of a "Did you mean …?" after graphql-armor masks it, or all of it: with
 * the empty mask only its question mark stays, after the sentence's full stop (`". ?"`).
 */
const SUGGESTION = /\s*(Did you mean [^?]*\?|\[Suggestion hidden\])\s*\??|(?<=\.)\s+\?$/g;

export interface SwedishOptions {
  /** Remove "Did you mean …?" (the gateway always; a subgraph in production). */
  hideSuggestions: boolean;
}

/**
 * The formatError step for the limits and graphql-js's errors: Swedish messages (graphql-js's
 * own English kept in extensions.original), no field suggestions when hidden, and no stack
 * trace or exception detail.
 */
export function swedishGraphqlError(
  formatted: GraphQLFormattedError,
  options: SwedishOptions = { hideSuggestions: true },
): GraphQLFormattedError {
  const {
    stacktrace: _stacktrace,
    exception: _exception,
    ...extensions
  } = {
    ...formatted.extensions,
  } as Record<string, unknown>;
  const english = options.hideSuggestions
    ? formatted.message.replace(SUGGESTION, '').trimEnd()
    : formatted.message;
  let message = english;
  for (const t of TRANSLATIONS) {
    const match = t.pattern.exec(english);
    if (!match) continue;
    message = t.message(match);
    if (!options.hideSuggestions && !t.suggests) {
      // Development at a subgraph: the suggestion stays, in Swedish.
      const suggestion = /Did you mean ([^?]*)\?/.exec(english)?.[1];
      if (suggestion) message = `${message} Menade du ${suggestion.replace(/ or /g, ' eller ')}?`;
    }
    if (t.code) extensions.code = t.code;
    if (t.limit) {
      // A limit's refusal is a validation failure wherever it is raised (graphql-armor marks
      // it BAD_USER_INPUT, which a subgraph's formatter would otherwise pass on).
      extensions.code = 'GRAPHQL_VALIDATION_FAILED';
      extensions.limit = LIMIT_VARIABLES[t.limit];
    }
    if (t.keepOriginal && extensions.original === undefined) extensions.original = english;
    break;
  }
  const result: GraphQLFormattedError = { ...formatted, message };
  if (Object.keys(extensions).length > 0) return { ...result, extensions };
  const { extensions: _dropped, ...withoutExtensions } = result;
  return withoutExtensions;
}

/** The gateway's formatError: swedishGraphqlError with suggestions hidden. */
export function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return swedishGraphqlError(formatted, { hideSuggestions: true });
}
