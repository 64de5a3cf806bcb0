/** The shape of LagesbildRapport's answer; a partner's section is null when its source is missing. */
export type Rapporteringsstatus = 'RAPPORTERAT' | 'RAPPORTERAT_NOLL' | 'EJ_RAPPORTERAT';

export interface PlatsRef {
  id: string;
  namn: string | null;
  adress?: string | null;
}

export interface SkyddatAntal {
  antal: number | null;
  undertryckt: boolean;
  visning: string;
}

export interface Sla {
  uppfyllt: number;
  ejUppfyllt: number;
  okant: number;
  andelUppfyllt: number | null;
}

export interface Lagesbild {
  omradeId: string;
  period: string;
  fran: string;
  till: string;
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
        statusText: string;
        delsteg: { nr: number; text: string; status: string; statusText: string }[];
      }[];
    } | null;
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
  forvaltning: {
    rapporteringsstatus: Rapporteringsstatus;
    incidenterAntal: number;
    incidenter: {
      datum: string | null;
      period: string;
      typ: string;
      miljo: string;
      beskrivning: string;
      plats: PlatsRef | null;
    }[];
    kontakterAntal: number;
    kontakter: {
      kanal: string;
      miljo: string | null;
      antal: number;
      atgard: string | null;
      utfall: string | null;
    }[];
    faltobservationer: {
      enhet: string;
      typ: string;
      miljo: string | null;
      antal: number | null;
      beskrivning: string;
    }[];
    atervandare: { kandaAntal: number; insatserAntal: number; kommentar: string | null }[];
    kallanmarkningar: { avsnitt: string; text: string }[];
  } | null;
  polis: {
    rapporteringsstatus: Rapporteringsstatus;
    publicerad: string | null;
    bedomningar: {
      miljo: string;
      period: string;
      bosatta: string;
      folkbokforda: string;
      utsattaForBrott: string;
      resor: string;
      text: string;
      utgivare: string;
      publicerad: string;
    }[];
    handelserAntal: number;
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
  } | null;
  skolor: {
    rapporteringsstatus: Rapporteringsstatus;
    utskick: number | null;
    besvarade: number;
    svarsfrekvensVisning: string;
  } | null;
  klotter: {
    rapporteringsstatus: Rapporteringsstatus;
    antal: number;
    perRapportor: {
      rapportor: string;
      namn: string;
      rapporteringsstatus: Rapporteringsstatus;
      antal: number | null;
    }[];
    perKategori: { rapportor: string; kategori: string; antal: number }[];
    sanering: Sla;
    paPlats: Sla;
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
  } | null;
  miljoer: {
    miljo: string;
    namn: string;
    forvaltning: { incidenter: number; kontakter: number; faltobservationer: number } | null;
    polis: { rapporteringsstatus: Rapporteringsstatus; bosatta: string; handelser: number } | null;
    skolor: {
      rapporteringsstatus: Rapporteringsstatus;
      besvarade: number;
      skolorMedTecken: SkyddatAntal | null;
    } | null;
    klotter: { antal: number } | null;
  }[];
  foregaende: {
    period: string;
    forvaltning: {
      rapporteringsstatus: Rapporteringsstatus;
      incidenterAntal: number;
      kontakterAntal: number;
    } | null;
    polis: { rapporteringsstatus: Rapporteringsstatus; handelserAntal: number } | null;
    skolor: { rapporteringsstatus: Rapporteringsstatus; besvarade: number } | null;
    klotter: { rapporteringsstatus: Rapporteringsstatus; antal: number } | null;
  } | null;
}

export const PARTNER_NAMN = {
  forvaltning: 'Förvaltningen',
  polis: 'Polisen',
  skolor: 'Skolorna',
  klotter: 'Klotter (trafikkontoret, SISAB, MTR)',
} as const;

export type PartnerFalt = keyof typeof PARTNER_NAMN;
export const PARTNERS = Object.keys(PARTNER_NAMN) as PartnerFalt[];
