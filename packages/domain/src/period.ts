export type PeriodTyp = 'AR' | 'HALVAR' | 'TERTIAL' | 'KVARTAL' | 'MANAD' | 'VECKA';

/**
 * A reporting period as a half-open date range [fran, till). Half-open so that adjacent
 * periods share a boundary without overlapping, and a record dated `d` belongs to the
 * period when `fran <= d < till` — plain string comparison on 'YYYY-MM-DD'.
 */
export interface Period {
  readonly text: string;
  readonly typ: PeriodTyp;
  readonly ar: number;
  readonly nummer: number | null;
  readonly fran: string;
  readonly till: string;
}

export class PeriodError extends Error {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string, message = `Ogiltig period "${input}": ${reason}`) {
    super(message);
    this.name = 'PeriodError';
    this.input = input;
    this.reason = reason;
  }
}

const MIN_AR = 1900;
const MAX_AR = 2199;
const DAY_MS = 86_400_000;

const FORMAT_REASON =
  'ange år (2016), halvår (2016-H2), tertial (2017-T1), kvartal (2016-Q3), månad (2016-05) eller ISO-vecka (2016-W45).';
const EMPTY_REASON = 'perioden är tom; ange t.ex. "2016", "2016-H2" eller "2016-W45".';
const YEAR_REASON = `år anges med fyra siffror mellan ${MIN_AR} och ${MAX_AR}, t.ex. "2016".`;
const HALF_REASON = 'halvår anges som H1 eller H2, t.ex. "2016-H2".';
const TERTIAL_REASON = 'tertial anges som T1, T2 eller T3, t.ex. "2017-T1".';
const QUARTER_REASON = 'kvartal anges som Q1, Q2, Q3 eller Q4, t.ex. "2016-Q3".';
const MONTH_REASON = 'månad anges med två siffror från 01 till 12, t.ex. "2016-05".';
const WEEK_REASON = 'ISO-vecka anges som W01 till W53, t.ex. "2016-W45".';

/** The months' Swedish names, January first. */
export const MANADSNAMN = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Date.UTC rolls month 12 over into January of the next year, which the range ends rely on. */
function utc(ar: number, monthIndex: number, day: number): number {
  return Date.UTC(ar, monthIndex, day);
}

/** Monday of ISO week 1: the week holding January 4th, i.e. the year's first Thursday. */
function isoWeek1Monday(ar: number): number {
  const jan4 = utc(ar, 0, 4);
  const weekdayFromMonday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekdayFromMonday * DAY_MS;
}

function isoWeeksInYear(ar: number): number {
  return Math.round((isoWeek1Monday(ar + 1) - isoWeek1Monday(ar)) / DAY_MS / 7);
}

function daysInMonth(ar: number, month: number): number {
  return new Date(utc(ar, month, 0)).getUTCDate();
}

const PER_AR: Record<Exclude<PeriodTyp, 'AR' | 'VECKA'>, number> = {
  HALVAR: 2,
  TERTIAL: 3,
  KVARTAL: 4,
  MANAD: 12,
};

/** Builds a period from parts already validated; the single place where ranges are computed. */
function makePeriod(typ: PeriodTyp, ar: number, nummer: number | null): Period {
  const n = nummer ?? 1;
  let text: string;
  let fran: number;
  let till: number;
  switch (typ) {
    case 'AR':
      text = pad(ar, 4);
      fran = utc(ar, 0, 1);
      till = utc(ar + 1, 0, 1);
      break;
    case 'VECKA':
      text = `${pad(ar, 4)}-W${pad(n, 2)}`;
      fran = isoWeek1Monday(ar) + (n - 1) * 7 * DAY_MS;
      till = fran + 7 * DAY_MS;
      break;
    case 'MANAD':
      text = `${pad(ar, 4)}-${pad(n, 2)}`;
      fran = utc(ar, n - 1, 1);
      till = utc(ar, n, 1);
      break;
    default: {
      const months = 12 / PER_AR[typ];
      const letter = typ === 'HALVAR' ? 'H' : typ === 'TERTIAL' ? 'T' : 'Q';
      text = `${pad(ar, 4)}-${letter}${n}`;
      fran = utc(ar, (n - 1) * months, 1);
      till = utc(ar, n * months, 1);
    }
  }
  return Object.freeze({
    text,
    typ,
    ar,
    nummer: typ === 'AR' ? null : n,
    fran: formatUtc(fran),
    till: formatUtc(till),
  });
}

function parsePart(input: string, ar: number, part: string): Period {
  const fail = (reason: string): never => {
    throw new PeriodError(input, reason);
  };
  // Dispatch on the leading letter so a near miss ("H3", "H2x") gets the message for
  // the kind the user evidently meant, not the generic list of formats.
  const letter = part[0];
  const digits = part.slice(1);
  switch (letter) {
    case 'H':
      return digits === '1' || digits === '2'
        ? makePeriod('HALVAR', ar, Number(digits))
        : fail(HALF_REASON);
    case 'T':
      return /^[1-3]$/.test(digits)
        ? makePeriod('TERTIAL', ar, Number(digits))
        : fail(TERTIAL_REASON);
    case 'Q':
      return /^[1-4]$/.test(digits)
        ? makePeriod('KVARTAL', ar, Number(digits))
        : fail(QUARTER_REASON);
    case 'W': {
      if (!/^\d{2}$/.test(digits)) return fail(WEEK_REASON);
      const vecka = Number(digits);
      if (vecka < 1 || vecka > 53) return fail(WEEK_REASON);
      const weeks = isoWeeksInYear(ar);
      if (vecka > weeks) {
        return fail(`år ${ar} har bara ${weeks} ISO-veckor, så W${pad(vecka, 2)} finns inte.`);
      }
      return makePeriod('VECKA', ar, vecka);
    }
    default: {
      if (!/^\d+$/.test(part)) return fail(FORMAT_REASON);
      const manad = Number(part);
      if (part.length !== 2 || manad < 1 || manad > 12) return fail(MONTH_REASON);
      return makePeriod('MANAD', ar, manad);
    }
  }
}

export function parsePeriod(input: string): Period {
  if (typeof input !== 'string') {
    // Callers outside TypeScript (JSON bodies, CSV cells) can hand over anything.
    const reason = 'en period anges som text, t.ex. "2016-H2".';
    throw new PeriodError(String(input), reason, `Ogiltig period: ${reason}`);
  }
  const s = input.trim().toUpperCase();
  if (s === '') throw new PeriodError(input, EMPTY_REASON);
  const m = /^(\d{4})(?:-(.+))?$/.exec(s);
  if (!m) throw new PeriodError(input, FORMAT_REASON);
  const ar = Number(m[1]);
  if (ar < MIN_AR || ar > MAX_AR) throw new PeriodError(input, YEAR_REASON);
  const part = m[2];
  return part === undefined ? makePeriod('AR', ar, null) : parsePart(input, ar, part);
}

export function tryParsePeriod(input: string): Period | null {
  try {
    return parsePeriod(input);
  } catch (e) {
    if (e instanceof PeriodError) return null;
    throw e;
  }
}

/**
 * The period of the same kind just before, for "compared with the previous period".
 * Not range-checked: the year before 1900 is still a well-defined period to compute.
 */
export function previousPeriod(p: Period): Period {
  if (p.typ === 'AR') return makePeriod('AR', p.ar - 1, null);
  const n = p.nummer ?? 1;
  if (n > 1) return makePeriod(p.typ, p.ar, n - 1);
  const last = p.typ === 'VECKA' ? isoWeeksInYear(p.ar - 1) : PER_AR[p.typ];
  return makePeriod(p.typ, p.ar - 1, last);
}

/** True when inner lies wholly within outer; both are half-open ranges. */
export function periodContains(outer: Period, inner: { fran: string; till: string }): boolean {
  return outer.fran <= inner.fran && inner.till <= outer.till;
}

function parseDate(date: string): { ar: number; manad: number; dag: number } {
  const s = typeof date === 'string' ? date.trim() : String(date);
  const fail = (reason: string): never => {
    throw new PeriodError(date, reason, `Ogiltigt datum "${date}": ${reason}`);
  };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return fail('ange datum som ÅÅÅÅ-MM-DD, t.ex. "2016-11-07".');
  const ar = Number(m[1]);
  const manad = Number(m[2]);
  const dag = Number(m[3]);
  if (ar < MIN_AR || ar > MAX_AR) return fail(`år anges mellan ${MIN_AR} och ${MAX_AR}.`);
  if (manad < 1 || manad > 12) return fail('månad anges från 01 till 12.');
  const max = daysInMonth(ar, manad);
  if (dag < 1 || dag > max) {
    return fail(`${MANADSNAMN[manad - 1]} ${ar} har bara ${max} dagar.`);
  }
  return { ar, manad, dag };
}

/** The single day as a half-open range, so a date can be tested with periodContains. */
export function dayRange(date: string): { fran: string; till: string } {
  const { ar, manad, dag } = parseDate(date);
  const start = utc(ar, manad - 1, dag);
  return { fran: formatUtc(start), till: formatUtc(start + DAY_MS) };
}

/** ISO-8601 week of a date; `ar` is the week-numbering year, which differs near New Year. */
export function isoWeekOf(date: string): { ar: number; vecka: number } {
  const { ar, manad, dag } = parseDate(date);
  const day = utc(ar, manad - 1, dag);
  const weekdayFromMonday = (new Date(day).getUTCDay() + 6) % 7;
  // The Thursday of the same week decides which year the week belongs to.
  const thursday = day + (3 - weekdayFromMonday) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  const vecka = Math.floor((day - isoWeek1Monday(weekYear)) / DAY_MS / 7) + 1;
  return { ar: weekYear, vecka };
}
