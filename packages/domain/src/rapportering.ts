import { type Period, parsePeriod, periodContains } from './period';

/**
 * A partner's reporting state for a period. "Reported zero" is a statement; "not reported"
 * is the absence of one — the picture must never show the second as a silent 0. A partner
 * whose records for the period are dated only to a longer period that contains it (the
 * year 2016 when 2016-H2 is asked) has reported, but not for this period: its figures are
 * not counted into the shorter period, and they are shown, labelled, for the longer one.
 * "Unavailable now" (the partner's subgraph did not answer) is not a status a subgraph can
 * give: the section is null and the gateway names the source in `saknadeKallor`.
 */
export enum Rapporteringsstatus {
  RAPPORTERAT = 'RAPPORTERAT',
  RAPPORTERAT_NOLL = 'RAPPORTERAT_NOLL',
  RAPPORTERAT_GROVRE_PERIOD = 'RAPPORTERAT_GROVRE_PERIOD',
  EJ_RAPPORTERAT = 'EJ_RAPPORTERAT',
}

export const RAPPORTERINGSSTATUS_NAMN: Record<Rapporteringsstatus, string> = {
  [Rapporteringsstatus.RAPPORTERAT]: 'Rapporterat',
  [Rapporteringsstatus.RAPPORTERAT_NOLL]: 'Rapporterat noll',
  [Rapporteringsstatus.RAPPORTERAT_GROVRE_PERIOD]: 'Rapporterat för längre period',
  [Rapporteringsstatus.EJ_RAPPORTERAT]: 'Ej rapporterat',
};

/**
 * From how many records a partner has inside the period, how many of them are non-zero,
 * and whether it has records for a longer period that contains this one.
 */
export function rapporteringsstatus(
  rader: number,
  ejNoll: number,
  grovre = false,
): Rapporteringsstatus {
  if (rader === 0) {
    return grovre
      ? Rapporteringsstatus.RAPPORTERAT_GROVRE_PERIOD
      : Rapporteringsstatus.EJ_RAPPORTERAT;
  }
  return ejNoll > 0 ? Rapporteringsstatus.RAPPORTERAT : Rapporteringsstatus.RAPPORTERAT_NOLL;
}

/**
 * Does a partner in this state have a number for the period? Only a report for the period
 * itself gives one (possibly 0); "not reported" and "reported for a longer period" give
 * null, never 0.
 */
export function harTal(status: Rapporteringsstatus): boolean {
  return (
    status === Rapporteringsstatus.RAPPORTERAT || status === Rapporteringsstatus.RAPPORTERAT_NOLL
  );
}

/** The value when the state has a number, else null: one place for "missing is never 0". */
export function talOmRapporterat<T>(status: Rapporteringsstatus, tal: () => T): T | null {
  return harTal(status) ? tal() : null;
}

/**
 * Of the periods records were written for, the shortest that strictly contains `p` (so
 * "2016" for 2016-H2 when only yearly records exist), or null. Texts that are not periods
 * (a record dated to a day) cannot contain a period and are skipped.
 */
export function narmasteGrovrePeriod(perioder: Iterable<string>, p: Period): Period | null {
  let basta: Period | null = null;
  for (const text of perioder) {
    let q: Period;
    try {
      q = parsePeriod(text);
    } catch {
      continue;
    }
    const strikt = periodContains(q, p) && (q.fran < p.fran || q.till > p.till);
    if (!strikt) continue;
    if (!basta || (q.fran >= basta.fran && q.till <= basta.till)) basta = q;
  }
  return basta;
}

/** Whether a period is over, under way, or has not begun (on a given day, default today). */
export enum PeriodLage {
  AVSLUTAD = 'AVSLUTAD',
  PAGAR = 'PAGAR',
  EJ_PABORJAD = 'EJ_PABORJAD',
}

/** Today as 'YYYY-MM-DD' in UTC (the date strings of Period compare as text). */
export function idagDatum(nu: Date = new Date()): string {
  return nu.toISOString().slice(0, 10);
}

export function periodLage(p: Period, idag: string = idagDatum()): PeriodLage {
  if (idag < p.fran) return PeriodLage.EJ_PABORJAD;
  if (idag >= p.till) return PeriodLage.AVSLUTAD;
  return PeriodLage.PAGAR;
}

/**
 * Today in Stockholm as 'YYYY-MM-DD'. Periods are Swedish calendar periods: at 00:30 on
 * New Year's Day in Stockholm the new year has begun, though UTC is still in the old one.
 */
export function stockholmsDatum(nu: Date = new Date()): string {
  return nu.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * The one rule for every write channel (mutation, CSV import, Open311, the police feed): a
 * period that has not begun cannot be reported. The current period, begun but not over, can.
 * Returns the Swedish refusal, or null when the period may be reported.
 */
export function ejPaborjadPeriodFel(
  p: { text: string; fran: string },
  idag: string = stockholmsDatum(),
): string | null {
  if (idag >= p.fran) return null;
  return `Perioden ${p.text} har inte börjat; det går inte att rapportera för den ännu.`;
}
