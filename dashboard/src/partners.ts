/**
 * The partners whose figures the council reads side by side. Everything the page shows per
 * partner — its columns in the cross-partner table, its line in "Källor", its lines in the
 * trend, its series in the chart, and the GraphQL selections that fetch them — comes from
 * this one list. Adding polis, skolor or klotter is one entry here (see README).
 */

export type Rapporteringsstatus = 'RAPPORTERAT' | 'RAPPORTERAT_NOLL' | 'EJ_RAPPORTERAT';

/** A cell's raw value as the partner's subgraph gives it. */
export type Varde = number | string | null | undefined;

export interface Kolumn {
  /** Field on the partner's per-environment type (e.g. ForvaltningMiljo.incidenter). */
  falt: string;
  rubrik: string;
  /** Longer explanation, shown as the header's tooltip and in the table's notes. */
  beskrivning: string;
  /** Counts add up (trend, chart); levels such as the police's Niva do not. */
  slag: 'antal' | 'niva';
  /** How a value reads; counts use Swedish number formatting by default. */
  format?: (varde: Varde) => string;
}

export interface Partner {
  /** The field on Lagesbild and on MiljoLage that holds this partner's section. */
  falt: string;
  namn: string;
  /** Extra selection on the partner's Lagesbild section besides rapporteringsstatus. */
  avsnittUrval?: string;
  kolumner: readonly Kolumn[];
}

export const PARTNERS: readonly Partner[] = [
  {
    falt: 'forvaltning',
    namn: 'Förvaltningen',
    kolumner: [
      {
        falt: 'incidenter',
        rubrik: 'Incidenter',
        beskrivning: 'Incidenter i stadens incidentrapportering (IA, tidigare RISK).',
        slag: 'antal',
      },
      {
        falt: 'kontakter',
        rubrik: 'Kontakter',
        beskrivning: 'Inkomna kontakter (samtal) till mottagnings- och stödtelefon.',
        slag: 'antal',
      },
      {
        falt: 'faltobservationer',
        rubrik: 'Fältobservationer',
        beskrivning:
          'Iakttagelser av fält- och fritid; en iakttagelse utan angivet antal räknas som en.',
        slag: 'antal',
      },
    ],
  },
  // Polisen, skolorna and klotter add their entries here when their subgraphs land, e.g.
  // { falt: 'polis', namn: 'Polisen', kolumner: [{ falt: 'niva', rubrik: 'Bedömning', slag: 'niva', … }] }
];

export const RAPPORTERINGSSTATUS_NAMN: Record<Rapporteringsstatus, string> = {
  RAPPORTERAT: 'Rapporterat',
  RAPPORTERAT_NOLL: 'Rapporterat noll',
  EJ_RAPPORTERAT: 'Ej rapporterat',
};

export const EJ_TILLGANGLIG = 'Ej tillgänglig just nu';

const NIVA_NAMN: Record<string, string> = {
  INGA: 'Inga',
  FATAL: 'Ett fåtal',
  NAGRA: 'Några',
  MANGA: 'Många',
  OKAND: 'Okänt',
};

export function formatera(kolumn: Kolumn, varde: Varde): string {
  if (kolumn.format) return kolumn.format(varde);
  if (varde === null || varde === undefined) return '–';
  if (typeof varde === 'number') return varde.toLocaleString('sv-SE');
  return kolumn.slag === 'niva' ? (NIVA_NAMN[varde] ?? varde) : varde;
}

/** Selection for one Lagesbild (and its foregaende): every partner's section and row fields. */
export function lagesbildUrval(partners: readonly Partner[] = PARTNERS): string {
  const avsnitt = partners
    .map((p) => `${p.falt} { rapporteringsstatus ${p.avsnittUrval ?? ''} }`)
    .join('\n');
  const rader = partners.map((p) => `${p.falt} { ${p.kolumner.map((k) => k.falt).join(' ')} }`);
  return `period fran till\n${avsnitt}\nmiljoer { miljo namn\n${rader.join('\n')} }`;
}
