/**
 * What the page derives from the answers to its queries (dashboard/src/queries.ts). The
 * operations are separate (areas, the picture, the report's data, the graffiti history,
 * the action plan), so one failing never takes the other sections with it.
 */
import {
  antalFras,
  EJ_BEHORIG,
  EJ_TILLGANGLIG,
  helaPerioden,
  partnerStatusText,
} from '@lagesbild/rapport';
import { felText, felUnder, type GraphQLFel } from './graphql';
import {
  type Delkalla,
  PARTNERS,
  type Partner,
  type Rapporteringsstatus,
  type Siffror,
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

export type PeriodLage = 'AVSLUTAD' | 'PAGAR' | 'EJ_PABORJAD';

/** The previous period, as the trend compares it: the partners' sections only. */
export interface Foregaende {
  period: string;
  [partner: string]: unknown;
}

export interface Lagesbild {
  omradeId: string;
  periodLage: PeriodLage;
  period: string;
  fran: string;
  till: string;
  miljoer: MiljoRad[];
  foregaende?: Foregaende | null;
  [partner: string]: unknown;
}

/**
 * A partner's state for the reader: its reporting state, or no section — unavailable (its
 * source did not answer) or not for this reader (not cleared for the partner's live data).
 */
export type Tackning = Rapporteringsstatus | 'EJ_TILLGANGLIG' | 'EJ_BEHORIG';

/**
 * The partner's refusal of its live data to this reader: FORBIDDEN with the partner in
 * `extensions.kalla`. The source answered; the reader reads the adopted lägesbild instead.
 * Not an outage, so never named as a missing source nor shown as an error.
 */
export function arNekad(e: GraphQLFel, partnerFalt?: string): boolean {
  const kalla = e.extensions?.kalla;
  return (
    e.extensions?.code === 'FORBIDDEN' &&
    typeof kalla === 'string' &&
    (partnerFalt === undefined || kalla === partnerFalt)
  );
}

/** The partners (their fields) whose live data the answer refused this reader. */
export function nekadePartner(errors: readonly GraphQLFel[]): Set<string> {
  return new Set(errors.filter((e) => arNekad(e)).map((e) => String(e.extensions?.kalla)));
}

/** The errors that are not such a refusal: what did go wrong. */
export function verkligaFel(errors: readonly GraphQLFel[]): GraphQLFel[] {
  return errors.filter((e) => !arNekad(e));
}

export interface PartnerTackning {
  partner: Partner;
  tackning: Tackning;
  text: string;
  /** The gateway's error text when the partner is unavailable or refused. */
  detalj?: string;
  /**
   * The longer period the partner reported for, with its figures in words ("hela 2016:
   * 3 incidenter, 1 kontakt"), when the section names one.
   */
  grovre?: string;
  /** The partner's own reporters (klotter), when it names them. */
  delkallor?: Delkalla[];
}

/** A partner's section of a picture; null when it did not arrive. */
export function avsnitt(
  bild: Lagesbild | Foregaende | null | undefined,
  partner: Partner,
): Siffror | null {
  const v = bild?.[partner.falt];
  return typeof v === 'object' && v !== null && 'rapporteringsstatus' in v ? (v as Siffror) : null;
}

export function siffror(rad: MiljoRad, partner: Partner): Siffror | null {
  const varde = rad[partner.falt];
  return typeof varde === 'object' && varde !== null ? varde : null;
}

/**
 * The longer period's figures in words, "hela 2016: 3 incidenter, 1 kontakt", for a
 * section that names a longer period it has records for; null otherwise.
 */
export function grovreText(partner: Partner, a: Siffror): string | null {
  const g = a.grovre;
  if (!a.grovrePeriod || !g) return null;
  const tal = partner.avsnittTal.flatMap((t) => {
    const v = g[t.falt];
    if (typeof v === 'number') return [antalFras(v, t.ord)];
    if (v && typeof v === 'object' && 'visning' in v) {
      return [
        antalFras(v as { antal: number | null; undertryckt: boolean; visning: string }, t.ord),
      ];
    }
    return [];
  });
  const vad = tal.length > 0 ? tal.join(', ') : partnerStatusText(g).toLowerCase();
  return `${helaPerioden(a.grovrePeriod)}: ${vad}`;
}

/**
 * Each partner's state for the period. A section that did not arrive (null with a GraphQL
 * error, or the whole picture missing when förvaltning, which owns Lagesbild, is down) is
 * unavailable right now — not the same as not having reported, which a partner says with
 * rapporteringsstatus EJ_RAPPORTERAT — unless the partner refused it to this reader, who
 * is not cleared for its live data (EJ_BEHORIG).
 */
export function tackning(
  bild: Lagesbild | null,
  errors: readonly GraphQLFel[],
  path: readonly string[] = ['lagesbild'],
  partners: readonly Partner[] = PARTNERS,
): PartnerTackning[] {
  return partners.map((partner) => {
    const a = avsnitt(bild, partner);
    if (a) {
      const grovre = grovreText(partner, a);
      return {
        partner,
        tackning: a.rapporteringsstatus,
        text: partnerStatusText(a),
        ...(grovre ? { grovre } : {}),
        ...(partner.delkallor ? { delkallor: partner.delkallor(a) } : {}),
      };
    }
    if (errors.some((e) => arNekad(e, partner.falt))) {
      return { partner, tackning: 'EJ_BEHORIG', text: EJ_BEHORIG };
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
 * The gateway's answer to an area it does not know: BAD_USER_INPUT with the known ids in
 * `extensions.kandaOmraden`. Not an outage — the reader asked for something that is not
 * there — so the page says "Okänt område" instead of naming sources as unavailable.
 */
export interface OkantOmrade {
  meddelande: string;
  kandaOmraden: string[];
}

export function okantOmrade(errors: readonly GraphQLFel[]): OkantOmrade | null {
  for (const e of errors) {
    const kanda = e.extensions?.kandaOmraden;
    if (e.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(kanda)) {
      return { meddelande: e.message, kandaOmraden: kanda.map(String) };
    }
  }
  return null;
}

/**
 * The gateway's answer to a question it cannot read (BAD_USER_INPUT without known areas: a
 * period such as "2016-13"): what the reader asked wrong, in words — not an outage. Null
 * when no such error is among the errors.
 */
export function felaktigFraga(
  errors: readonly GraphQLFel[],
  fragad: { period: string },
): string | null {
  const fel = errors.find(
    (e) => e.extensions?.code === 'BAD_USER_INPUT' && !Array.isArray(e.extensions?.kandaOmraden),
  );
  if (!fel) return null;
  const skal = typeof fel.extensions?.reason === 'string' ? fel.extensions.reason : null;
  if (/period/i.test(fel.message)) {
    return `Perioden ”${fragad.period}” går inte att läsa: ${skal ?? fel.message}`;
  }
  return `Frågan går inte att besvara: ${fel.message}`;
}
