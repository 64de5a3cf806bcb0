/**
 * The rules every service reads its environment by, one per kind of value, with zod as the
 * one validator (see README, Konfiguration). Unset or empty means "not given" (the caller's
 * default applies); anything else a rule does not understand is refused with a message
 * naming the variable, so a typo fails the start instead of being ignored.
 */
import { z } from 'zod';
import { parsePort } from './port';

/** The words every boolean variable accepts, case-insensitive, and nothing else. */
export const TRUE_WORDS = ['true', '1', 'yes', 'ja', 'on'] as const;
export const FALSE_WORDS = ['false', '0', 'no', 'nej', 'off'] as const;

/** The largest integer any variable accepts: more than any limit, timeout or size needs. */
export const LARGEST_INTEGER = 100_000_000;

export type Env = Readonly<Record<string, string | undefined>>;

export type Kind = 'boolean' | 'integer' | 'port' | 'text' | 'list';

/** One variable of a service's schema: how it is read, and what the README says about it. */
export interface Variable<T> {
  kind: Kind;
  /** What it does, in Swedish, for the README's table. */
  description: string;
  /** The default as the README shows it; none when unset means "not used". */
  standard?: string;
  /** The value from the raw text; throws naming the variable when it is not understood. */
  parse(variable: string, raw: string): T;
}

const given = (raw: string | undefined): raw is string => raw !== undefined && raw.trim() !== '';

export function parseBoolean(variable: string, raw: string): boolean {
  const word = raw.trim().toLowerCase();
  if ((TRUE_WORDS as readonly string[]).includes(word)) return true;
  if ((FALSE_WORDS as readonly string[]).includes(word)) return false;
  throw new Error(
    `${variable}="${raw}" är inte ett giltigt värde: ange true eller false (eller ${TRUE_WORDS.slice(1).join('/')} resp. ${FALSE_WORDS.slice(1).join('/')}).`,
  );
}

export function parseInteger(
  variable: string,
  raw: string,
  min = 1,
  max = LARGEST_INTEGER,
  unit = '',
): number {
  const text = raw.trim();
  const value = Number(text);
  const suffix = unit ? ` ${unit}` : '';
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(
      `${variable}="${raw}" är inte ett giltigt värde: ange ett heltal från ${min} till ${max}${suffix}.`,
    );
  }
  if (value > max) throw new Error(`${variable}="${raw}" är för stort: högst ${max}${suffix}.`);
  return value;
}

export const boolean = (description: string, standard?: string): Variable<boolean> => ({
  kind: 'boolean',
  description,
  standard,
  parse: parseBoolean,
});

export const integer = (
  description: string,
  standard?: string,
  options: { min?: number; max?: number; unit?: string } = {},
): Variable<number> => ({
  kind: 'integer',
  description,
  standard,
  parse: (variable, raw) => parseInteger(variable, raw, options.min, options.max, options.unit),
});

export const milliseconds = (description: string, standard?: string): Variable<number> =>
  integer(description, standard, { unit: 'millisekunder' });

export const port = (description: string, standard?: string, min = 0): Variable<number> => ({
  kind: 'port',
  description,
  standard,
  parse: (variable, raw) => parsePort(variable, raw, min),
});

export const text = (description: string, standard?: string): Variable<string> => ({
  kind: 'text',
  description,
  standard,
  parse: (_variable, raw) => raw,
});

/** Comma-separated words, blanks around them and empty entries dropped. */
export const list = (description: string, standard?: string): Variable<string[]> => ({
  kind: 'list',
  description,
  standard,
  parse: (_variable, raw) =>
    raw
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean),
});

/** A service's schema: its variables by name. */
// biome-ignore lint/suspicious/noExplicitAny: a schema holds variables of every value type.
export type Schema = Record<string, Variable<any>>;

/** What a schema reads: each variable's value, or undefined when it is not given. */
export type Values<S extends Schema> = {
  [K in keyof S]: S[K] extends Variable<infer T> ? T | undefined : never;
};

/** The zod object a schema stands for: every variable optional, its rule in a transform. */
export function zodSchema<S extends Schema>(schema: S) {
  const shape: Record<string, z.ZodType> = {};
  for (const [variable, rule] of Object.entries(schema)) {
    shape[variable] = z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (!given(raw)) return undefined;
        try {
          return rule.parse(variable, raw);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      });
  }
  return z.object(shape);
}

/**
 * Reads a schema's variables from the environment, all at once: every refusal is reported
 * together (one line each, naming its variable), not only the first.
 */
export function readEnv<S extends Schema>(schema: S, env: Env): Values<S> {
  const picked: Record<string, string | undefined> = {};
  for (const variable of Object.keys(schema)) picked[variable] = env[variable];
  const result = zodSchema(schema).safeParse(picked);
  if (!result.success) {
    throw new Error(result.error.issues.map((issue) => issue.message).join('\n'));
  }
  return result.data as Values<S>;
}

/** One variable read by its rule: for values read one at a time (a per-subgraph name). */
export function readOne<T>(rule: Variable<T>, variable: string, env: Env): T | undefined {
  const raw = env[variable];
  return given(raw) ? rule.parse(variable, raw) : undefined;
}
