/**
 * The city's SLA for acute graffiti, as properties of one report: computed when its times
 * are written and stored on the row, so compliance per reporter, period and category is
 * a GROUP BY in SQL (loaders/index.ts) and never a loop over the table at read time.
 *
 * - Removal within 24 hours (clock hours) of the report ("24-timmars policy").
 * - The contractor on site within three working hours of the call-off, counting weekdays
 *   07.00–16.00 Stockholm time and not public holidays or the three eves.
 * - A missing time makes the outcome OKANT: neither met nor missed. (A report not yet
 *   removed is OKANT too, even when 24 hours have passed: "now" is not a property of the
 *   report, and a stored outcome must not go stale.)
 */
import { arbetsminuterMellan } from '@lagesbild/domain';
import { KlotterStatus, SlaUtfall } from './entities';

export const SANERING_MINUTER = 24 * 60;
export const PA_PLATS_ARBETSMINUTER = 3 * 60;

export interface Tider {
  anmaldTid: string | null;
  avropTid: string | null;
  paPlatsTid: string | null;
  borttagenTid: string | null;
}

export interface SlaVarden {
  slaSanering: SlaUtfall;
  saneringMinuter: number | null;
  slaPaPlats: SlaUtfall;
  paPlatsArbetsminuter: number | null;
  status: KlotterStatus;
}

export function beraknaSla(t: Tider): SlaVarden {
  let saneringMinuter: number | null = null;
  let slaSanering = SlaUtfall.OKANT;
  if (t.anmaldTid && t.borttagenTid) {
    saneringMinuter = Math.round((Date.parse(t.borttagenTid) - Date.parse(t.anmaldTid)) / 60_000);
    slaSanering = saneringMinuter <= SANERING_MINUTER ? SlaUtfall.UPPFYLLT : SlaUtfall.EJ_UPPFYLLT;
  }
  let paPlatsArbetsminuter: number | null = null;
  let slaPaPlats = SlaUtfall.OKANT;
  if (t.avropTid && t.paPlatsTid) {
    paPlatsArbetsminuter = arbetsminuterMellan(t.avropTid, t.paPlatsTid);
    slaPaPlats =
      paPlatsArbetsminuter <= PA_PLATS_ARBETSMINUTER ? SlaUtfall.UPPFYLLT : SlaUtfall.EJ_UPPFYLLT;
  }
  const status = t.borttagenTid
    ? KlotterStatus.SANERAD
    : t.paPlatsTid
      ? KlotterStatus.PA_PLATS
      : t.avropTid
        ? KlotterStatus.AVROPAD
        : KlotterStatus.ANMALD;
  return { slaSanering, saneringMinuter, slaPaPlats, paPlatsArbetsminuter, status };
}

export const TID_NAMN: Record<keyof Tider, string> = {
  anmaldTid: 'anmälan',
  avropTid: 'avropet',
  paPlatsTid: 'ankomsten på plats',
  borttagenTid: 'saneringen',
};

/** The order the times must keep: report, call-off, on site, removed (each when known). */
const ORDNING: (keyof Tider)[] = ['anmaldTid', 'avropTid', 'paPlatsTid', 'borttagenTid'];

/**
 * Problems with a report's times after a write: each time after every earlier known one,
 * none in the future. Times are UTC ISO text, so they compare as strings.
 */
export function tidsproblem(
  t: Tider,
  nu: string = new Date().toISOString(),
): { field: keyof Tider; reason: string }[] {
  const problems: { field: keyof Tider; reason: string }[] = [];
  for (const [i, field] of ORDNING.entries()) {
    const value = t[field];
    if (!value) continue;
    if (value > nu) {
      problems.push({ field, reason: `${TID_NAMN[field]} ligger i framtiden` });
      continue;
    }
    for (const earlier of ORDNING.slice(0, i)) {
      const e = t[earlier];
      if (e && value < e) {
        problems.push({
          field,
          reason: `${TID_NAMN[field]} kan inte ligga före ${TID_NAMN[earlier]}`,
        });
        break;
      }
    }
  }
  return problems;
}
