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
        incidenterAntal
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
        kontakterAntal
        kontakter {
          kanal
          miljo
          antal
          atgard
          utfall
        }
        faltobservationer {
          enhet
          typ
          miljo
          antal
          beskrivning
        }
        atervandare {
          kandaAntal
          insatserAntal
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
        handelserAntal
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
        antal
        perRapportor {
          rapportor
          namn
          rapporteringsstatus
          antal
        }
        perKategori {
          rapportor
          kategori
          antal
        }
        sanering {
          uppfyllt
          ejUppfyllt
          okant
          andelUppfyllt
        }
        paPlats {
          uppfyllt
          ejUppfyllt
          okant
          andelUppfyllt
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
          incidenter
          kontakter
          faltobservationer
        }
        polis {
          rapporteringsstatus
          bosatta
          handelser
        }
        skolor {
          rapporteringsstatus
          besvarade
          skolorMedTecken {
            antal
            undertryckt
            visning
          }
        }
        klotter {
          antal
        }
      }
      foregaende {
        period
        forvaltning {
          rapporteringsstatus
          incidenterAntal
          kontakterAntal
        }
        polis {
          rapporteringsstatus
          handelserAntal
        }
        skolor {
          rapporteringsstatus
          besvarade
        }
        klotter {
          rapporteringsstatus
          antal
        }
      }
    }
  }
`;
