/**
 * The periods the council picks from: year, half-year, tertial (as the city reports) and
 * quarter, written as the graph's Period scalar spells them ('2016', '2016-H2',
 * '2017-T1', '2016-Q3'). The gateway validates them; this only builds them.
 */
export type PeriodTyp = 'AR' | 'HALVAR' | 'TERTIAL' | 'KVARTAL';

interface PeriodTypInfo {
  namn: string;
  /** Letter in the Period string; none for a year. */
  bokstav: string;
  /** Number of parts in a year and the months each covers. */
  delar: number;
  manader: number;
}

export const PERIODTYPER: Record<PeriodTyp, PeriodTypInfo> = {
  AR: { namn: 'År', bokstav: '', delar: 1, manader: 12 },
  HALVAR: { namn: 'Halvår', bokstav: 'H', delar: 2, manader: 6 },
  TERTIAL: { namn: 'Tertial', bokstav: 'T', delar: 3, manader: 4 },
  KVARTAL: { namn: 'Kvartal', bokstav: 'Q', delar: 4, manader: 3 },
};

const MANADER = [
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
];

export interface PeriodVal {
  typ: PeriodTyp;
  ar: number;
  /** 1-based part of the year; 1 for a year. */
  del: number;
}

export function periodString({ typ, ar, del }: PeriodVal): string {
  const info = PERIODTYPER[typ];
  return info.bokstav === '' ? String(ar) : `${ar}-${info.bokstav}${del}`;
}

/** Reads the four kinds this page offers; null for anything else (months, weeks, typos). */
export function parsePeriod(text: string): PeriodVal | null {
  const match = /^(\d{4})(?:-([HTQ])(\d))?$/.exec(text);
  if (!match) return null;
  const ar = Number(match[1]);
  if (match[2] === undefined) return { typ: 'AR', ar, del: 1 };
  const typ = (Object.keys(PERIODTYPER) as PeriodTyp[]).find(
    (t) => PERIODTYPER[t].bokstav === match[2],
  );
  const del = Number(match[3]);
  if (!typ || del < 1 || del > PERIODTYPER[typ].delar) return null;
  return { typ, ar, del };
}

/** The part's months in words, e.g. "juli–december" for 2016-H2. */
export function delNamn(typ: PeriodTyp, del: number): string {
  const { manader } = PERIODTYPER[typ];
  const forsta = (del - 1) * manader;
  return `${MANADER[forsta]}–${MANADER[forsta + manader - 1]}`;
}

/** A label a council member reads: "2016", "2016-H2 (juli–december)". */
export function periodEtikett(text: string): string {
  const val = parsePeriod(text);
  if (!val || val.typ === 'AR') return text;
  return `${text} (${delNamn(val.typ, val.del)})`;
}

/** The first day of the period (YYYY-MM-DD). */
export function periodStart({ typ, ar, del }: PeriodVal): string {
  const manad = (del - 1) * PERIODTYPER[typ].manader + 1;
  return `${ar}-${String(manad).padStart(2, '0')}-01`;
}

/** Keeps the part within the new kind's range when the kind changes (Q4 → H2, not H4). */
export function bytTyp(val: PeriodVal, typ: PeriodTyp): PeriodVal {
  const from = PERIODTYPER[val.typ];
  const to = PERIODTYPER[typ];
  const manad = (val.del - 1) * from.manader;
  return { typ, ar: val.ar, del: Math.floor(manad / to.manader) + 1 };
}
