/** The shape of LagesbildRapport's answer; a partner's section is null when its source is missing. */
export type Rapporteringsstatus = 'RAPPORTERAT' | 'RAPPORTERAT_NOLL' | 'EJ_RAPPORTERAT';

export interface PlatsRef {
  id: string;
  namn: string | null;
  adress?: string | null;
}

/**
 * A count under disclosure control: `visning` is "fåtal" when it is small and suppressed for
 * the reader, "ej redovisad" when it is withheld so that a small one cannot be derived.
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
  andelUppfyllt: SkyddadAndel;
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
    incidenterAntal: SkyddatAntal;
    incidenter: {
      datum: string | null;
      period: string;
      typ: string;
      miljo: string;
      beskrivning: string;
      plats: PlatsRef | null;
    }[];
    kontakterAntal: SkyddatAntal;
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
      antal: SkyddatAntal | null;
      beskrivning: string;
    }[];
    atervandare: {
      kandaAntal: SkyddatAntal;
      insatserAntal: SkyddatAntal;
      kommentar: string | null;
    }[];
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
    handelserAntal: SkyddatAntal;
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
    antal: SkyddatAntal;
    perRapportor: {
      rapportor: string;
      namn: string;
      rapporteringsstatus: Rapporteringsstatus;
      antal: SkyddatAntal | null;
    }[];
    perKategori: { rapportor: string; kategori: string; antal: SkyddatAntal }[];
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
    forvaltning: {
      incidenter: SkyddatAntal;
      kontakter: SkyddatAntal;
      faltobservationer: SkyddatAntal;
    } | null;
    polis: {
      rapporteringsstatus: Rapporteringsstatus;
      bosatta: string;
      handelser: SkyddatAntal;
    } | null;
    skolor: {
      rapporteringsstatus: Rapporteringsstatus;
      besvarade: number;
      skolorMedTecken: SkyddatAntal | null;
    } | null;
    klotter: { antal: SkyddatAntal } | null;
  }[];
  foregaende: {
    period: string;
    forvaltning: {
      rapporteringsstatus: Rapporteringsstatus;
      incidenterAntal: SkyddatAntal;
      kontakterAntal: SkyddatAntal;
    } | null;
    polis: { rapporteringsstatus: Rapporteringsstatus; handelserAntal: SkyddatAntal } | null;
    skolor: { rapporteringsstatus: Rapporteringsstatus; besvarade: number } | null;
    klotter: { rapporteringsstatus: Rapporteringsstatus; antal: SkyddatAntal } | null;
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
