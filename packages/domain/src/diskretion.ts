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

/** What a count reads when part of it is not known ("vid något tillfälle"): never a number. */
export const OKANT_ANTAL_VISNING = 'okänt antal';

/** A count that is not known: no number, nothing suppressed. */
export function okantAntal(): SkyddatAntalVarde {
  return { antal: null, undertryckt: false, visning: OKANT_ANTAL_VISNING };
}

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

/**
 * What a reader without clearance sees instead of a count that is not small but is hidden
 * so that a small one cannot be worked out by subtraction (secondary suppression). Not
 * "fåtal": the count behind it is above the threshold, and "fåtal" would say otherwise.
 */
export const SEKUNDAR_VISNING = 'ej redovisad';

/** What a reader can bound a count to: from lo to hi (hi may be Infinity). */
export interface Intervall {
  lo: number;
  hi: number;
}

type Form<T, V> = T extends readonly number[] ? V[] : { [K in keyof T]: V };

/** A breakdown after disclosure control: the cells in the shape given, and the total. */
export interface SkyddadFordelning<C, G> {
  celler: C;
  total: SkyddatAntalVarde;
  /** What a reader who knows the rule can bound each cell to (a shown cell: its value). */
  granser: G;
  /** The same for the total. */
  totalGranser: Intervall;
}

/** A hidden cell as a reader who knows the rule can bound it: from lo to hi. */
interface Dold extends Intervall {
  index: number;
  primar: boolean;
}

/**
 * Each hidden cell's bounds, given that together they make something in [hLo, hHi]: a
 * cell is at least what is left when the others are at their most, and at most what is
 * left when they are at their least.
 */
function snava(dolda: readonly Dold[], hLo: number, hHi: number): Intervall[] {
  const ovriga = (i: number, f: (c: Dold) => number) =>
    dolda.reduce((s, c, j) => (j === i ? s : s + f(c)), 0);
  return dolda.map((c, i) => ({
    lo: Math.max(c.lo, hLo - ovriga(i, (x) => x.hi)),
    hi: Math.min(c.hi, hHi - ovriga(i, (x) => x.lo)),
  }));
}

/**
 * Could a reader pin down a small hidden cell? The hidden cells add up to something in
 * [hLo, hHi] (the total, or what is known of it, minus everything shown). A "fåtal" cell
 * lies in 1…threshold; a secondarily hidden one above the threshold (the reader knows the
 * rule). Risky when the hidden cells together are at most the threshold, or when the
 * bounds leave some "fåtal" cell a single possible value (one hidden cell is the plain
 * case).
 */
function kanHarledas(dolda: readonly Dold[], hLo: number, hHi: number, troskel: number): boolean {
  if (hHi <= troskel) return true;
  return snava(dolda, hLo, hHi).some((g, i) => dolda[i]?.primar === true && g.lo >= g.hi);
}

/**
 * Disclosure control of a breakdown and its total (e.g. events per environment and all
 * events in the area and period), so that no suppressed cell can be worked out by
 * subtraction:
 * 1. Primary: each cell of 1…threshold is suppressed ("fåtal"), as by skyddaAntal.
 * 2. Secondary: while the hidden cells could be pinned down from the total (see
 *    kanHarledas), the smallest shown non-zero cell is hidden too ("ej redovisad");
 *    when no cell is left to hide, the total is hidden ("fåtal" when itself 1…threshold,
 *    else "ej redovisad").
 * Zeros are never hidden. A reader with clearance (or threshold 0) sees every number.
 * With `totalDoldInom` the total is hidden elsewhere (it is a hidden cell of a wider
 * table, which bounds it as given, e.g. its `granser` there); the cells are protected
 * against those bounds, and at least one non-zero cell is hidden, since cells that are all
 * shown would add up to the total and undo the wider table's protection.
 * The cells may add up to less than the total (a part not broken down, e.g. events
 * without an environment); that part is treated as known to the reader, the cautious
 * assumption. Deterministic: the same breakdown gives the same answer whichever field
 * asks first, which is what makes the cells and the total agree.
 */
export function skyddaFordelning<T extends readonly number[] | Readonly<Record<string, number>>>(
  celler: T,
  total: number,
  d: Diskretion,
  val: { totalDoldInom?: Intervall } = {},
): SkyddadFordelning<Form<T, SkyddatAntalVarde>, Form<T, Intervall>> {
  const nycklar = Array.isArray(celler) ? null : Object.keys(celler);
  const varden: number[] = nycklar
    ? nycklar.map((k) => (celler as Record<string, number>)[k] as number)
    : [...(celler as readonly number[])];
  for (const v of [...varden, total]) {
    if (!Number.isInteger(v) || v < 0) {
      throw new DiskretionError(`Ett antal är ett heltal från 0, inte ${v}.`);
    }
  }
  const summa = varden.reduce((s, v) => s + v, 0);
  if (summa > total) {
    throw new DiskretionError(`Delarna (${summa}) är fler än totalen (${total}).`);
  }

  const troskel = d.troskel;
  const dolda: Dold[] = [];
  for (const [index, v] of varden.entries()) {
    if (undertrycks(v, d)) dolda.push({ index, lo: 1, hi: troskel, primar: true });
  }
  const arDold = (index: number) => dolda.some((c) => c.index === index);
  const minstaVisade = (): number => {
    let minsta = -1;
    for (const [index, v] of varden.entries()) {
      if (v === 0 || arDold(index)) continue;
      if (minsta < 0 || v < (varden[minsta] as number)) minsta = index;
    }
    return minsta;
  };
  const sekundar = (index: number) =>
    dolda.push({ index, lo: troskel + 1, hi: Number.POSITIVE_INFINITY, primar: false });
  // What is shown of the whole: the shown cells and the part not broken down.
  const visat = () => total - dolda.reduce((s, c) => s + (varden[c.index] as number), 0);

  const yttre = d.behorig ? undefined : val.totalDoldInom;
  let totalGranser: Intervall = yttre ?? { lo: total, hi: total };
  let totalDold = yttre !== undefined;
  if (yttre !== undefined && dolda.length === 0) {
    const minsta = minstaVisade();
    if (minsta >= 0) sekundar(minsta);
  }
  while (
    dolda.length > 0 &&
    !(totalDold && yttre === undefined) &&
    kanHarledas(dolda, totalGranser.lo - visat(), totalGranser.hi - visat(), troskel)
  ) {
    const minsta = minstaVisade();
    if (minsta >= 0) {
      sekundar(minsta);
    } else if (yttre === undefined) {
      totalDold = true;
      totalGranser =
        total <= troskel
          ? { lo: 1, hi: troskel }
          : { lo: troskel + 1, hi: Number.POSITIVE_INFINITY };
    } else {
      // Nothing left here to hide; the wider table's bounds are what they are.
      break;
    }
  }

  const h = snava(dolda, totalGranser.lo - visat(), totalGranser.hi - visat());
  const visa = (v: number, index: number | null): SkyddatAntalVarde => {
    const c = index === null ? undefined : dolda.find((x) => x.index === index);
    const dold = index === null ? totalDold : c !== undefined;
    if (!dold) return { antal: v, undertryckt: false, visning: String(v) };
    const fatal = index === null ? v <= troskel : c?.primar === true;
    return { antal: null, undertryckt: true, visning: fatal ? FATAL_VISNING : SEKUNDAR_VISNING };
  };
  const grans = (v: number, index: number): Intervall => {
    const i = dolda.findIndex((x) => x.index === index);
    return i < 0 ? { lo: v, hi: v } : (h[i] as Intervall);
  };
  const form = <V>(f: (v: number, i: number) => V) => {
    const ut = varden.map(f);
    return nycklar ? Object.fromEntries(nycklar.map((k, i) => [k, ut[i]])) : ut;
  };
  return {
    celler: form(visa) as Form<T, SkyddatAntalVarde>,
    total: visa(total, null),
    granser: form(grans) as Form<T, Intervall>,
    totalGranser,
  };
}
