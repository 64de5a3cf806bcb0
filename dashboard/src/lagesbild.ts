/**
 * What the page derives from the answers to its queries (dashboard/src/queries.ts). The
 * operations are separate (areas, the picture, the report's data, the graffiti history,
 * the action plan), so one failing never takes the other sections with it.
 */
import { felText, felUnder, type GraphQLFel } from './graphql';
import {
  arUndertryckt,
  type Delkalla,
  EJ_TILLGANGLIG,
  PARTNERS,
  type Partner,
  RAPPORTERINGSSTATUS_NAMN,
  type Rapporteringsstatus,
  type Siffror,
  type SkyddatAntal,
  talAv,
  UNDERTRYCKT_SUMMA,
} from './partners';

export interface Omrade {
  id: string;
  namn: string;
}

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
  /** The partner's own reporters (klotter), when it names them. */
  delkallor?: Delkalla[];
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
    const avsnitt = bild?.[partner.falt] as
      | ({ rapporteringsstatus?: Rapporteringsstatus } & Record<string, unknown>)
      | null;
    const status = avsnitt?.rapporteringsstatus;
    if (avsnitt && status) {
      return {
        partner,
        tackning: status,
        text: RAPPORTERINGSSTATUS_NAMN[status],
        ...(partner.delkallor ? { delkallor: partner.delkallor(avsnitt) } : {}),
      };
    }
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

/**
 * Sum of a count column over the environments; null when the partner's part is missing.
 * When any part is suppressed for the reader the sum is not told either ("ej redovisad"):
 * the visible parts alone would understate it, and the true sum minus them would give
 * the suppressed count back.
 */
export function summa(
  bild: Lagesbild | null | undefined,
  partner: Partner,
  falt: string,
): number | SkyddatAntal | null {
  if (!bild) return null;
  let total = 0;
  let undertryckt = false;
  for (const rad of bild.miljoer) {
    const s = siffror(rad, partner);
    if (!s) return null;
    const v = s[falt];
    if (arUndertryckt(v)) undertryckt = true;
    total += talAv(v) ?? 0;
  }
  return undertryckt ? { antal: null, undertryckt: true, visning: UNDERTRYCKT_SUMMA } : total;
}

/** A number on the partner's section itself (e.g. skolor's besvarade); null when missing. */
export function avsnittsTal(
  bild: Lagesbild | null | undefined,
  partner: Partner,
  falt: string,
): number | null {
  const avsnitt = bild?.[partner.falt] as Record<string, unknown> | null | undefined;
  const v = avsnitt?.[falt];
  return typeof v === 'number' ? v : null;
}
