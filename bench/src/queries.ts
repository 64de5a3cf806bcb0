import { PARTNER_REGISTER } from '@lagesbild/domain';
import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';

export interface BenchQuery {
  /** Short name for the table. */
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Every partner's section counts (the registry's), as the trend compares them. */
const TOTALER = PARTNER_REGISTER.map((p) => {
  const tal = p.avsnittTal.map((t) =>
    t.skyddat ? `      ${t.falt} {\n        ...Antal\n      }` : `      ${t.falt}`,
  );
  return `    ${p.falt} {\n      rapporteringsstatus\n${tal.join('\n')}\n    }`;
}).join('\n');

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
${TOTALER}
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
