/**
 * The adopted lägesbild as data. A publication stores the combined picture of one area and
 * one period (a year or a half-year) as cells — one count each — and the sums that link
 * them (a total is its environments; a year holds its half-years), so that disclosure
 * control can be computed over every table together and checked by an attacker's linear
 * program. Nothing here is rendered text; the report and the dashboard render from it.
 */
import type { Rapporteringsstatus } from '@lagesbild/domain';

/** The partners whose sections a publication holds, in the order they are shown. */
export type PartnerNamn = 'forvaltning' | 'polis' | 'skolor' | 'klotter';

/** How a cell breaks its partner's count down. */
export type Dimension = 'total' | 'miljo' | 'rapportor';

/**
 * One count in a publication. Its id is stable across versions and publications, so the
 * same figure in two publications (a year's total in the year's publication and under
 * "hela 2016" in a half-year's) is one variable: `${period}|${partner}|${matt}|${dimension}`
 * with `=${nyckel}` after a breakdown, e.g. `2016-H2|polis|handelser|miljo=VIT_MAKT`,
 * `2016|klotter|anmalningar|rapportor=SISAB`, `2016|forvaltning|incidenter|total`.
 */
export interface Cell {
  id: string;
  /** The cell's own period: the publication's, or a longer one its partner reported for. */
  period: string;
  partner: PartnerNamn;
  /** What is counted: `incidenter`, `kontakter`, `faltobservationer`, `handelser`, `skolorMedTecken`, `besvaradeSkolor`, `anmalningar`. */
  matt: string;
  dimension: Dimension;
  /** The environment (`VIT_MAKT`, …) or the reporter (`SISAB`, …); null for a total. */
  nyckel: string | null;
  /** The true count, or null when there is no number (not reported, unknown part). */
  varde: number | null;
  status: Rapporteringsstatus;
}

/**
 * A sum the reader knows holds: `summa` = Σ `delar` + rest. A rest the reader might know is
 * `kand` — assumed known, the cautious choice — and given in `restVarde`: within one table
 * (a part not broken down, e.g. events without an environment), and between a year and its
 * two half-years when all three have numbers (records dated only to the year; 0 when there
 * are none). Where a half-year has no number the rest is `okand`: some number ≥ 0.
 */
export interface Relation {
  summa: string;
  delar: string[];
  rest: 'kand' | 'okand';
  restVarde?: number;
}

/** A cell as published after disclosure control. */
export interface PubliceradCell {
  id: string;
  /** The number, or null when suppressed or when there is no number. */
  antal: number | null;
  /** What a person reads: "3", "0", "fåtal", "ej redovisad", "Ej rapporterat", "okänt antal". */
  visning: string;
  /** PRIMAR: 1…threshold ("fåtal"); SEKUNDAR: hidden so a small one cannot be derived. */
  undertryckt: 'PRIMAR' | 'SEKUNDAR' | null;
}

/** The police's assessed levels for one environment: text, not counts, never suppressed. */
export interface Bedomningsniva {
  miljo: string;
  /** Niva values or null where not assessed ("Ej bedömd"). */
  bosatta: string | null;
  folkbokforda: string | null;
  utsattaForBrott: string | null;
  resor: string | null;
}

/** One partner's section: its state for the period, as the live picture said it. */
export interface Avsnitt {
  partner: PartnerNamn;
  rapporteringsstatus: Rapporteringsstatus;
  /** The longer period its figures are for (RAPPORTERAT_GROVRE_PERIOD), else null. */
  grovrePeriod: string | null;
}

/**
 * What a draft captures from the live picture and an adopted version keeps, unsuppressed.
 * `celler` and `relationer` are the publication's own tables. `lankade` are the true
 * counts of the linked periods (for a half-year: its year and the other half; for a year:
 * its halves) at capture time: never published by this version, but disclosure control
 * must keep them from being derived too.
 */
export interface Underlag {
  omradeId: string;
  period: string;
  /** ISO timestamp of the capture. */
  hamtad: string;
  avsnitt: Avsnitt[];
  celler: Cell[];
  relationer: Relation[];
  nivaer: Bedomningsniva[];
  lankade: { celler: Cell[]; relationer: Relation[] };
}

/** An adopted version as the reader without clearance sees it, and as it is exported. */
export interface PubliceratInnehall {
  omradeId: string;
  period: string;
  version: number;
  /** The meeting date, YYYY-MM-DD. */
  faststalld: string;
  mote: string;
  troskel: number;
  avsnitt: Avsnitt[];
  /** Every cell of `Underlag.celler`, after disclosure control. */
  celler: (Omit<Cell, 'varde'> & PubliceradCell)[];
  /** The sums, without `restVarde`: a known rest is assumed known, never handed out. */
  relationer: Omit<Relation, 'restVarde'>[];
  nivaer: Bedomningsniva[];
}
