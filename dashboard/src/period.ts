/**
 * The periods the council picks from: year, half-year, tertial (as the city reports),
 * quarter, month and ISO week, written as the graph's Period scalar spells them ('2016',
 * '2016-H2', '2017-T1', '2016-Q3', '2016-11', '2016-W45'). The rules for what a period is
 * (its days, how many weeks a year has) are the domain's, read through @lagesbild/rapport;
 * the gateway validates what is sent.
 */
import { isoWeekOf, MANADSNAMN, tryParsePeriod } from '@lagesbild/rapport';

export type PeriodTyp = 'AR' | 'HALVAR' | 'TERTIAL' | 'KVARTAL' | 'MANAD' | 'VECKA';

interface PeriodTypInfo {
  namn: string;
  /** Letter in the Period string; none for a year or a month. */
  bokstav: string;
}

export const PERIODTYPER: Record<PeriodTyp, PeriodTypInfo> = {
  AR: { namn: 'År', bokstav: '' },
  HALVAR: { namn: 'Halvår', bokstav: 'H' },
  TERTIAL: { namn: 'Tertial', bokstav: 'T' },
  KVARTAL: { namn: 'Kvartal', bokstav: 'Q' },
  MANAD: { namn: 'Månad', bokstav: '' },
  VECKA: { namn: 'Vecka', bokstav: 'W' },
};

export interface PeriodVal {
  typ: PeriodTyp;
  /** The year; for a week, the ISO week-numbering year. */
  ar: number;
  /** 1-based part of the year; 1 for a year. */
  del: number;
}

const tva = (n: number) => String(n).padStart(2, '0');

export function periodString({ typ, ar, del }: PeriodVal): string {
  switch (typ) {
    case 'AR':
      return String(ar);
    case 'MANAD':
      return `${ar}-${tva(del)}`;
    case 'VECKA':
      return `${ar}-W${tva(del)}`;
    default:
      return `${ar}-${PERIODTYPER[typ].bokstav}${del}`;
  }
}

/** Reads any period the graph accepts ("2016-11", "2016-W45" too); null for a typo. */
export function parsePeriod(text: string): PeriodVal | null {
  const p = tryParsePeriod(text);
  return p ? { typ: p.typ, ar: p.ar, del: p.nummer ?? 1 } : null;
}

/** How many parts of this kind the year has: 2 half-years, 12 months, 52 or 53 weeks. */
export function antalDelar(typ: PeriodTyp, ar: number): number {
  switch (typ) {
    case 'AR':
      return 1;
    case 'HALVAR':
      return 2;
    case 'TERTIAL':
      return 3;
    case 'KVARTAL':
      return 4;
    case 'MANAD':
      return 12;
    case 'VECKA':
      return tryParsePeriod(`${ar}-W53`) ? 53 : 52;
  }
}

/** The period's first day and its last ('YYYY-MM-DD'). */
function dagar(val: PeriodVal): { forsta: string; sista: string } {
  const p = tryParsePeriod(periodString(val));
  if (!p) throw new Error(`Ogiltig period ${periodString(val)}`);
  const sista = new Date(Date.parse(`${p.till}T00:00:00Z`) - 86_400_000).toISOString();
  return { forsta: p.fran, sista: sista.slice(0, 10) };
}

const manad = (dag: string) => MANADSNAMN[Number(dag.slice(5, 7)) - 1] ?? '';
const dagNr = (dag: string) => Number(dag.slice(8, 10));

/**
 * The part's days in words: "juli–december" for 2016-H2, "november" for 2016-11,
 * "7–13 november" for 2016-W45, "26 december–1 januari" for a week across a new year.
 */
export function delNamn(val: PeriodVal): string {
  const { forsta, sista } = dagar(val);
  if (val.typ === 'VECKA') {
    return manad(forsta) === manad(sista)
      ? `${dagNr(forsta)}–${dagNr(sista)} ${manad(sista)}`
      : `${dagNr(forsta)} ${manad(forsta)}–${dagNr(sista)} ${manad(sista)}`;
  }
  return manad(forsta) === manad(sista) ? manad(forsta) : `${manad(forsta)}–${manad(sista)}`;
}

/** A label a council member reads: "2016", "2016-H2 (juli–december)", "2016-W45 (7–13 november)". */
export function periodEtikett(text: string): string {
  const val = parsePeriod(text);
  if (!val || val.typ === 'AR') return text;
  return `${text} (${delNamn(val)})`;
}

/** The first day of the period (YYYY-MM-DD). */
export function periodStart(val: PeriodVal): string {
  return dagar(val).forsta;
}

/**
 * Keeps the time of year when the kind changes: Q4 → H2 (not H4), November → Q4, week 45
 * → November, H2 → week 26 (the week of 1 July).
 */
export function bytTyp(val: PeriodVal, typ: PeriodTyp): PeriodVal {
  if (typ === val.typ) return val;
  const { forsta } = dagar(val);
  if (typ === 'VECKA') {
    const v = isoWeekOf(forsta);
    // 1 January may lie in the last week of the year before: take the year's first week.
    return v.ar === val.ar ? { typ, ar: v.ar, del: v.vecka } : { typ, ar: val.ar, del: 1 };
  }
  // A week belongs to the month and year of its Thursday, as ISO numbers it.
  const dag =
    val.typ === 'VECKA'
      ? new Date(Date.parse(`${forsta}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10)
      : forsta;
  const ar = Number(dag.slice(0, 4));
  const manadIndex = Number(dag.slice(5, 7)) - 1;
  const delar = antalDelar(typ, ar);
  return { typ, ar, del: Math.floor(manadIndex / (12 / delar)) + 1 };
}
