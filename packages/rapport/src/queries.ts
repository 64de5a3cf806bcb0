/**
 * The council's combined picture: one query through the gateway, every partner's section
 * side by side. The dashboard and the meeting report read the same operation, and the
 * partners' schema check validates it (schema/check-partner.ts), so a schema change that
 * would break the council's report is named before it is deployed.
 */
export const LAGESBILD_RAPPORT = /* GraphQL */ `
  query LagesbildRapport($omrade: String!, $period: Period!) {
    lagesbild(omrade: $omrade, period: $period) {
      omradeId
      period
      fran
      till
      omrade {
        id
        namn
        namnd
        handlingsplan {
          namn
          fastalld
          uppfoljning
          atgarder {
            nr
            namn
            syfte
            ansvarig
            andraBerorda
            status
            statusText
            delsteg {
              nr
              text
              status
              statusText
            }
          }
        }
        grupperingar {
          namn
          miljo
          valdsbejakande
          beskrivning
          verksamhetsomrade
        }
      }
      forvaltning {
        rapporteringsstatus
        incidenterAntal {
          ...Antal
        }
        incidenter {
          datum
          period
          typ
          miljo
          beskrivning
          plats {
            id
            namn
            adress
          }
        }
        kontakterAntal {
          ...Antal
        }
        kontakter {
          kanal
          miljo
          antal {
            ...Antal
          }
          atgard
          utfall
        }
        faltobservationer {
          enhet
          typ
          miljo
          antal {
            ...Antal
          }
          beskrivning
        }
        atervandare {
          kandaAntal {
            ...Antal
          }
          insatserAntal {
            ...Antal
          }
          kommentar
        }
        kallanmarkningar {
          avsnitt
          text
        }
      }
      polis {
        rapporteringsstatus
        publicerad
        bedomningar {
          miljo
          period
          bosatta
          folkbokforda
          utsattaForBrott
          resor
          text
          utgivare
          publicerad
        }
        handelserAntal {
          ...Antal
        }
        handelser {
          typ
          rubrik
          datum
          period
          miljo
          vald
          beskrivning
          platser {
            id
            namn
          }
        }
      }
      skolor {
        rapporteringsstatus
        utskick
        besvarade
        svarsfrekvensVisning
      }
      klotter {
        rapporteringsstatus
        antal {
          ...Antal
        }
        perRapportor {
          rapportor
          namn
          rapporteringsstatus
          antal {
            ...Antal
          }
        }
        perKategori {
          rapportor
          kategori
          antal {
            ...Antal
          }
        }
        sanering {
          ...Sla
        }
        paPlats {
          ...Sla
        }
        anmalningar(first: 500) {
          totalt
          anmalningar {
            rapportor
            kategori
            miljo
            innehall
            platsText
            plats {
              id
              namn
            }
          }
        }
      }
      miljoer {
        miljo
        namn
        forvaltning {
          incidenter {
            ...Antal
          }
          kontakter {
            ...Antal
          }
          faltobservationer {
            ...Antal
          }
        }
        polis {
          rapporteringsstatus
          bosatta
          handelser {
            ...Antal
          }
        }
        skolor {
          rapporteringsstatus
          besvarade
          skolorMedTecken {
            ...Antal
          }
        }
        klotter {
          antal {
            ...Antal
          }
        }
      }
      foregaende {
        period
        forvaltning {
          rapporteringsstatus
          incidenterAntal {
            ...Antal
          }
          kontakterAntal {
            ...Antal
          }
        }
        polis {
          rapporteringsstatus
          handelserAntal {
            ...Antal
          }
        }
        skolor {
          rapporteringsstatus
          besvarade
        }
        klotter {
          rapporteringsstatus
          antal {
            ...Antal
          }
        }
      }
    }
  }

  # Every count under disclosure control: "fåtal" instead of 1…3 for a reader without clearance.
  # The contractors' SLA: outcomes are counts of reports, protected like the rest.
  fragment Sla on SlaSummering {
    uppfyllt {
      ...Antal
    }
    ejUppfyllt {
      ...Antal
    }
    okant {
      ...Antal
    }
    andelUppfyllt {
      andel
      undertryckt
      visning
    }
  }

  fragment Antal on SkyddatAntal {
    antal
    undertryckt
    visning
  }
`;
