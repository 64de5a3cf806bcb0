/**
 * The Swedish text rules the council reads, shared by the meeting report and the dashboard:
 * plural by count, a protected count inside a sentence, a partner's status in words, the
 * police's levels, the contractors' SLA sentence, a comparison with the previous period and
 * the period's state. One module, so that the same state reads the same everywhere.
 *
 * Everything here is pure and works on the shapes the gateway answers with (structurally,
 * so the dashboard's own types fit): no fetching, no DOM, no Node.
 */
import {
  FATAL_VISNING,
  harTal,
  MANADSNAMN,
  NIVA_NAMN,
  type Niva,
  OKANT_ANTAL_VISNING,
  periodContains,
  RAPPORTERINGSSTATUS_NAMN,
  type Rapporteringsstatus as RapporteringsstatusEnum,
  tryParsePeriod,
} from '@lagesbild/domain';

/** A count under disclosure control as the API serves it (SkyddatAntal). */
export interface AntalVarde {
  antal: number | null;
  undertryckt: boolean;
  visning: string;
}

/** A count as a sentence gets it: a plain number, or a SkyddatAntal. */
export type Tal = AntalVarde | number;

/** A share under disclosure control (SkyddadAndel). */
export interface AndelVarde {
  andel: number | null;
  undertryckt: boolean;
  visning: string;
}

/** A noun in its singular and plural form: "1 anmälan", "2 anmälningar". */
export interface Ord {
  en: string;
  flera: string;
}

/** The nouns the council's counts are of. */
export const ORD = {
  anmalan: { en: 'anmälan', flera: 'anmälningar' },
  incident: { en: 'incident', flera: 'incidenter' },
  skola: { en: 'skola', flera: 'skolor' },
  svarandeSkola: { en: 'svarande skola', flera: 'svarande skolor' },
  handelse: { en: 'händelse', flera: 'händelser' },
  kontakt: { en: 'kontakt', flera: 'kontakter' },
  faltobservation: { en: 'fältobservation', flera: 'fältobservationer' },
  insats: { en: 'insats', flera: 'insatser' },
  tillfalle: { en: 'tillfälle', flera: 'tillfällen' },
} as const satisfies Record<string, Ord>;

/** What a partner's section reads when its source did not answer. */
export const EJ_TILLGANGLIG = 'Ej tillgänglig just nu';

/**
 * What a partner's section reads for a reader not cleared for its live data (the source
 * answered, with a refusal): its figures reach that reader through the adopted lägesbild.
 */
export const EJ_BEHORIG = 'Ej behörig – visas i den fastställda lägesbilden';

/** What a police level reads when the police has not assessed the environment (null). */
export const EJ_BEDOMD = 'Ej bedömd';

/** What a hidden share reads inside a sentence. */
export const ANDEL_EJ_REDOVISAD = 'andelen ej redovisad';

/** The singular form for exactly one, the plural for everything else (0 anmälningar). */
export function pluralform(antal: number, ord: Ord): string {
  return antal === 1 ? ord.en : ord.flera;
}

/** A number as Swedish writes it: spaces between thousands ("12 345"). */
export function talText(n: number): string {
  return n.toLocaleString('sv-SE').replace(/[\u00a0\u202f]/g, ' ');
}

/** "1 anmälan", "0 anmälningar", "12 345 anmälningar". */
export function antalMedOrd(antal: number, ord: Ord): string {
  return `${talText(antal)} ${pluralform(antal, ord)}`;
}

/** What kind of value a protected count is, for phrasing it. */
export type AntalSlag = 'tal' | 'fatal' | 'ejRedovisad' | 'okant';

export function antalSlag(v: Tal): AntalSlag {
  if (typeof v === 'number') return 'tal';
  if (v.antal !== null) return 'tal';
  if (v.visning === FATAL_VISNING) return 'fatal';
  if (v.visning === OKANT_ANTAL_VISNING) return 'okant';
  return v.undertryckt ? 'ejRedovisad' : 'okant';
}

/** The number when the reader may see it, else null. */
export function talVarde(v: Tal | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : v.antal;
}

/**
 * A count in a table cell: the number, or what the reader may see instead ("fåtal",
 * "ej redovisad", "okänt antal"); "–" when there is no count at all.
 */
export function antalCell(v: Tal | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const n = talVarde(v);
  if (n !== null) return talText(n);
  return typeof v === 'number' ? talText(v) : v.visning;
}

/** The quantifier a hidden count takes in a sentence, before a plural noun or "av". */
function dold(slag: Exclude<AntalSlag, 'tal'>): string {
  switch (slag) {
    case 'fatal':
      return 'ett fåtal';
    case 'ejRedovisad':
      return 'ett ej redovisat antal';
    case 'okant':
      return 'ett okänt antal';
  }
}

/**
 * A count with its noun, inside a sentence: "3 incidenter", "1 incident", "0 incidenter",
 * "ett fåtal incidenter", "ett ej redovisat antal incidenter", "ett okänt antal incidenter".
 */
export function antalFras(v: Tal, ord: Ord): string {
  const n = talVarde(v);
  if (n !== null) return antalMedOrd(n, ord);
  return `${dold(antalSlag(v) as Exclude<AntalSlag, 'tal'>)} ${ord.flera}`;
}

/**
 * A count without its noun, inside a sentence: "3", "ett fåtal", "ett ej redovisat antal",
 * "ett okänt antal" ("ett fåtal kända").
 */
export function antalUtanOrd(v: Tal): string {
  const n = talVarde(v);
  return n !== null ? talText(n) : dold(antalSlag(v) as Exclude<AntalSlag, 'tal'>);
}

/**
 * A part of a whole, inside a sentence: "1 av 6 svarande skolor", "ett fåtal av 6 svarande
 * skolor", "ett ej redovisat antal av 6 svarande skolor", "1 av 1 svarande skola", "0 av ett
 * fåtal svarande skolor". The noun agrees with the whole.
 */
export function delAvFras(del: Tal, helhet: Tal, ord: Ord): string {
  return `${antalUtanOrd(del)} av ${antalFras(helhet, ord)}`;
}

/** The first letter as a capital, for a phrase that starts a sentence. */
export function versal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ORDNINGSTAL = ['första', 'andra', 'tredje', 'fjärde'] as const;

/**
 * A period as a person says it: "2016", "andra halvåret 2016", "första tertialet 2017",
 * "tredje kvartalet 2016", "maj 2016", "vecka 45 2016". A text that is not a period is
 * returned as it is.
 */
export function periodNamn(text: string): string {
  const p = tryParsePeriod(text);
  if (!p) return text;
  const n = p.nummer ?? 1;
  switch (p.typ) {
    case 'AR':
      return String(p.ar);
    case 'HALVAR':
      return `${ORDNINGSTAL[n - 1]} halvåret ${p.ar}`;
    case 'TERTIAL':
      return `${ORDNINGSTAL[n - 1]} tertialet ${p.ar}`;
    case 'KVARTAL':
      return `${ORDNINGSTAL[n - 1]} kvartalet ${p.ar}`;
    case 'MANAD':
      return `${MANADSNAMN[n - 1]} ${p.ar}`;
    case 'VECKA':
      return `vecka ${n} ${p.ar}`;
  }
}

/**
 * Does the period `yttre` contain the period `inre` ("2016-H2" contains "2016-Q3" and
 * "2016-11", not "2016-H1")? False when either is not a period.
 */
export function periodInnehaller(yttre: string, inre: string): boolean {
  const y = tryParsePeriod(yttre);
  const i = tryParsePeriod(inre);
  return y !== null && i !== null && periodContains(y, i);
}

/** The label for figures that belong to a whole longer period: "hela 2016". */
export function helaPerioden(text: string): string {
  return `hela ${periodNamn(text)}`;
}

/** The reporting states a section can be in (RAPPORTERAT_GROVRE_PERIOD included). */
export type RapporteringsstatusText =
  | 'RAPPORTERAT'
  | 'RAPPORTERAT_NOLL'
  | 'RAPPORTERAT_GROVRE_PERIOD'
  | 'EJ_RAPPORTERAT';

/** A partner's section as far as its state goes; null when its source did not answer. */
export interface AvsnittStatus {
  rapporteringsstatus: RapporteringsstatusText | string;
  grovrePeriod?: string | null;
}

/** Does a section in this state have numbers for the period (reported, or reported zero)? */
export function harTalFor(status: string): boolean {
  return harTal(status as RapporteringsstatusEnum);
}

/**
 * A reporting state in words: "Rapporterat", "Rapporterat noll", "Rapporterat för hela
 * 2016" (for a longer period; "Rapporterat för längre period" when it is not named),
 * "Ej rapporterat".
 */
export function rapporteringsstatusText(status: string, grovrePeriod?: string | null): string {
  if (status === 'RAPPORTERAT_GROVRE_PERIOD' && grovrePeriod) {
    return `Rapporterat för ${helaPerioden(grovrePeriod)}`;
  }
  return RAPPORTERINGSSTATUS_NAMN[status as RapporteringsstatusEnum] ?? status;
}

/** A partner's state in words, "Ej tillgänglig just nu" when its section is missing. */
export function partnerStatusText(avsnitt: AvsnittStatus | null | undefined): string {
  if (!avsnitt) return EJ_TILLGANGLIG;
  return rapporteringsstatusText(avsnitt.rapporteringsstatus, avsnitt.grovrePeriod);
}

/**
 * A partner's count as one cell: the count when the section has numbers for the period,
 * else the state in words ("Ej rapporterat", "Rapporterat för hela 2016",
 * "Ej tillgänglig just nu") — never a 0 for a missing report.
 */
export function talEllerStatus(
  avsnitt: AvsnittStatus | null | undefined,
  tal: Tal | null | undefined,
): string {
  if (!avsnitt) return EJ_TILLGANGLIG;
  if (!harTalFor(avsnitt.rapporteringsstatus)) return partnerStatusText(avsnitt);
  // The partner reported for the period, but not this figure (förvaltning's IA incidents in
  // a period with only contacts): not reported, never a 0.
  if (tal === null || tal === undefined) return 'Ej rapporterat';
  return antalCell(tal);
}

/** A section or environment row that may carry the same figures for a longer period. */
export type MedGrovre<T> = T & { grovrePeriod?: string | null; grovre?: T | null };

/** What stands between a period's own figure and the longer period's beside it. */
export const BREDVID = ' · ';

/** The longer period's figure beside a period's own, labelled: "hela 2016: 6". */
export interface GrovreBredvid {
  period: string;
  siffra: string;
  /** "hela 2016: 6" */
  text: string;
}

/**
 * For a section or row that reported for the period itself and also has records dated only
 * to a longer period that contains it (`RAPPORTERAT` with `grovrePeriod`): the longer
 * period's figure, labelled ("hela 2016: 6"), to show beside the period's own — never
 * added to it, since the longer period's figure already includes the period's. Null when
 * there is no such figure, or when it is the same visible number as the period's own.
 */
export function grovreBredvid<T extends AvsnittStatus>(
  avsnitt: MedGrovre<T> | null | undefined,
  cell: (a: T) => string,
): GrovreBredvid | null {
  if (!avsnitt || !harTalFor(avsnitt.rapporteringsstatus)) return null;
  const { grovre, grovrePeriod } = avsnitt;
  if (!grovre || !grovrePeriod || !harTalFor(grovre.rapporteringsstatus)) return null;
  const siffra = cell(grovre);
  // The same visible number for both: the longer period has nothing beyond the period's
  // own, so nothing is hidden and nothing is said beside it. (Two hidden counts that read
  // alike, "fåtal" and "fåtal", may differ: those are both shown.)
  if (/^\d[\d ]*$/.test(siffra) && siffra === cell(avsnitt)) return null;
  return { period: grovrePeriod, siffra, text: `${helaPerioden(grovrePeriod)}: ${siffra}` };
}

/**
 * The longer period's count as a sentence in a partner's section, beside the period's own:
 * "Hela 2016: 6 händelser, inklusive andra halvåret 2016."
 */
export function grovreBredvidMening(grovrePeriod: string, period: string, fras: string): string {
  return `${versal(helaPerioden(grovrePeriod))}: ${fras}, inklusive ${periodNamn(period)}.`;
}

/**
 * What the table's labels mean, said under it once per longer period: for figures reported
 * only for the longer period ("3 (hela 2016)") and for the longer period's figure beside the
 * period's own ("2 · hela 2016: 6").
 */
export function grovreForklaring(grovrePeriod: string, period: string, slag: GrovreSlag): string {
  const hela = helaPerioden(grovrePeriod);
  switch (slag) {
    case 'endast':
      return `Siffror märkta ”${hela}” är rapporterade för ${hela}, inte för ${periodNamn(period)}: de visas men räknas inte in i perioden.`;
    case 'bredvid':
      return `Bredvid periodens siffra står ”${hela}: …”: siffran för ${hela}, där ${periodNamn(period)} redan ingår. De ska inte läggas ihop.`;
    case 'bedomning':
      return `Polisens bedömningar märkta ”${hela}” gäller ${hela}, som ${periodNamn(period)} ingår i; polisen har ingen egen bedömning för ${periodNamn(period)}.`;
  }
}

/**
 * How a table's cell shows a longer period: its figures instead of the period's ("endast",
 * "3 (hela 2016)"), beside them ("bredvid", "2 · hela 2016: 6"), or the police's assessment
 * of a longer period that contains this one ("bedomning", "Ett fåtal (hela andra halvåret
 * 2016)").
 */
export type GrovreSlag = 'endast' | 'bredvid' | 'bedomning';

/**
 * The notes under a table, one per longer period and kind of label that occurs in it, the
 * figures instead of the period's first and those beside them last.
 */
export function grovreForklaringar(
  etiketter: readonly { period: string; slag: GrovreSlag }[],
  period: string,
): string[] {
  const ordning: Record<GrovreSlag, number> = { endast: 0, bedomning: 1, bredvid: 2 };
  const unika = new Map<string, { period: string; slag: GrovreSlag }>();
  for (const e of etiketter) unika.set(`${e.slag} ${e.period}`, e);
  return [...unika.values()]
    .sort((a, b) => ordning[a.slag] - ordning[b.slag])
    .map((e) => grovreForklaring(e.period, period, e.slag));
}

/**
 * Which longer period a police level cell shows, if any: the row's longer period when the
 * row has no level of its own and the longer period has one (nivaCell's "(hela …)").
 */
export function nivaGrovrePeriod<T extends AvsnittStatus & { bosatta?: string | null }>(
  rad: MedGrovre<T> | null | undefined,
  niva: (r: T) => string | null | undefined = (r) => r.bosatta,
): string | null {
  if (!rad?.grovrePeriod || !rad.grovre) return null;
  const egen = niva(rad);
  if (egen !== null && egen !== undefined) return null;
  const lang = niva(rad.grovre);
  return lang !== null && lang !== undefined ? rad.grovrePeriod : null;
}

/**
 * A partner's figure as one cell, the longer period's figures included: the period's own
 * when it reported for it, with the longer period's beside it when it also has records
 * dated only to that ("2 · hela 2016: 6"); "3 (hela 2016)" when it reported only for a
 * longer period that contains this one; else the state in words ("Ej rapporterat",
 * "Ej tillgänglig just nu").
 */
export function cellMedGrovre<T extends AvsnittStatus>(
  avsnitt: MedGrovre<T> | null | undefined,
  cell: (a: T) => string,
): string {
  if (!avsnitt) return EJ_TILLGANGLIG;
  if (harTalFor(avsnitt.rapporteringsstatus)) {
    const egen = cell(avsnitt);
    const bredvid = grovreBredvid(avsnitt, cell);
    return bredvid ? `${egen}${BREDVID}${bredvid.text}` : egen;
  }
  const { grovre, grovrePeriod } = avsnitt;
  if (
    avsnitt.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' &&
    grovre &&
    grovrePeriod &&
    harTalFor(grovre.rapporteringsstatus)
  ) {
    return `${cell(grovre)} (${helaPerioden(grovrePeriod)})`;
  }
  return partnerStatusText(avsnitt);
}

/**
 * The police's level for an environment row, the longer period's included: the level when
 * the row has one ("Ett fåtal", "Okänt"), "Ett fåtal (hela 2016)" from a longer period,
 * "Ej bedömd" when the police has not assessed the environment for the period, and
 * "Ej tillgänglig just nu" without the police's answer.
 */
export function nivaCell<T extends AvsnittStatus & { bosatta?: string | null }>(
  rad: MedGrovre<T> | null | undefined,
  niva: (r: T) => string | null | undefined = (r) => r.bosatta,
): string {
  if (!rad) return EJ_TILLGANGLIG;
  const egen = niva(rad);
  if (egen !== null && egen !== undefined) return nivaText(egen);
  const { grovre, grovrePeriod } = rad;
  const lang = grovre ? niva(grovre) : null;
  if (grovrePeriod && lang !== null && lang !== undefined) {
    return `${nivaText(lang)} (${helaPerioden(grovrePeriod)})`;
  }
  // The police reported nothing for the period: not "not assessed", but not reported.
  if (rad.rapporteringsstatus === 'EJ_RAPPORTERAT') return 'Ej rapporterat';
  return nivaText(null);
}

/**
 * The police's level, one label per state everywhere (a row the police did not report at
 * all reads "Ej rapporterat", see nivaCell): null (not assessed) "Ej bedömd",
 * OKAND "Okänt", INGA "Inga", FATAL "Ett fåtal", NAGRA "Några", MANGA "Många".
 */
export function nivaText(niva: string | null | undefined): string {
  if (niva === null || niva === undefined) return EJ_BEDOMD;
  return NIVA_NAMN[niva as Niva] ?? niva;
}

/** A share as the reader may see it: "100 %", "ej redovisad", or "–" without a denominator. */
export function andelCell(a: AndelVarde | null | undefined): string {
  return a ? a.visning : '–';
}

/** The contractors' SLA for a period, as the API summarises it (SlaSummering). */
export interface SlaVarde {
  uppfyllt: Tal;
  ejUppfyllt: Tal;
  okant: Tal;
  andelUppfyllt: AndelVarde;
  /** Reports with a known outcome: the share's denominator. */
  kanda: Tal;
  /** All reports. */
  totalt: Tal;
}

/**
 * The SLA as one sentence, with its denominator. `vad` is what was met, as it starts the
 * sentence ("Sanerat inom 24 timmar"):
 * - "Sanerat inom 24 timmar i 1 av 1 anmälan med känd tid (100 %); 4 av 5 anmälningar saknar tid."
 * - "Sanerat inom 24 timmar i ett fåtal av 8 anmälningar med känd tid (andelen ej redovisad)."
 * - "Sanerat inom 24 timmar: kan inte anges, tid saknas för alla 5 anmälningar."
 * - "Sanerat inom 24 timmar: inga anmälningar under perioden."
 */
export function slaMening(s: SlaVarde, vad: string): string {
  const Vad = versal(vad);
  const totalt = talVarde(s.totalt);
  const kanda = talVarde(s.kanda);
  if (totalt === 0) return `${Vad}: inga anmälningar under perioden.`;
  if (kanda === 0) {
    const alla =
      totalt === 1
        ? 'den enda anmälan'
        : totalt !== null
          ? `alla ${antalMedOrd(totalt, ORD.anmalan)}`
          : `alla anmälningar (${antalCell(s.totalt)})`;
    return `${Vad}: kan inte anges, tid saknas för ${alla}.`;
  }
  const andel =
    s.andelUppfyllt.andel !== null && !s.andelUppfyllt.undertryckt
      ? s.andelUppfyllt.visning
      : ANDEL_EJ_REDOVISAD;
  const karna = `${Vad} i ${delAvFras(s.uppfyllt, s.kanda, ORD.anmalan)} med känd tid (${andel})`;
  const okant = talVarde(s.okant);
  if (okant === 0) return `${karna}.`;
  return `${karna}; ${delAvFras(s.okant, s.totalt, ORD.anmalan)} saknar tid.`;
}

/** One side of a comparison: a period, the partner's section for it, and its count. */
export interface JamforSida {
  period: string;
  /** The partner's section; null when its source did not answer. */
  avsnitt: AvsnittStatus | null | undefined;
  /** The count, read only when the section has numbers for the period. */
  tal: Tal | null | undefined;
}

export interface Jamforelse {
  /** The cell for this period: the count, or the state in words. */
  nu: string;
  /** The cell for the previous period. */
  fore: string;
  /**
   * "+3", "−2", "±0" when both sides were reported for their period and may be read as
   * numbers; otherwise why not, per side ("2015: ej rapporterat", "2016: fåtal").
   */
  forandring: string;
  jamforbar: boolean;
}

/** Why a side has no number to compare, or null when it has one. */
function skalAttInteJamfora(s: JamforSida): string | null {
  if (!s.avsnitt) return EJ_TILLGANGLIG.toLowerCase();
  if (!harTalFor(s.avsnitt.rapporteringsstatus)) {
    return partnerStatusText(s.avsnitt).replace(/^./, (c) => c.toLowerCase());
  }
  if (s.tal === null || s.tal === undefined) return 'ej rapporterat';
  if (talVarde(s.tal) === null) return antalCell(s.tal);
  return null;
}

/**
 * A period against the previous one: only what was reported, as numbers, on both sides is
 * compared; a missing report is never a 0 to subtract from.
 */
export function jamfor(nu: JamforSida, fore: JamforSida): Jamforelse {
  const celler = {
    nu: talEllerStatus(nu.avsnitt, nu.tal),
    fore: talEllerStatus(fore.avsnitt, fore.tal),
  };
  const skal = [nu, fore]
    .map((s) => ({ period: s.period, skal: skalAttInteJamfora(s) }))
    .filter((s) => s.skal !== null);
  if (skal.length > 0) {
    // One reason for both sides is said once: "2030 och 2029: ej rapporterat".
    const forandring =
      skal.length === 2 && skal[0]?.skal === skal[1]?.skal
        ? `${skal[0]?.period} och ${skal[1]?.period}: ${skal[0]?.skal}`
        : skal.map((s) => `${s.period}: ${s.skal}`).join('; ');
    return { ...celler, forandring, jamforbar: false };
  }
  const diff = (talVarde(nu.tal) ?? 0) - (talVarde(fore.tal) ?? 0);
  const forandring = diff > 0 ? `+${talText(diff)}` : diff < 0 ? `−${talText(-diff)}` : '±0';
  return { ...celler, forandring, jamforbar: true };
}

/** The period's state (Lagesbild.periodLage) in words; null for a period that is over. */
export function periodLageText(lage: string | null | undefined): string | null {
  switch (lage) {
    case 'EJ_PABORJAD':
      return 'Perioden har inte börjat';
    case 'PAGAR':
      return 'Perioden pågår — siffrorna kan ändras';
    default:
      return null;
  }
}

/**
 * What the page says when the period in its address cannot be read as a period: which
 * period it shows instead ("Perioden ”2016-H3” i adressen går inte att läsa; visar 2016.").
 */
export function olasbarPeriodText(adressens: string, visas: string): string {
  return `Perioden ”${adressens}” i adressen går inte att läsa; visar ${periodNamn(visas)}.`;
}

/** One graffiti reporter's row for a period (KlotterLage.perRapportor). */
export interface RapportorRad {
  rapportor: string;
  namn: string;
  rapporteringsstatus: string;
  antal: Tal | null;
}

/**
 * What a graffiti reporter's line says, for the dashboard's Källor and the report alike:
 * its state, its own count when it reported for the period (`egen`), and the longer
 * period's count (`grovre`) — instead of its own when it reported only for that, beside its
 * own when it also has records dated only to that (never when the two are the same visible
 * number). `lang` is the same reporter's row for the longer period `grovrePeriod`.
 */
export interface RapportorUppgift {
  status: string;
  /** The longer period the section names, for the state's words ("Rapporterat för hela 2016"). */
  grovrePeriod: string | null;
  egen: Tal | null;
  grovre: { period: string; antal: Tal } | null;
}

export function rapportorUppgift(
  r: RapportorRad,
  lang: RapportorRad | null | undefined,
  grovrePeriod: string | null | undefined,
): RapportorUppgift {
  const egen = harTalFor(r.rapporteringsstatus) ? r.antal : null;
  const langTal =
    grovrePeriod && lang && harTalFor(lang.rapporteringsstatus) && lang.antal ? lang.antal : null;
  const visa =
    langTal !== null &&
    (r.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' ||
      (egen !== null && !(talVarde(egen) !== null && talVarde(egen) === talVarde(langTal))));
  return {
    status: r.rapporteringsstatus,
    grovrePeriod: grovrePeriod ?? null,
    egen,
    grovre: visa && grovrePeriod && langTal ? { period: grovrePeriod, antal: langTal } : null,
  };
}

/**
 * A graffiti reporter's figures as the dashboard's Källor shows them in brackets after its
 * state: "1 · hela 2016: 5" (Rapporterat), "0, hela 2016" (Rapporterat för hela 2016),
 * "hela 2016: 4" (Rapporterat noll); null when there is no figure to show.
 */
export function rapportorTillagg(u: RapportorUppgift): string | null {
  if (u.status === 'RAPPORTERAT_GROVRE_PERIOD') {
    return u.grovre ? `${antalCell(u.grovre.antal)}, ${helaPerioden(u.grovre.period)}` : null;
  }
  const delar = [
    ...(u.status === 'RAPPORTERAT' && u.egen ? [antalCell(u.egen)] : []),
    ...(u.grovre ? [`${helaPerioden(u.grovre.period)}: ${antalCell(u.grovre.antal)}`] : []),
  ];
  return delar.length ? delar.join(BREDVID) : null;
}

/**
 * A graffiti reporter's line in the report, the same facts as the dashboard's in a
 * sentence: "Trafikkontoret: 1 anmälan (hela 2016: 5 anmälningar).", "SISAB: 0 anmälningar
 * (rapporterat noll).", "SISAB: rapporterat för hela 2016 — 0 anmälningar under hela 2016.",
 * "MTR: ej rapporterat.".
 */
export function rapportorMening(namn: string, u: RapportorUppgift): string {
  const lang = u.grovre
    ? `${helaPerioden(u.grovre.period)}: ${antalFras(u.grovre.antal, ORD.anmalan)}`
    : null;
  if (u.status === 'RAPPORTERAT_GROVRE_PERIOD') {
    const status = rapporteringsstatusText(u.status, u.grovrePeriod).toLowerCase();
    return u.grovre
      ? `${namn}: ${status} — ${antalFras(u.grovre.antal, ORD.anmalan)} under ${helaPerioden(u.grovre.period)}.`
      : `${namn}: ${status}.`;
  }
  if (u.egen === null) return `${namn}: ${rapporteringsstatusText(u.status).toLowerCase()}.`;
  const tillagg = [
    ...(u.status === 'RAPPORTERAT_NOLL' ? ['rapporterat noll'] : []),
    ...(lang ? [lang] : []),
  ];
  return `${namn}: ${antalFras(u.egen, ORD.anmalan)}${tillagg.length ? ` (${tillagg.join('; ')})` : ''}.`;
}

// The adopted lägesbild (Publicering): the words the meeting report and the dashboard share.

/** What an adopted publication is called, on the page and in the report. */
export const FASTSTALLD_LAGESBILD = 'Fastställd lägesbild';

/**
 * What a draft shows of a section the reader is not cleared for (the publicering
 * subgraph's UTKAST_DOLT_VISNING, the same words).
 */
export const UTKAST_DOLT = 'Visas när lägesbilden är fastställd';

/** A publication's state in words. */
export const PUBLICERING_STATUS_NAMN: Record<string, string> = {
  UTKAST: 'Utkast',
  FASTSTALLD: 'Fastställd',
  ERSATT: 'Ersatt',
};

/** The badge of an adopted version: "Fastställd 2016-12-14". */
export function faststalldMarke(datum: string): string {
  return `Fastställd ${datum}`;
}

/** "version 1" */
export function versionText(version: number): string {
  return `version ${version}`;
}

/** "ersatt av version 2" */
export function ersattAvText(version: number): string {
  return `ersatt av version ${version}`;
}

/** What the page tells a reader who may read adopted publications only. */
export const SAMVERKANSPART_MENING = 'Som samverkanspart ser du den fastställda lägesbilden.';

/** What is counted in a publication's cell (`PubliceradCell.matt`), as a column heading. */
export const MATT_NAMN: Record<string, string> = {
  incidenter: 'Incidenter',
  kontakter: 'Kontakter',
  faltobservationer: 'Fältobservationer',
  handelser: 'Händelser',
  skolorMedTecken: 'Skolor med tecken',
  besvaradeSkolor: 'Besvarade skolor',
  anmalningar: 'Anmälningar',
};

/** The order a partner's measures are shown in (unknown ones after, as they come). */
const MATT_ORDNING = Object.keys(MATT_NAMN);

/** Sorts measure names in the order the council reads them. */
export function mattOrdning(a: string, b: string): number {
  const i = MATT_ORDNING.indexOf(a);
  const j = MATT_ORDNING.indexOf(b);
  return (i < 0 ? MATT_ORDNING.length : i) - (j < 0 ? MATT_ORDNING.length : j);
}

/** A cell's breakdown (`PubliceradCell.dimension`), as a table's row heading. */
export const DIMENSION_NAMN: Record<string, string> = {
  total: 'Totalt',
  miljo: 'Miljö',
  rapportor: 'Rapportör',
};

/** The graffiti reporters by name. */
export const RAPPORTOR_NAMN: Record<string, string> = {
  TRAFIKKONTORET: 'Trafikkontoret',
  SISAB: 'SISAB',
  MTR: 'MTR',
};

/** What the adopted version hid of a cell, as a cleared reader is told beside the number. */
export const UNDERTRYCKNING_NAMN: Record<string, string> = {
  PRIMAR: FATAL_VISNING,
  SEKUNDAR: 'ej redovisad',
};

/**
 * A cell as a reader sees it: `visning` ("3", "fåtal", "ej redovisad", "Ej rapporterat"),
 * and for a cleared reader of a cell the adopted version hid, what everyone else reads
 * ("1 (utåt: fåtal)").
 */
export function publiceradCellText(c: {
  antal: number | null;
  visning: string;
  undertryckt: string | null;
}): string {
  if (c.undertryckt && c.antal !== null) {
    return `${c.visning} (utåt: ${UNDERTRYCKNING_NAMN[c.undertryckt] ?? c.undertryckt})`;
  }
  return c.visning;
}

/** How the adopted version protects small counts, said once beside its tables. */
export function undertryckningForklaring(troskel: number): string {
  return `Antal från 1 till ${troskel} visas som ”${FATAL_VISNING}”; antal som annars skulle gå att räkna ut ur det publicerade visas som ”ej redovisad”. Skyddet räknades fram när versionen fastställdes, över allt som redan publicerats för området.`;
}

/** What a working copy for cleared readers says first, on its title page and in its text. */
export const ARBETSEXEMPLAR_ETIKETT = 'Arbetsexemplar för behöriga – får inte spridas';
export const ARBETSEXEMPLAR_TEXT =
  'Arbetsexemplar för behöriga läsare: här står tal som den fastställda versionen döljer. Sprid det inte; den version som delas är den med kontrollsumman nedan, där de talen står som ”fåtal” eller ”ej redovisad”.';

/** The note for a cleared reader about "(utåt: …)". */
export const UTAT_FORKLARING =
  'Siffror med ”(utåt: …)” visas för dig eftersom du är behörig; i exporten och för läsare utan behörighet står det som inom parentes.';

/** A partner's confirmation of its section, as it is stated in the report and on the page. */
export interface BekraftelseVarde {
  partner: string;
  partnerNamn: string;
  bekraftad: boolean;
  roll?: string | null;
  tid?: string | null;
  kommentar?: string | null;
}

/** "Polisen har bekräftat sitt avsnitt 2016-12-01.", "Skolorna har inte bekräftat sitt avsnitt." */
export function bekraftelseMening(b: BekraftelseVarde): string {
  if (!b.bekraftad) return `${b.partnerNamn} har inte bekräftat sitt avsnitt.`;
  const nar = b.tid ? ` ${b.tid.slice(0, 10)}` : '';
  const kommentar = b.kommentar ? ` Kommentar: ”${b.kommentar}”` : '';
  return `${b.partnerNamn} har bekräftat sitt avsnitt${nar}.${kommentar}`;
}

/** A confirmation's state in one cell: "Bekräftat 2016-12-01", "Inte bekräftat". */
export function bekraftelseStatus(b: BekraftelseVarde): string {
  return b.bekraftad ? `Bekräftat${b.tid ? ` ${b.tid.slice(0, 10)}` : ''}` : 'Inte bekräftat';
}

/** A draft's progress: "1 av 4 avsnitt bekräftade", "alla 4 avsnitt bekräftade". */
export function bekraftelseFramsteg(bekraftelser: readonly BekraftelseVarde[]): string {
  const klara = bekraftelser.filter((b) => b.bekraftad).length;
  const alla = bekraftelser.length;
  if (alla > 0 && klara === alla) return `Alla ${alla} avsnitt är bekräftade`;
  return `${klara} av ${alla} avsnitt ${klara === 1 ? 'är bekräftat' : 'är bekräftade'}`;
}

/** The content hash, as a sentence that says what it is for. */
export function hashMening(hash: string): string {
  return `Kontrollsumma (SHA-256) för den maskinläsbara exporten (JSON och CSV): ${hash}. En siffra i en text kan spåras till den här versionen med den.`;
}
