/**
 * Disclosure control for small counts (röjandekontroll). In a district, "one school" or
 * "two incidents at one address" can point at someone, so a count between 1 and the
 * threshold reaches a reader without clearance as "fåtal", never as the number.
 *
 * Choices, so that every subgraph applies the same rule:
 * - 0 is shown as 0. A zero says that nobody reported the thing; it points at no one, and
 *   hiding it would make "reported zero" look like "no report".
 * - A count above the threshold is shown as it is.
 * - A share is suppressed when its numerator is, and when its denominator is (a small
 *   denominator turns the share back into the count).
 * - A reader with clearance sees every number. Who has clearance is the data owner's
 *   decision and is passed in; the rule itself knows no roles.
 */
import type { Roll } from './roller';

export const DISKRETION_STANDARDTROSKEL = 3;

/** What a reader without clearance sees instead of a small count. */
export const FATAL_VISNING = 'fåtal';

/** What a reader without clearance sees instead of a share computed from a small count. */
export const UNDERTRYCKT_ANDEL_VISNING = 'ej redovisad';

/** What a share shows when there is nothing to divide by. */
export const SAKNAD_ANDEL_VISNING = '–';

export interface Diskretion {
  /** May the reader see small counts as numbers? */
  behorig: boolean;
  /** Counts from 1 up to and including this are suppressed for a reader without clearance. */
  troskel: number;
}

export interface SkyddatAntalVarde {
  /** The number, or null when suppressed. */
  antal: number | null;
  undertryckt: boolean;
  /** What a person reads: "fåtal" or the number as text. */
  visning: string;
}

export interface SkyddadAndelVarde {
  /** The share between 0 and 1, or null when suppressed or when the denominator is 0. */
  andel: number | null;
  undertryckt: boolean;
  /** What a person reads: "17 %", "ej redovisad" or "–". */
  visning: string;
}

export class DiskretionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiskretionError';
  }
}

/** Does a count need suppressing for this reader? */
export function undertrycks(antal: number, d: Diskretion): boolean {
  return !d.behorig && antal >= 1 && antal <= d.troskel;
}

export function skyddaAntal(antal: number, d: Diskretion): SkyddatAntalVarde {
  if (!Number.isInteger(antal) || antal < 0) {
    throw new DiskretionError(`Ett antal är ett heltal från 0, inte ${antal}.`);
  }
  if (undertrycks(antal, d)) return { antal: null, undertryckt: true, visning: FATAL_VISNING };
  return { antal, undertryckt: false, visning: String(antal) };
}

/** "17 %" as Swedish writes it: whole percent, a space before the sign. */
export function procentVisning(andel: number): string {
  return `${Math.round(andel * 100)} %`;
}

/**
 * The share taljare/namnare, suppressed when either count would be. Both counts are the
 * true ones; suppression is decided here, not by the caller.
 */
export function skyddaAndel(taljare: number, namnare: number, d: Diskretion): SkyddadAndelVarde {
  if (!Number.isInteger(taljare) || !Number.isInteger(namnare) || taljare < 0 || namnare < 0) {
    throw new DiskretionError(`En andel räknas av heltal från 0, inte ${taljare}/${namnare}.`);
  }
  if (taljare > namnare) {
    throw new DiskretionError(`Täljaren ${taljare} är större än nämnaren ${namnare}.`);
  }
  if (undertrycks(taljare, d) || undertrycks(namnare, d)) {
    return { andel: null, undertryckt: true, visning: UNDERTRYCKT_ANDEL_VISNING };
  }
  if (namnare === 0) return { andel: null, undertryckt: false, visning: SAKNAD_ANDEL_VISNING };
  const andel = taljare / namnare;
  return { andel, undertryckt: false, visning: procentVisning(andel) };
}

/** Has any of the reader's roles clearance under the data owner's list? */
export function harDiskretionsbehorighet(
  roller: readonly Roll[],
  behoriga: readonly Roll[],
): boolean {
  return roller.some((r) => behoriga.includes(r));
}

/**
 * The threshold from configuration (`<NAME>_DISKRETION_TROSKEL`): an integer from 1.
 * Unset gives the default; anything else is an error, never a silent fallback, since a
 * mistyped threshold must not quietly show small counts.
 */
export function parseDiskretionTroskel(
  value: string | number | undefined | null,
  fallback = DISKRETION_STANDARDTROSKEL,
): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(n) || n < 1) {
    throw new DiskretionError(
      `Ogiltig diskretionströskel "${value}": ange ett heltal från 1 (standard ${DISKRETION_STANDARDTROSKEL}).`,
    );
  }
  return n;
}
