import {
  ejPaborjadPeriodFel,
  innehallerPersonnummer,
  KANDA_OMRADE_IDN,
  kontrollteckenFel,
  okantOmradeFel,
  omradeIdAv,
  tryParsePeriod,
} from '@lagesbild/domain';
import { Length, registerDecorator, type ValidationOptions } from 'class-validator';
import { GraphQLError } from 'graphql';

/** Rejects free text that carries a personnummer: nothing about a private person is stored. */
export function IngaPersonuppgifter(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'ingaPersonuppgifter',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          'texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !innehallerPersonnummer(value),
      },
    });
  };
}

/** An ISO date, YYYY-MM-DD, that exists in the calendar. */
export function IsoDatum(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isoDatum',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'datum anges som ÅÅÅÅ-MM-DD och måste finnas i kalendern', ...options },
      validator: {
        validate: (value: unknown) => {
          if (value === null || value === undefined) return true;
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const d = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
        },
      },
    });
  };
}

/** A period as it reaches a validator: parsed by the Period scalar, or a CSV cell's text. */
function somPeriod(value: unknown): { text: string; fran: string } | null {
  if (typeof value === 'string') return tryParsePeriod(value);
  if (value && typeof value === 'object' && 'fran' in value && 'text' in value) {
    return value as { text: string; fran: string };
  }
  return null;
}

/**
 * A period that has not begun cannot be reported (the current one can): the shared rule
 * `ejPaborjadPeriodFel`, on every input class a mutation or a CSV import validates.
 */
export function PeriodHarBorjat(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'periodHarBorjat',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) => {
          const p = somPeriod(args.value);
          return (p && ejPaborjadPeriodFel(p)) ?? 'perioden har inte börjat';
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          const p = somPeriod(value);
          return p === null || ejPaborjadPeriodFel(p) === null;
        },
      },
    });
  };
}

/**
 * An area id from the one register of Stockholm's stadsdelsområden (`okantOmradeFel` in the
 * domain package): on every input class a mutation validates and every CSV row class, so
 * no channel stores an area no one knows. Absent values are left to IsOptional/other rules.
 */
export function KantOmrade(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'kantOmrade',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) => okantOmradeFel(String(args.value)) ?? 'okänt område',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (typeof value === 'string' && okantOmradeFel(value) === null),
      },
    });
  };
}

/**
 * Rejects text with a control character (NUL, ESC, DEL, C1 …; tab and line breaks are
 * allowed): the shared rule `kontrollteckenFel`, on every free-text field a mutation or an
 * import takes.
 */
export function IngaKontrolltecken(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'ingaKontrolltecken',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args) =>
          (typeof args.value === 'string' && kontrollteckenFel(args.value)) ||
          'texten innehåller ett kontrolltecken',
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !kontrollteckenFel(value),
      },
    });
  };
}

/**
 * The canonical id of an area a query or a REST parameter names ("Norrmalm" → "norrmalm"),
 * or BAD_USER_INPUT with okantOmradeFel's message, the field and `extensions.kandaOmraden`
 * (as förvaltning answers for its register), so every subgraph refuses alike.
 */
export function kantOmradeId(input: string, field = 'omrade'): string {
  const fel = okantOmradeFel(input);
  if (fel === null) return omradeIdAv(input);
  throw new GraphQLError(fel, {
    extensions: {
      code: 'BAD_USER_INPUT',
      fields: [{ field, reason: 'området finns inte bland Stockholms stadsdelsområden' }],
      kandaOmraden: KANDA_OMRADE_IDN,
    },
  });
}

/**
 * A text's length (class-validator's Length) with one wording for a text that is too long,
 * on every channel that validates the class (mutation, CSV row, HTTP import): the field's
 * own rule and "för lång" with the text's length (`forLangFel` is the same rule for the
 * channels without a class). Too short keeps the field's own rule.
 */
export function Textlangd(
  min: number,
  max: number,
  regel: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return Length(min, max, {
    ...options,
    message: (args) => {
      const varden: unknown[] = Array.isArray(args.value) ? args.value : [args.value];
      const langst = Math.max(0, ...varden.map((v) => (typeof v === 'string' ? v.length : 0)));
      return langst > max ? `${regel} (för lång: ${langst} tecken)` : regel;
    },
  });
}
