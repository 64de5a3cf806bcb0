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
      periodLage
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
        platser {
          id
          namn
          delAv {
            id
            namn
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
        ...ForvaltningAvsnitt
        grovrePeriod
        grovre {
          ...ForvaltningAvsnitt
        }
      }
      polis {
        ...PolisAvsnitt
        grovrePeriod
        grovre {
          ...PolisAvsnitt
        }
      }
      skolor {
        ...SkolorAvsnitt
        grovrePeriod
        grovre {
          ...SkolorAvsnitt
        }
      }
      klotter {
        ...KlotterAvsnitt
        # The reports themselves for the period only: the longer period's are counted, not
        # listed (a listing weighs 500 rows in the gateway's cost limit). Which larger place
        # a report's place is part of comes from the area's register (omrade.platser).
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
        grovrePeriod
        grovre {
          ...KlotterAvsnitt
        }
      }
      miljoer {
        miljo
        namn
        forvaltning {
          ...ForvaltningMiljoTal
          grovrePeriod
          grovre {
            ...ForvaltningMiljoTal
          }
        }
        polis {
          ...PolisMiljoTal
          grovrePeriod
          grovre {
            ...PolisMiljoTal
          }
        }
        skolor {
          ...SkolorMiljoTal
          grovrePeriod
          grovre {
            ...SkolorMiljoTal
          }
        }
        klotter {
          ...KlotterMiljoTal
          grovrePeriod
          grovre {
            ...KlotterMiljoTal
          }
        }
      }
      foregaende {
        period
        periodLage
        forvaltning {
          rapporteringsstatus
          grovrePeriod
          incidenterAntal {
            ...Antal
          }
          kontakterAntal {
            ...Antal
          }
        }
        polis {
          rapporteringsstatus
          grovrePeriod
          handelserAntal {
            ...Antal
          }
        }
        skolor {
          rapporteringsstatus
          grovrePeriod
          besvarade
        }
        klotter {
          rapporteringsstatus
          grovrePeriod
          antal {
            ...Antal
          }
        }
      }
    }
  }

  # Each partner's section, selected alike for the period and for the longer period its
  # records may be dated to (grovre): "Rapporterat för hela 2016" shows the year's figures.
  fragment ForvaltningAvsnitt on ForvaltningLage {
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
        ...PlatsNamn
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

  fragment PolisAvsnitt on PolisLage {
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
        ...PlatsNamn
      }
    }
  }

  fragment SkolorAvsnitt on SkolorLage {
    rapporteringsstatus
    utskick
    besvarade
    svarsfrekvensVisning
  }

  fragment KlotterAvsnitt on KlotterLage {
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
  }

  fragment ForvaltningMiljoTal on ForvaltningMiljo {
    rapporteringsstatus
    incidenterAntal {
      ...Antal
    }
    kontakterAntal {
      ...Antal
    }
    faltobservationerAntal {
      ...Antal
    }
  }

  fragment PolisMiljoTal on PolisMiljo {
    rapporteringsstatus
    bosatta
    handelserAntal {
      ...Antal
    }
  }

  fragment SkolorMiljoTal on SkolorMiljo {
    rapporteringsstatus
    besvarade
    skolorMedTecken {
      ...Antal
    }
  }

  fragment KlotterMiljoTal on KlotterMiljo {
    rapporteringsstatus
    antal {
      ...Antal
    }
  }

  # A place and the larger place it is part of, so that the park and its metro entrance
  # are one hotspot.
  fragment PlatsNamn on Plats {
    id
    namn
    delAv {
      id
      namn
    }
  }

  # The contractors' SLA: outcomes are counts of reports, protected like the rest; kanda is
  # the share's denominator (reports with a known time), totalt all reports.
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
    kanda {
      ...Antal
    }
    totalt {
      ...Antal
    }
    andelUppfyllt {
      andel
      undertryckt
      visning
    }
  }

  # Every count under disclosure control: "fåtal" instead of 1…3 for a reader without
  # clearance, "okänt antal" when part of it is not known.
  fragment Antal on SkyddatAntal {
    antal
    undertryckt
    visning
  }
`;

/**
 * What the meeting report and the dashboard read of a publication (the publicering
 * subgraph's `Publicering`): not its export, which is fetched when it is downloaded.
 */
export const PUBLICERING_URVAL = `
      id
      omradeId
      period
      version
      status
      skapad
      faststalld
      mote
      rattelseOrsak
      foregaendeVersion { id version status faststalld }
      ersattAv { id version status faststalld }
      troskel
      hash
      bekraftelser { partner partnerNamn bekraftad roll tid kommentar }
      avsnitt {
        partner
        partnerNamn
        rapporteringsstatus
        grovrePeriod
        celler { id period matt dimension nyckel antal visning undertryckt rapporteringsstatus }
      }
      nivaer { miljo bosatta folkbokforda utsattaForBrott resor }
      andringar { cell rubrik fran till }`;

/** One publication by id, for its meeting report (`pnpm rapport --publicering`, rapport.html). */
export const PUBLICERING_RAPPORT = /* GraphQL */ `
  query PubliceringRapport($id: ID!) {
    publicering(id: $id) {${PUBLICERING_URVAL}
    }
  }
`;

/** An area's versions of a period, newest first: which one is adopted, which one is version n. */
export const PUBLICERING_VERSIONER = /* GraphQL */ `
  query PubliceringVersioner($omrade: String!, $period: Period) {
    publiceringar(omrade: $omrade, period: $period) {
      id
      omradeId
      period
      version
      status
      faststalld
    }
  }
`;

/** An adopted version's machine-readable export: JSON, one CSV per table, the content hash. */
export const PUBLICERING_EXPORT = /* GraphQL */ `
  query PubliceringExport($id: ID!) {
    publicering(id: $id) {
      id
      omradeId
      period
      version
      status
      export {
        json
        csv { namn innehall }
        hash
        filnamn
      }
    }
  }
`;

/** An area's name for a report's title (förvaltning holds the register). */
export const OMRADE_NAMN = /* GraphQL */ `
  query OmradeNamn($omrade: String!) {
    omrade(id: $omrade) { id namn namnd }
  }
`;
