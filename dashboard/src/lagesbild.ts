/**
 * The queries the page sends and what it derives from the answers. Three separate
 * operations (areas, the picture, the action plan), so one failing never takes the other
 * sections with it.
 */
import { felText, felUnder, type GraphQLFel } from './graphql';
import {
  EJ_TILLGANGLIG,
  lagesbildUrval,
  PARTNERS,
  type Partner,
  RAPPORTERINGSSTATUS_NAMN,
  type Rapporteringsstatus,
  type Varde,
} from './partners';

export const OMRADEN_QUERY = 'query Omraden { omraden { id namn } }';

export const LAGESBILD_QUERY = `query Dashboard($omrade: String!, $period: Period!) {
  lagesbild(omrade: $omrade, period: $period) {
    ${lagesbildUrval()}
    foregaende {
      ${lagesbildUrval()}
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

export interface Omrade {
  id: string;
  namn: string;
}

/** One partner's figures for one environment: its columns' fields. */
export type Siffror = Record<string, Varde>;

export interface MiljoRad {
  miljo: string;
  namn: string;
  /** Per partner field; null when that partner's part did not arrive. */
  [partner: string]: Siffror | string | null | undefined;
}

export interface Lagesbild {
  period: string;
  fran: string;
  till: string;
  miljoer: MiljoRad[];
  foregaende?: Lagesbild | null;
  [partner: string]: unknown;
}

export type Tackning = Rapporteringsstatus | 'EJ_TILLGANGLIG';

export interface PartnerTackning {
  partner: Partner;
  tackning: Tackning;
  text: string;
  /** The gateway's error text when the partner is unavailable. */
  detalj?: string;
}

export function siffror(rad: MiljoRad, partner: Partner): Siffror | null {
  const varde = rad[partner.falt];
  return typeof varde === 'object' && varde !== null ? varde : null;
}

/**
 * Each partner's state for the period. A section that did not arrive (null with a GraphQL
 * error, or the whole picture missing when förvaltning, which owns Lagesbild, is down) is
 * unavailable right now — not the same as not having reported, which a partner says with
 * rapporteringsstatus EJ_RAPPORTERAT.
 */
export function tackning(
  bild: Lagesbild | null,
  errors: readonly GraphQLFel[],
  path: readonly string[] = ['lagesbild'],
): PartnerTackning[] {
  return PARTNERS.map((partner) => {
    const avsnitt = bild?.[partner.falt] as { rapporteringsstatus?: Rapporteringsstatus } | null;
    const status = avsnitt?.rapporteringsstatus;
    if (status) return { partner, tackning: status, text: RAPPORTERINGSSTATUS_NAMN[status] };
    // A subgraph's own errors name it (serviceName); a connection failure carries no name
    // and often no path, so a missing section is unavailable whether or not an error names it.
    const fel = bild
      ? errors.filter(
          (e) =>
            felUnder([e], [...path, partner.falt]).length > 0 ||
            e.extensions?.serviceName === partner.falt,
        )
      : errors;
    return {
      partner,
      tackning: 'EJ_TILLGANGLIG',
      text: EJ_TILLGANGLIG,
      ...(fel.length > 0 ? { detalj: felText(fel) } : {}),
    };
  });
}

/** Sum of a count column over the environments; null when the partner's part is missing. */
export function summa(bild: Lagesbild | null | undefined, partner: Partner, falt: string) {
  if (!bild) return null;
  let total = 0;
  for (const rad of bild.miljoer) {
    const s = siffror(rad, partner);
    if (!s) return null;
    const v = s[falt];
    if (typeof v === 'number') total += v;
  }
  return total;
}
