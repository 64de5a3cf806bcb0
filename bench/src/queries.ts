import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';

export interface BenchQuery {
  /** Short name for the table. */
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * What an analyst asks in one go: every place of the area with its graffiti and the
 * police's events there (and those events' places with their graffiti again), the action
 * plan with every measure's steps and history, the groups, and four periods of totals
 * back through `foregaende`. It crosses the subgraphs several times (forvaltning → klotter
 * and polis → forvaltning → klotter), which is where a gateway's planning and entity
 * fetches cost most.
 */
export const ANALYTIKER_DJUP = /* GraphQL */ `
  query AnalytikerDjup($omrade: String!, $period: Period!) {
    omrade(id: $omrade) {
      id
      namn
      platser {
        id
        namn
        adress
        registrerad
        klotteranmalningar {
          id
          rapportor
          kategori
          miljo
          innehall
          status
          slaSanering
          slaPaPlats
          anmaldTid
          borttagenTid
        }
        handelser {
          id
          typ
          rubrik
          datum
          miljo
          vald
          platser {
            id
            namn
            adress
            klotteranmalningar {
              id
              kategori
            }
          }
        }
      }
      handlingsplan {
        namn
        atgarder {
          nr
          namn
          status
          statusText
          delsteg {
            nr
            text
            status
          }
          historik {
            id
            delstegNr
            franStatus
            tillStatus
            statusText
            kommentar
            tidpunkt
            av
          }
        }
      }
      handelser(period: $period) {
        id
        rubrik
        platser {
          id
          namn
        }
        gruppering {
          namn
        }
      }
      grupperingar {
        namn
        miljo
        aktivPa {
          id
          namn
        }
        handelser {
          id
          rubrik
        }
      }
    }
    lagesbild(omrade: $omrade, period: $period) {
      ...Totaler
      foregaende {
        ...Totaler
        foregaende {
          ...Totaler
          foregaende {
            ...Totaler
          }
        }
      }
    }
  }

  fragment Totaler on Lagesbild {
    period
    fran
    till
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

  fragment Antal on SkyddatAntal {
    antal
    undertryckt
    visning
  }
`;

const NORRMALM_2016 = { omrade: 'norrmalm', period: '2016' };

export const QUERIES: readonly BenchQuery[] = [
  { name: 'lägesbild', query: LAGESBILD_RAPPORT, variables: NORRMALM_2016 },
  { name: 'analytiker', query: ANALYTIKER_DJUP, variables: NORRMALM_2016 },
];
