/**
 * The write rules every path shares (GraphQL mutations, the Open311 import): times in
 * order, SLA recomputed on every time written, a reporter's zero and its reports never
 * both for the same period, and what a re-sent report may change.
 *
 * Re-sending a report (same reporter, same reporter id) never duplicates it and changes
 * only its times: a time the re-send carries replaces the stored one (a later status
 * update from the reporter's system), every other field keeps what was first registered.
 */
import { dayRange, lokaltDatum, Miljo, parseTidpunkt, platsId } from '@lagesbild/domain';
import { badUserInput, type FieldProblem } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Klotteranmalan, Nollrapport, RAPPORTOR_NAMN, type Rapportor } from './entities';
import type { RegistreraKlotteranmalanInput } from './resolvers/types/klotteranmalan.input';
import { beraknaSla, type Tider, tidsproblem } from './sla';

export const TIDFALT: (keyof Tider)[] = ['anmaldTid', 'avropTid', 'paPlatsTid', 'borttagenTid'];

/** ISO 8601 with offset → the stored UTC form; null for null/undefined. Throws nothing. */
export function utcTid(text: string | null | undefined): string | null {
  if (text == null) return null;
  const ms = parseTidpunkt(text);
  return ms === null ? null : new Date(ms).toISOString();
}

/** The day of an instant in Stockholm as a one-day period: a report belongs to its day. */
export function dagsperiod(utcIso: string): { text: string; fran: string; till: string } {
  const datum = lokaltDatum(Date.parse(utcIso));
  return { text: datum, ...dayRange(datum) };
}

/**
 * Applies the given times (already UTC) to a report, and answers the problems of the
 * result; on no problems the SLA outcomes and status are recomputed. The caller throws
 * (and so writes nothing) when problems come back.
 */
export function tillampaTider(row: Klotteranmalan, tider: Partial<Tider>): FieldProblem[] {
  const next: Tider = {
    anmaldTid: row.anmaldTid,
    avropTid: row.avropTid,
    paPlatsTid: row.paPlatsTid,
    borttagenTid: row.borttagenTid,
  };
  for (const f of TIDFALT) {
    const v = tider[f];
    if (v !== undefined && v !== null) next[f] = v;
  }
  const problems = tidsproblem(next);
  if (problems.length > 0) return problems;
  Object.assign(row, next, beraknaSla(next));
  return [];
}

/** Whether two half-open date ranges overlap. */
export function overlappar(
  a: { fran: string; till: string },
  b: { fran: string; till: string },
): boolean {
  return a.fran < b.till && b.fran < a.till;
}

/** A reporter's zero that covers a report's period makes the report a contradiction. */
export async function nollSomKrockar(
  em: EntityManager,
  omradeId: string,
  rapportor: Rapportor,
  period: { fran: string; till: string },
): Promise<Nollrapport | null> {
  return em.findOne(Nollrapport, {
    omradeId,
    rapportor,
    fran: { $lt: period.till },
    till: { $gt: period.fran },
  });
}

export function nollKrockText(n: { period: string }, rapportor: Rapportor): string {
  return `${RAPPORTOR_NAMN[rapportor]} har intygat noll anmälningar för ${n.period}; en anmälan i den perioden motsäger det.`;
}

/**
 * A re-send may change a report's times, never what the report is: another category or
 * another area under the same reporter's id is a contradiction, refused as a conflict on
 * every channel (CONFLICT on GraphQL, 409 on Open311, a rejected CSV row) instead of being
 * answered silently with the original. null when the re-send agrees.
 */
export function omsandningsKonflikt(
  befintlig: Pick<Klotteranmalan, 'rapportor' | 'rapportorensId' | 'kategori' | 'omradeId'>,
  ny: { kategori: string; omradeId: string },
): FieldProblem[] | null {
  const problem: FieldProblem[] = [];
  if (befintlig.kategori !== ny.kategori) {
    problem.push({
      field: 'kategori',
      reason: `kategorin är ${befintlig.kategori}, inte ${ny.kategori}`,
    });
  }
  if (befintlig.omradeId !== ny.omradeId) {
    problem.push({
      field: 'omradeId',
      reason: `området är ${befintlig.omradeId}, inte ${ny.omradeId}`,
    });
  }
  return problem.length > 0 ? problem : null;
}

/** The sentence for a conflicting re-send (see omsandningsKonflikt). */
export function konfliktText(
  befintlig: Pick<Klotteranmalan, 'rapportor' | 'rapportorensId'>,
  problem: FieldProblem[],
): string {
  return (
    `Anmälan "${befintlig.rapportorensId}" från ${RAPPORTOR_NAMN[befintlig.rapportor]} finns redan ` +
    `och säger något annat: ${problem.map((p) => p.reason).join('; ')}. ` +
    'Skickas en anmälan igen får bara tiderna ändras.'
  );
}

/** The BAD_USER_INPUT for times out of order or in the future. */
export function tidsfel(problems: FieldProblem[]) {
  return badUserInput(
    `Tiderna går inte ihop: ${problems.map((p) => p.reason).join('; ')}.`,
    problems,
  );
}

/** An input's times (ISO 8601 with offset) as the stored UTC text; null where not given. */
export function tiderUr(
  input: Partial<Record<(typeof TIDFALT)[number], string | null | undefined>>,
): Tider {
  return Object.fromEntries(TIDFALT.map((f) => [f, utcTid(input[f])])) as unknown as Tider;
}

/**
 * A new report from a registration (the mutation's or a CSV row's), unsaved and without
 * its times: the caller applies them with tillampaTider and refuses on problems.
 */
export function nyAnmalan(
  id: string,
  input: RegistreraKlotteranmalanInput,
  period: { text: string; fran: string; till: string },
): Klotteranmalan {
  const row = new Klotteranmalan(id, input.omradeId, period, {
    rapportor: input.rapportor,
    kategori: input.kategori,
    miljo: input.miljo ?? Miljo.OSPECIFICERAD,
    innehall: input.innehall.trim(),
  });
  row.rapportorensId = input.rapportorensId.trim();
  row.beskrivning = input.beskrivning?.trim() ?? null;
  if (input.plats) {
    row.platsId = platsId(input.plats);
    row.platsText = input.plats.trim();
  }
  row.polisanmald = input.polisanmald ?? null;
  row.anteckningar = input.anteckningar?.trim() ?? null;
  return row;
}
