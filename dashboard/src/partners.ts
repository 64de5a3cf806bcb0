/**
 * The partners whose figures the council reads side by side. Everything the page shows per
 * partner — its columns in the cross-partner table, its line in "Källor", its lines in the
 * trend, its charts, and the GraphQL selections that fetch them — comes from this one list.
 * The list is derived from the partner registry (SUBGRAPHS in @lagesbild/domain); what the
 * page does beyond the registry's data for one partner is in BETEENDE below.
 *
 * What a figure means follows one rule (docs/tal.md): a count is a number only when the
 * partner reported for the period (`RAPPORTERAT`, `RAPPORTERAT_NOLL` — a reported zero is
 * 0); a partner that has not reported has no number anywhere, and one that reported only
 * for a longer period containing this one has its figures shown for that period, labelled
 * ("hela 2016"), never counted into this one. The words come from @lagesbild/rapport's
 * text module, so the page and the meeting report read one state the same way.
 */
import {
  type AntalVarde,
  antalCell,
  cellMedGrovre,
  type GrovreBredvid,
  grovreBredvid,
  harTalFor,
  helaPerioden,
  nivaCell,
  nivaGrovrePeriod,
  nivaText,
  type Ord,
  PARTNER_REGISTER,
  type PartnerEntry,
  type RapporteringsstatusText,
  rapporteringsstatusText,
  rapportorTillagg,
  rapportorUppgift,
  talVarde,
} from '@lagesbild/rapport';

export type Rapporteringsstatus = RapporteringsstatusText;

/**
 * A count under disclosure control, as every partner serves its counts: `visning` is
 * what the reader may see ("fåtal" when the number is suppressed for them, "okänt antal"
 * when nobody knows it).
 */
export type SkyddatAntal = AntalVarde;

/** The selection that fetches a SkyddatAntal field. */
export const skyddatUrval = (falt: string) => `${falt} { antal undertryckt visning }`;

/** A count's number when the reader may see it; null when suppressed, unknown or missing. */
export function talAv(varde: Varde): number | null {
  if (typeof varde === 'number') return varde;
  if (varde && typeof varde === 'object') return talVarde(varde);
  return null;
}

/** A field's raw value as the partner's subgraph gives it. */
export type Varde = number | string | SkyddatAntal | null | undefined;

/**
 * One partner's fields for one environment (or its whole section): its reporting state,
 * the longer period it reported for when it did (`grovrePeriod`), the same fields for
 * that period (`grovre`), and the fields its columns select.
 */
export interface Siffror {
  rapporteringsstatus: Rapporteringsstatus;
  grovrePeriod?: string | null;
  grovre?: Siffror | null;
  [falt: string]: unknown;
}

/** A field of a partner's row as a value (a count, a level, a number). */
export function faltVarde(rad: Siffror, falt: string): Varde {
  const v = rad[falt];
  if (v === null || v === undefined) return v;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'visning' in v) return v as SkyddatAntal;
  return undefined;
}

export interface Kolumn {
  /** Field on the partner's per-environment type (e.g. ForvaltningMiljo.incidenterAntal). */
  falt: string;
  rubrik: string;
  /** Longer explanation, shown as the header's tooltip. */
  beskrivning: string;
  /**
   * Counts (`antal`) are charted, one chart per count so that one axis holds one unit;
   * a suppressed or unknown one is neither plotted nor summed. Levels such as the
   * police's Niva do not add up, and neither does skolor's count of schools
   * (`skyddat`), which reads against the schools that answered.
   */
  slag: 'antal' | 'niva' | 'skyddat';
  /** The GraphQL selection for the column when it is more than the field's name. */
  urval?: string;
  /** How a value reads, given the partner's whole row; counts and levels have defaults. */
  format?: (varde: Varde, rad: Siffror) => string;
}

/** A count on the partner's Lagesbild section itself, compared in the trend. */
export interface AvsnittTal {
  falt: string;
  rubrik: string;
  /** The noun it counts, for sentences ("3 incidenter", "1 kontakt"). */
  ord: Ord;
  /** The GraphQL selection when the field is a SkyddatAntal. */
  urval?: string;
}

/** One reporter within a partner (klotter: trafikkontoret, SISAB, MTR) and its state. */
export interface Delkalla {
  id: string;
  namn: string;
  status: Rapporteringsstatus;
  /** The state in words ("Rapporterat för hela 2016"). */
  statusText: string;
  /** Its figures, shown in brackets after the state ("1 · hela 2016: 5", "0, hela 2016"). */
  tillagg: string | null;
}

export interface Partner {
  /** The field on Lagesbild and on MiljoLage that holds this partner's section. */
  falt: string;
  namn: string;
  /** Extra selection on the partner's Lagesbild section (this period only). */
  avsnittUrval?: string;
  /** Extra selection on the section for the longer period (`grovre`). */
  grovreUrval?: string;
  /** The section's counts, compared in the trend and told for a longer period. */
  avsnittTal: readonly AvsnittTal[];
  /** The partner's own reporters, read from its section (needs avsnittUrval). */
  delkallor?: (avsnitt: Siffror) => Delkalla[];
  /** Extra fields on the partner's row per environment that its columns' format reads. */
  radUrval?: string;
  kolumner: readonly Kolumn[];
}

/** Klotter's SLA: counts of reports under disclosure control, the share and its denominator. */
const SLA_URVAL = `${['uppfyllt', 'ejUppfyllt', 'okant', 'kanda', 'totalt'].map(skyddatUrval).join(' ')}
        andelUppfyllt { andel undertryckt visning }`;

const KLOTTER_RAPPORTORER = `perRapportor { rapportor namn rapporteringsstatus ${skyddatUrval('antal')} }`;

/**
 * What the page does for a partner beyond what the registry says as data: extra selections,
 * its own reporters, a column's own wording. A partner without an entry here is shown from
 * the registry alone.
 */
interface Beteende {
  avsnittUrval?: string;
  grovreUrval?: string;
  delkallor?: (avsnitt: Siffror) => Delkalla[];
  /** A column's own format, by its field. */
  format?: Record<string, NonNullable<Kolumn['format']>>;
}

const BETEENDE: Record<string, Beteende> = {
  skolor: {
    format: {
      // Only what the reader may see: a suppressed count is never turned back into a number.
      skolorMedTecken: (varde, rad) => {
        if (!varde || typeof varde !== 'object') return '–';
        const besvarade = faltVarde(rad, 'besvarade');
        return besvarade === null || besvarade === undefined
          ? varde.visning
          : `${varde.visning} av ${antalCell(besvarade as number | SkyddatAntal)}`;
      },
    },
  },
  klotter: {
    // The SLA chart reads sanering and paPlats from here, so it needs only klotter's source.
    avsnittUrval: `${KLOTTER_RAPPORTORER}
      sanering { ${SLA_URVAL} }
      paPlats { ${SLA_URVAL} }`,
    grovreUrval: `${KLOTTER_RAPPORTORER}
      sanering { ${SLA_URVAL} }
      paPlats { ${SLA_URVAL} }`,
    // The same facts per reporter as the report's lines (rapportorUppgift): its own count,
    // and the longer period's instead of or beside it, labelled.
    delkallor: (avsnitt) => {
      const grovre = (avsnitt.grovre?.perRapportor ?? []) as KlotterRapportor[];
      return ((avsnitt.perRapportor ?? []) as KlotterRapportor[]).map((r) => {
        const u = rapportorUppgift(
          r,
          grovre.find((g) => g.rapportor === r.rapportor),
          avsnitt.grovrePeriod,
        );
        return {
          id: r.rapportor,
          namn: r.namn,
          status: r.rapporteringsstatus,
          statusText: rapporteringsstatusText(u.status, u.grovrePeriod),
          tillagg: rapportorTillagg(u),
        };
      });
    },
  },
};

/**
 * The page's partners from the partner registry (SUBGRAPHS in @lagesbild/domain): every
 * count the registry lists as under disclosure control is selected as a SkyddatAntal, every
 * column but a level likewise.
 */
export function partnersFran(register: readonly PartnerEntry[] = PARTNER_REGISTER): Partner[] {
  return register.map((p) => {
    const b = BETEENDE[p.falt] ?? {};
    return {
      falt: p.falt,
      namn: p.kortNamn,
      ...(b.avsnittUrval ? { avsnittUrval: b.avsnittUrval } : {}),
      ...(b.grovreUrval ? { grovreUrval: b.grovreUrval } : {}),
      avsnittTal: p.avsnittTal.map((t) => ({
        falt: t.falt,
        rubrik: t.rubrik,
        ord: t.ord,
        ...(t.skyddat ? { urval: skyddatUrval(t.falt) } : {}),
      })),
      ...(b.delkallor ? { delkallor: b.delkallor } : {}),
      ...(p.radFalt?.length ? { radUrval: p.radFalt.join(' ') } : {}),
      kolumner: p.kolumner.map((k) => {
        const format = b.format?.[k.falt];
        return {
          falt: k.falt,
          ...(k.slag === 'niva' ? {} : { urval: skyddatUrval(k.falt) }),
          rubrik: k.rubrik,
          beskrivning: k.beskrivning,
          slag: k.slag,
          ...(format ? { format } : {}),
        };
      }),
    };
  });
}

export const PARTNERS: readonly Partner[] = partnersFran();

interface KlotterRapportor {
  rapportor: string;
  namn: string;
  rapporteringsstatus: Rapporteringsstatus;
  antal: SkyddatAntal | null;
}

/** How a partner's value reads in a cell, when the partner has numbers for the period. */
export function formatera(kolumn: Kolumn, varde: Varde, rad: Siffror): string {
  if (kolumn.format) return kolumn.format(varde, rad);
  if (kolumn.slag === 'niva') return nivaText(typeof varde === 'string' ? varde : null);
  // A partner that reported for the period but not this count (förvaltning's IA incidents
  // in a period with only contacts) has no number for it: not reported, never a 0.
  if (varde === null || varde === undefined)
    return kolumn.slag === 'antal' ? 'Ej rapporterat' : '–';
  if (typeof varde === 'string') return varde;
  return antalCell(varde);
}

/** What a cell says, and whether it is a figure or a state in words. */
export interface Cell {
  text: string;
  /**
   * The figure is for a longer period that contains this one: the period, the figure and
   * its label ("3", "(hela 2016)"), which `text` joins.
   */
  grovre?: { period: string; siffra: string; etikett: string; slag: 'endast' | 'bedomning' };
  /**
   * The partner reported for the period and also has records dated only to a longer one:
   * the period's own figure and the longer period's beside it ("2", "hela 2016: 6"), never
   * added; `text` joins them ("2 · hela 2016: 6").
   */
  bredvid?: GrovreBredvid & { egen: string };
  /** A state in words ("Ej rapporterat", "Ej bedömd") rather than a figure. */
  status?: Rapporteringsstatus;
}

/** A level field of a row (the police's Niva), null when the police has not assessed it. */
const niva = (falt: string) => (r: Siffror) => {
  const v = r[falt];
  return typeof v === 'string' ? v : null;
};

/**
 * One partner's cell for one environment, in the report's words (cellMedGrovre,
 * nivaCell): the figure for the period when the partner has one, with the longer period's
 * beside it when it also has records dated only to that ("2 · hela 2016: 6"); the longer period's
 * figure, labelled ("3 (hela 2016)"), when it reported only for that; otherwise the state
 * in words — "Ej rapporterat", and for the police's levels "Ej bedömd" — never a 0 for a
 * missing report.
 */
export function cell(kolumn: Kolumn, rad: Siffror): Cell {
  const status = rad.rapporteringsstatus;
  const visa = (r: Siffror) => formatera(kolumn, faltVarde(r, kolumn.falt), r);
  const text = kolumn.slag === 'niva' ? nivaCell(rad, niva(kolumn.falt)) : cellMedGrovre(rad, visa);
  // A level is the half-year's own assessment; only counts get the longer period's beside.
  const bredvid = kolumn.slag === 'niva' ? null : grovreBredvid(rad, visa);
  if (bredvid) return { text, bredvid: { ...bredvid, egen: visa(rad) } };
  // A level from the police's assessment of a longer period that contains this one is
  // labelled whatever the row's state (the police may have reported events for the period).
  const bedomning = kolumn.slag === 'niva' ? nivaGrovrePeriod(rad, niva(kolumn.falt)) : null;
  const langPeriod =
    bedomning ?? (status === 'RAPPORTERAT_GROVRE_PERIOD' ? (rad.grovrePeriod ?? null) : null);
  const lang = langPeriod ? ` (${helaPerioden(langPeriod)})` : null;
  if (lang && langPeriod && text.endsWith(lang)) {
    const siffra = text.slice(0, -lang.length);
    return {
      text,
      grovre: {
        period: langPeriod,
        siffra,
        etikett: lang.trim(),
        slag: kolumn.slag === 'niva' ? 'bedomning' : 'endast',
      },
    };
  }
  const ord = kolumn.slag === 'niva' ? niva(kolumn.falt)(rad) === null : !harTalFor(status);
  return ord ? { text, status } : { text };
}

/** The fields of a partner's row per environment, and the same for the longer period. */
function radUrval(p: Partner): string {
  const falt = [...p.kolumner.map((k) => k.urval ?? k.falt), p.radUrval ?? ''].join(' ');
  return `rapporteringsstatus grovrePeriod ${falt}
      grovre { rapporteringsstatus ${falt} }`;
}

/**
 * The fields of a partner's section, and the same counts for the longer period; the
 * partner's extras (klotter's reporters and SLA) only when `detaljer` is asked.
 */
function avsnittsUrval(p: Partner, detaljer: boolean): string {
  const tal = p.avsnittTal.map((t) => t.urval ?? t.falt).join(' ');
  const extra = detaljer ? (p.avsnittUrval ?? '') : '';
  const grovreExtra = detaljer ? (p.grovreUrval ?? '') : '';
  return `rapporteringsstatus grovrePeriod ${tal} ${extra}
    grovre { rapporteringsstatus ${tal} ${grovreExtra} }`;
}

/** Selection for one Lagesbild: every partner's section and its row per environment. */
export function lagesbildUrval(partners: readonly Partner[] = PARTNERS): string {
  const avsnitt = partners.map((p) => `${p.falt} { ${avsnittsUrval(p, true)} }`).join('\n');
  const rader = partners.map((p) => `${p.falt} { ${radUrval(p)} }`);
  return `period fran till\n${avsnitt}\nmiljoer { miljo namn\n${rader.join('\n')} }`;
}

/** Selection for the previous period, which the trend compares by the sections' counts. */
export function foregaendeUrval(partners: readonly Partner[] = PARTNERS): string {
  return `period\n${partners.map((p) => `${p.falt} { ${avsnittsUrval(p, false)} }`).join('\n')}`;
}
