import { type Logger, swedishGraphqlError } from '@lagesbild/http-kit';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

export interface FieldProblem {
  /** The input field, e.g. `datum` (nested ones dotted: `adress.gata`). */
  field: string;
  /** Why, in Swedish, for the person who typed it. */
  reason: string;
}

/** A bad input: code BAD_USER_INPUT, the fields and reasons in `extensions.fields`. */
export function badUserInput(message: string, fields: FieldProblem[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields } });
}

/**
 * A write that contradicts what is stored (a re-sent record that says something else):
 * code CONFLICT, the fields that differ in `extensions.fields`.
 */
export function conflict(message: string, fields: FieldProblem[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', fields } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flatten(errors: ValidationErrorLike[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field: path, reason }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'CONFLICT',
  // A removed or replaced database file (subgraph.ts): answered 503, named by the gateway.
  'DATABAS_OTILLGANGLIG',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // A service this one asks on the caller's behalf did not answer (publicering's capture of
  // the live picture through the gateway): the message says what was not done.
  'SERVICE_UNAVAILABLE',
]);

/**
 * Shapes every error a client sees: validation failures become BAD_USER_INPUT with the
 * field and reason, a bad scalar (a malformed period) stays BAD_USER_INPUT even when
 * graphql-js reports it as a validation error, and anything unexpected is logged here
 * and reaches the client as a bare INTERNAL_SERVER_ERROR — never a stack trace. graphql-js's
 * own messages are put in Swedish.
 */
export function createErrorFormatter(
  service: string,
  logger?: Logger,
  options: { hideSuggestions: boolean } = { hideSuggestions: false },
) {
  const format = shapeError(service, logger);
  // graphql-js's parse and validation errors in Swedish, its English in extensions.original
  // (issue 15, item 11); "Did you mean …?" only outside production.
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    swedishGraphqlError(format(formatted, error), options);
}

function shapeError(service: string, logger?: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error : undefined;
    const cause = original?.originalError;
    const validation = (cause as { extensions?: { validationErrors?: ValidationErrorLike[] } })
      ?.extensions?.validationErrors;
    if (validation) {
      const fields = flatten(validation, '');
      return {
        message: `Ogiltig indata: ${fields.map((f) => `${f.field} – ${f.reason}`).join('; ')}`,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    const causeCode =
      cause instanceof GraphQLError ? (cause.extensions.code as string | undefined) : undefined;
    const code = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
    if (causeCode === 'BAD_USER_INPUT' && cause instanceof GraphQLError) {
      const { stacktrace: _s, ...extensions } = cause.extensions as Record<string, unknown>;
      return { ...formatted, message: cause.message, extensions };
    }
    if (PASS_THROUGH.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    if (logger) logger.error({ err: cause ?? error, path: formatted.path }, 'unexpected error');
    else console.error(`[${service}] unexpected error`, cause ?? error);
    return {
      message: `Internt fel i tjänsten ${service}. Felet är loggat.`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** A field problem with the whole sentence for the GraphQL error's message. */
export interface InputProblem extends FieldProblem {
  message: string;
}

/**
 * The rule every dated record shares (an incident, an event): a day or a period — exactly
 * one of them — and a day not in the future. `vad` names the record in the message
 * ("incidenten", "händelsen"). The mutation and the CSV import both ask it.
 */
export function datumEllerPeriodProblem(
  input: { datum?: string | null; period?: unknown },
  vad: string,
  idag: string = new Date().toISOString().slice(0, 10),
): InputProblem | null {
  if ((input.datum != null) === (input.period != null)) {
    return {
      message: `Ange antingen datum eller period för ${vad}, inte båda och inte ingen.`,
      field: 'datum',
      reason: 'ange datum eller period',
    };
  }
  if (input.datum && input.datum > idag) {
    return {
      message: `Datumet ${input.datum} ligger i framtiden.`,
      field: 'datum',
      reason: 'datumet ligger i framtiden',
    };
  }
  return null;
}
