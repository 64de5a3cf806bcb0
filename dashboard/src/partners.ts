/**
 * The partners whose figures the council reads side by side. Everything the page shows per
 * partner — its columns in the cross-partner table, its line in "Källor", its lines in the
 * trend, its series in the chart, and the GraphQL selections that fetch them — comes from
 * this one list. Adding polis, skolor or klotter is one entry here (see README).
 */

export type Rapporteringsstatus = 'RAPPORTERAT' | 'RAPPORTERAT_NOLL' | 'EJ_RAPPORTERAT';

/**
 * A count under disclosure control, as every partner now serves its counts: `visning` is
 * what the reader may see ("fåtal" when the number is suppressed for them).
 */
export interface SkyddatAntal {
  antal: number | null;
  undertryckt: boolean;
  visning: string;
}

/** The selection that fetches a SkyddatAntal field. */
export const skyddatUrval = (falt: string) => `${falt} { antal undertryckt visning }`;

/** A count's number when the reader may see it; null when suppressed or missing. */
export function talAv(varde: Varde): number | null {
  if (typeof varde === 'number') return varde;
  if (varde && typeof varde === 'object') return varde.antal;
  return null;
}

/** Was this count suppressed for the reader ("fåtal")? */
export function arUndertryckt(varde: Varde): varde is SkyddatAntal {
  return typeof varde === 'object' && varde !== null && varde.undertryckt;
}

/** What a sum reads when one of its parts is suppressed: it cannot be told, nor hinted at. */
export const UNDERTRYCKT_SUMMA = 'ej redovisad';

/** A cell's raw value as the partner's subgraph gives it. */
export type Varde = number | string | SkyddatAntal | null | undefined;

/** One partner's fields for one environment, as selected by its columns. */
export type Siffror = Record<string, Varde>;

export interface Kolumn {
  /** Field on the partner's per-environment type (e.g. ForvaltningMiljo.incidenter). */
  falt: string;
  rubrik: string;
  /** Longer explanation, shown as the header's tooltip and in the table's notes. */
  beskrivning: string;
  /**
   * Counts add up (trend, chart) where the reader may see them — each arrives as a
   * SkyddatAntal and a suppressed one is neither summed nor plotted; levels such as the
   * police's Niva do not add up, and neither does skolor's count of schools, which reads
   * against the schools that answered.
   */
  slag: 'antal' | 'niva' | 'skyddat';
  /** The GraphQL selection for the column when it is more than the field's name. */
  urval?: string;
  /** How a value reads, given the partner's whole row; counts use Swedish formatting by default. */
  format?: (varde: Varde, rad: Siffror) => string;
}

/** A figure on the partner's Lagesbild section itself, compared in the trend. */
export interface AvsnittTal {
  falt: string;
  rubrik: string;
}

/** One reporter within a partner (klotter: trafikkontoret, SISAB, MTR) and its state. */
export interface Delkalla {
  id: string;
  namn: string;
  status: Rapporteringsstatus;
  /** The count as the reader may see it ("4", "fåtal"); null without a report. */
  antal: string | null;
}

export interface Partner {
  /** The field on Lagesbild and on MiljoLage that holds this partner's section. */
  falt: string;
  namn: string;
  /** Extra selection on the partner's Lagesbild section besides rapporteringsstatus. */
  avsnittUrval?: string;
  /** Section totals for the trend, besides the sums of the count columns. */
  avsnittTal?: readonly AvsnittTal[];
  /** The partner's own reporters, read from its section (needs avsnittUrval). */
  delkallor?: (avsnitt: Record<string, unknown>) => Delkalla[];
  kolumner: readonly Kolumn[];
}

/** Klotter's SLA outcomes: counts of reports, each under disclosure control, and the share. */
const SLA_URVAL = `${['uppfyllt', 'ejUppfyllt', 'okant'].map(skyddatUrval).join(' ')}
        andelUppfyllt { andel undertryckt visning }`;

export const PARTNERS: readonly Partner[] = [
  {
    falt: 'forvaltning',
    namn: 'Förvaltningen',
    kolumner: [
      {
        falt: 'incidenter',
        urval: skyddatUrval('incidenter'),
        rubrik: 'Incidenter',
        beskrivning: 'Incidenter i stadens incidentrapportering (IA, tidigare RISK).',
        slag: 'antal',
      },
      {
        falt: 'kontakter',
        urval: skyddatUrval('kontakter'),
        rubrik: 'Kontakter',
        beskrivning: 'Inkomna kontakter (samtal) till mottagnings- och stödtelefon.',
        slag: 'antal',
      },
      {
        falt: 'faltobservationer',
        urval: skyddatUrval('faltobservationer'),
        rubrik: 'Fältobservationer',
        beskrivning:
          'Iakttagelser av fält- och fritid; en iakttagelse utan angivet antal räknas som en.',
        slag: 'antal',
      },
    ],
  },
  {
    falt: 'polis',
    namn: 'Polisen',
    kolumner: [
      {
        falt: 'bosatta',
        urval: 'bosatta rapporteringsstatus',
        rubrik: 'Bosatta',
        beskrivning:
          'Underrättelseenhetens bedömning av hur många i miljön som bor i området (Inga, Ett fåtal, Några, Många, Okänt).',
        slag: 'niva',
        format: (varde, rad) =>
          rad.rapporteringsstatus === 'EJ_RAPPORTERAT' ? 'Ej bedömd' : nivaNamn(varde),
      },
      {
        falt: 'handelser',
        urval: skyddatUrval('handelser'),
        rubrik: 'Händelser',
        beskrivning: 'Händelser i det offentliga rummet knutna till miljön.',
        slag: 'antal',
      },
    ],
  },
  {
    falt: 'skolor',
    namn: 'Skolorna',
    avsnittTal: [{ falt: 'besvarade', rubrik: 'Skolor som svarat' }],
    avsnittUrval: 'besvarade',
    kolumner: [
      {
        falt: 'skolorMedTecken',
        urval: 'skolorMedTecken { antal undertryckt visning } besvarade',
        rubrik: 'Skolor med tecken',
        beskrivning:
          'Skolor som uppmärksammat tecken, av dem som besvarat en fråga om miljön. Små antal visas som "fåtal" för läsare utan behörighet.',
        slag: 'skyddat',
        // Only what the reader may see: a suppressed count is never turned back into a number.
        format: (varde, rad) => {
          if (!varde || typeof varde !== 'object') return '–';
          const besvarade = typeof rad.besvarade === 'number' ? rad.besvarade : null;
          return besvarade === null ? varde.visning : `${varde.visning} av ${besvarade}`;
        },
      },
    ],
  },
  {
    falt: 'klotter',
    namn: 'Klotter',
    // The SLA chart reads sanering and paPlats from here, so it needs only klotter's source.
    avsnittUrval: `perRapportor { rapportor namn rapporteringsstatus ${skyddatUrval('antal')} }
      sanering { ${SLA_URVAL} }
      paPlats { ${SLA_URVAL} }`,
    delkallor: (avsnitt) =>
      ((avsnitt.perRapportor ?? []) as KlotterRapportor[]).map((r) => ({
        id: r.rapportor,
        namn: r.namn,
        status: r.rapporteringsstatus,
        antal: r.antal?.visning ?? null,
      })),
    kolumner: [
      {
        falt: 'antal',
        urval: skyddatUrval('antal'),
        rubrik: 'Anmälningar',
        beskrivning:
          'Anmälningar om rasistiskt eller stötande klotter från trafikkontoret, SISAB och MTR.',
        slag: 'antal',
      },
    ],
  },
];

interface KlotterRapportor {
  rapportor: string;
  namn: string;
  rapporteringsstatus: Rapporteringsstatus;
  antal: SkyddatAntal | null;
}

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

function nivaNamn(varde: Varde): string {
  if (typeof varde !== 'string') return '–';
  return NIVA_NAMN[varde] ?? varde;
}

export function formatera(kolumn: Kolumn, varde: Varde, rad: Siffror = {}): string {
  if (kolumn.format) return kolumn.format(varde, rad);
  if (varde === null || varde === undefined) return '–';
  if (typeof varde === 'number') return varde.toLocaleString('sv-SE');
  if (typeof varde === 'object') return varde.visning;
  return kolumn.slag === 'niva' ? nivaNamn(varde) : varde;
}

/** Selection for one Lagesbild (and its foregaende): every partner's section and row fields. */
export function lagesbildUrval(partners: readonly Partner[] = PARTNERS): string {
  const avsnitt = partners
    .map((p) => `${p.falt} { rapporteringsstatus ${p.avsnittUrval ?? ''} }`)
    .join('\n');
  const rader = partners.map(
    (p) => `${p.falt} { ${p.kolumner.map((k) => k.urval ?? k.falt).join(' ')} }`,
  );
  return `period fran till\n${avsnitt}\nmiljoer { miljo namn\n${rader.join('\n')} }`;
}
