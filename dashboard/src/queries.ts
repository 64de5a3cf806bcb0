/**
 * Every GraphQL operation the dashboard sends, as exported strings. The partners' schema
 * check (schema/check-partner.ts) imports this module and validates each of them against
 * the supergraph, so nothing here may touch the DOM. The report page and the hotspots
 * send LAGESBILD_RAPPORT from @lagesbild/rapport, which the check validates from there.
 */
import { PUBLICERING_URVAL } from '@lagesbild/rapport';
import { foregaendeUrval, lagesbildUrval } from './partners';

export const OMRADEN_QUERY = 'query Omraden { omraden { id namn } }';

/**
 * The cross-partner table, Källor, the charts and the trend: built from PARTNERS, one list.
 * `omradeId` is the area's canonical id (the gateway reads "Norrmalm" as "norrmalm");
 * `periodLage` says whether the period is over, under way or has not begun.
 */
export const LAGESBILD_QUERY = `query Dashboard($omrade: String!, $period: Period!) {
  lagesbild(omrade: $omrade, period: $period) {
    omradeId
    periodLage
    ${lagesbildUrval()}
    foregaende {
      ${foregaendeUrval()}
    }
  }
}`;

export const HANDLINGSPLAN_QUERY = `query DashboardHandlingsplan($omrade: String!, $sedan: String!) {
  omrade(id: $omrade) {
    namn
    handlingsplan {
      namn
      fastalld
      uppfoljning
      atgarder { id nr namn ansvarig status statusText }
      andringarSedan(tidpunkt: $sedan) {
        id atgardId delstegNr franStatus tillStatus statusText kommentar tidpunkt
      }
    }
  }
}`;

/** How many years the graffiti chart looks back, the chosen one included. */
export const KLOTTER_AR = 5;

const klotterAr = Array.from({ length: KLOTTER_AR }, (_, i) => i);

/**
 * Graffiti per reporter and category for five years, one aliased lagesbild per year
 * (ar0 is the oldest). Each year is its own field, so one year's failure names that year.
 */
export const KLOTTER_HISTORIK_QUERY = `query DashboardKlotterHistorik($omrade: String!, ${klotterAr
  .map((i) => `$ar${i}: Period!`)
  .join(', ')}) {
${klotterAr
  .map(
    (i) => `  ar${i}: lagesbild(omrade: $omrade, period: $ar${i}) {
    period
    klotter {
      rapporteringsstatus
      perKategori { rapportor kategori antal { antal undertryckt visning } }
      perRapportor { rapportor namn rapporteringsstatus antal { antal undertryckt visning } }
    }
  }`,
  )
  .join('\n')}
}`;

/** The variables for KLOTTER_HISTORIK_QUERY: the five years up to and including `ar`. */
export function klotterHistorikVariabler(omrade: string, ar: number): Record<string, string> {
  return Object.fromEntries([
    ['omrade', omrade],
    ...klotterAr.map((i) => [`ar${i}`, String(ar - (KLOTTER_AR - 1) + i)]),
  ]);
}

/**
 * The adopted lägesbild of the chosen area and period (the publicering subgraph): the
 * adopted, not replaced, version with its tables as the reader may see them and, for a
 * reader cleared for every partner, what changed since it was adopted; and the area's
 * versions of every period — the adopted ones and the drafts the reader may see, with the
 * partners' confirmations.
 */
export const PUBLICERING_QUERY = `query DashboardPublicering($omrade: String!, $period: Period!) {
  lagesbild(omrade: $omrade, period: $period) {
    omradeId
    period
    publicering {${PUBLICERING_URVAL}
      andratSedanFaststallandet { cell rubrik fran till }
    }
  }
  omrade(id: $omrade) {
    id
    publiceringar {
      id
      period
      version
      status
      skapad
      faststalld
      mote
      ersattAv { id version faststalld }
      bekraftelser { partner partnerNamn bekraftad roll tid kommentar }
    }
  }
}`;

/** An adopted version's export (JSON and one CSV per table), fetched when it is downloaded. */
export const PUBLICERING_EXPORT_QUERY = `query DashboardPubliceringExport($id: ID!) {
  publicering(id: $id) {
    id
    omradeId
    period
    version
    export {
      json
      csv { namn innehall }
      hash
      filnamn
    }
  }
}`;
