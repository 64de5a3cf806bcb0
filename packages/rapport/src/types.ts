import { PARTNERS as DOMAIN_PARTNERS, type PartnerFalt, perPartner } from '@lagesbild/domain';

/**
 * The shape of LagesbildRapport's answer. A partner's section is null when its source is
 * missing; its counts are null unless it reported for the period itself (RAPPORTERAT or
 * RAPPORTERAT_NOLL) — see docs/tal.md.
 */
export type Rapporteringsstatus =
  | 'RAPPORTERAT'
  | 'RAPPORTERAT_NOLL'
  | 'RAPPORTERAT_GROVRE_PERIOD'
  | 'EJ_RAPPORTERAT';

/** Whether the period is over, under way, or has not begun. */
export type PeriodLage = 'AVSLUTAD' | 'PAGAR' | 'EJ_PABORJAD';

/** The police's level for an environment; null in a section means "not assessed". */
export type Niva = 'INGA' | 'FATAL' | 'NAGRA' | 'MANGA' | 'OKAND';

export interface PlatsRef {
  id: string;
  namn: string | null;
  adress?: string | null;
  /** The larger place this one is part of (the park for its playground), if any. */
  delAv?: { id: string; namn: string | null } | null;
}

/**
 * A count under disclosure control: `visning` is "fåtal" when it is small and suppressed for
 * the reader, "ej redovisad" when it is withheld so that a small one cannot be derived, and
 * "okänt antal" when part of it is not known.
 */
export interface SkyddatAntal {
  antal: number | null;
  undertryckt: boolean;
  visning: string;
}

export interface SkyddadAndel {
  andel: number | null;
  undertryckt: boolean;
  visning: string;
}

export interface Sla {
  uppfyllt: SkyddatAntal;
  ejUppfyllt: SkyddatAntal;
  okant: SkyddatAntal;
  /** Reports with a known outcome: the denominator of andelUppfyllt. */
  kanda: SkyddatAntal;
  /** All reports. */
  totalt: SkyddatAntal;
  andelUppfyllt: SkyddadAndel;
}

/** What every section and environment row carries about its report for the period. */
export interface Rapportering<T> {
  rapporteringsstatus: Rapporteringsstatus;
  /** The shortest longer period the partner has records for (e.g. "2016" for 2016-H2). */
  grovrePeriod: string | null;
  /** The same section for grovrePeriod. */
  grovre: T | null;
}

export interface ForvaltningAvsnitt {
  rapporteringsstatus: Rapporteringsstatus;
  incidenterAntal: SkyddatAntal | null;
  incidenter: {
    datum: string | null;
    period: string;
    typ: string;
    miljo: string;
    beskrivning: string;
    plats: PlatsRef | null;
  }[];
  kontakterAntal: SkyddatAntal | null;
  kontakter: {
    kanal: string;
    miljo: string | null;
    antal: SkyddatAntal;
    atgard: string | null;
    utfall: string | null;
  }[];
  faltobservationer: {
    enhet: string;
    typ: string;
    miljo: string | null;
    /** null when the source gives no count ("vid något tillfälle"). */
    antal: SkyddatAntal | null;
    beskrivning: string;
  }[];
  atervandare: {
    kandaAntal: SkyddatAntal;
    insatserAntal: SkyddatAntal;
    kommentar: string | null;
  }[];
  kallanmarkningar: { avsnitt: string; text: string }[];
}

export interface PolisAvsnitt {
  rapporteringsstatus: Rapporteringsstatus;
  publicerad: string | null;
  bedomningar: {
    miljo: string;
    period: string;
    bosatta: Niva | null;
    folkbokforda: Niva | null;
    utsattaForBrott: Niva | null;
    resor: Niva | null;
    text: string;
    utgivare: string;
    publicerad: string;
  }[];
  handelserAntal: SkyddatAntal | null;
  handelser: {
    typ: string;
    rubrik: string;
    datum: string | null;
    period: string;
    miljo: string;
    vald: boolean | null;
    beskrivning: string;
    platser: PlatsRef[];
  }[];
}

export interface SkolorAvsnitt {
  rapporteringsstatus: Rapporteringsstatus;
  utskick: number | null;
  besvarade: number | null;
  svarsfrekvensVisning: string;
}

export interface KlotterAvsnitt {
  rapporteringsstatus: Rapporteringsstatus;
  antal: SkyddatAntal | null;
  perRapportor: {
    rapportor: string;
    namn: string;
    rapporteringsstatus: Rapporteringsstatus;
    antal: SkyddatAntal | null;
  }[];
  perKategori: { rapportor: string; kategori: string; antal: SkyddatAntal }[];
  sanering: Sla | null;
  paPlats: Sla | null;
}

/** The period's own graffiti reports (a longer period's are counted, not listed). */
export interface KlotterAnmalningar {
  anmalningar: {
    totalt: number;
    anmalningar: {
      rapportor: string;
      kategori: string;
      miljo: string;
      innehall: string;
      platsText: string | null;
      plats: PlatsRef | null;
    }[];
  };
}

export type ForvaltningLage = ForvaltningAvsnitt & Rapportering<ForvaltningAvsnitt>;
export type PolisLage = PolisAvsnitt & Rapportering<PolisAvsnitt>;
export type SkolorLage = SkolorAvsnitt & Rapportering<SkolorAvsnitt>;
export type KlotterLage = KlotterAvsnitt & KlotterAnmalningar & Rapportering<KlotterAvsnitt>;

export interface ForvaltningMiljoTal {
  rapporteringsstatus: Rapporteringsstatus;
  incidenterAntal: SkyddatAntal | null;
  kontakterAntal: SkyddatAntal | null;
  /** "okänt antal" when an observation in it has no stated count. */
  faltobservationerAntal: SkyddatAntal | null;
}

export interface PolisMiljoTal {
  rapporteringsstatus: Rapporteringsstatus;
  /** null when the police has not assessed the environment ("Ej bedömd"). */
  bosatta: Niva | null;
  handelserAntal: SkyddatAntal | null;
}

export interface SkolorMiljoTal {
  rapporteringsstatus: Rapporteringsstatus;
  besvarade: number | null;
  skolorMedTecken: SkyddatAntal | null;
}

export interface KlotterMiljoTal {
  rapporteringsstatus: Rapporteringsstatus;
  antal: SkyddatAntal | null;
}

export interface MiljoRad {
  miljo: string;
  namn: string;
  forvaltning: (ForvaltningMiljoTal & Rapportering<ForvaltningMiljoTal>) | null;
  polis: (PolisMiljoTal & Rapportering<PolisMiljoTal>) | null;
  skolor: (SkolorMiljoTal & Rapportering<SkolorMiljoTal>) | null;
  klotter: (KlotterMiljoTal & Rapportering<KlotterMiljoTal>) | null;
}

export interface ForegaendeStatus {
  rapporteringsstatus: Rapporteringsstatus;
  grovrePeriod: string | null;
}

export interface Lagesbild {
  omradeId: string;
  period: string;
  fran: string;
  till: string;
  periodLage: PeriodLage;
  omrade: {
    id: string;
    namn: string;
    namnd: string;
    handlingsplan: {
      namn: string;
      fastalld: string;
      uppfoljning: string;
      atgarder: {
        nr: number;
        namn: string;
        syfte: string;
        ansvarig: string;
        andraBerorda: string[];
        status: string;
        /** Computed by förvaltning from the sub-steps' current statuses when it has any. */
        statusText: string;
        delsteg: { nr: number; text: string; status: string; statusText: string }[];
      }[];
    } | null;
    /** The area's registered places, each with the larger place it is part of. */
    platser?: {
      id: string;
      namn: string | null;
      delAv: { id: string; namn: string | null } | null;
    }[];
    grupperingar?:
      | {
          namn: string;
          miljo: string;
          valdsbejakande: boolean;
          beskrivning: string;
          verksamhetsomrade: string | null;
        }[]
      | null;
  };
  forvaltning: ForvaltningLage | null;
  polis: PolisLage | null;
  skolor: SkolorLage | null;
  klotter: KlotterLage | null;
  miljoer: MiljoRad[];
  foregaende: {
    period: string;
    periodLage?: PeriodLage;
    forvaltning:
      | (ForegaendeStatus & {
          incidenterAntal: SkyddatAntal | null;
          kontakterAntal: SkyddatAntal | null;
        })
      | null;
    polis: (ForegaendeStatus & { handelserAntal: SkyddatAntal | null }) | null;
    skolor: (ForegaendeStatus & { besvarade: number | null }) | null;
    klotter: (ForegaendeStatus & { antal: SkyddatAntal | null }) | null;
  } | null;
}

/** The partner registry, for the dashboard, which reads the domain through this package. */
export { PARTNER_REGISTER, type PartnerEntry, type PartnerFalt } from '@lagesbild/domain';

/** A partner's name in the report's "Källor för perioden" and its hotspots. */
export const PARTNER_NAMN: Record<PartnerFalt, string> = perPartner((p) => p.kallNamn);

/** The partners in the order the report shows them (the registry's). */
export const PARTNERS: readonly PartnerFalt[] = DOMAIN_PARTNERS;
