/**
 * What the picture knows of each partner, beside its subgraph in the registry (SUBGRAPHS in
 * ./subgrafer): its field on `Lagesbild`/`MiljoLage`, its names, who may read its live data,
 * its counts and its columns, as data. The dashboard (dashboard/src/partners.ts), the meeting
 * report (@lagesbild/rapport) and the access rules (./behorighet) derive from it; a partner
 * with no hand-written behaviour anywhere is shown by their generic code from this alone.
 */
import { Roll } from './roller';

/** A noun in the singular and plural, for sentences ("1 kontakt", "3 kontakter"). */
export interface PartnerOrd {
  en: string;
  flera: string;
}

/** A count on the partner's section itself (compared in the trend, told in the report). */
export interface PartnerTal {
  falt: string;
  /** Its heading in the dashboard's trend. */
  rubrik: string;
  /** Its row in the report's comparison with the previous period, when not `rubrik`. */
  rapportRubrik?: string;
  ord: PartnerOrd;
  /** Served as a SkyddatAntal (disclosure control) rather than a plain number. */
  skyddat: boolean;
}

/** A column of the cross-partner table: a field on the partner's row per environment. */
export interface PartnerKolumn {
  falt: string;
  rubrik: string;
  /** Longer explanation, the header's tooltip. */
  beskrivning: string;
  /**
   * `antal` is a count under disclosure control (charted and summed), `niva` a level that
   * does not add up (the police's Niva), `skyddat` a count under disclosure control read
   * against something else (skolor's schools with signs, of those that answered).
   */
  slag: 'antal' | 'niva' | 'skyddat';
}

export interface PartnerEntry {
  /** The field on Lagesbild and on MiljoLage that holds the partner's section. */
  falt: string;
  /** Its name in a sentence and in the publication ("Polisen"). */
  namn: string;
  /** The name in the genitive ("Polisens siffror …"). */
  genitiv: string;
  /** Its heading on the dashboard ("Klotter"). */
  kortNamn: string;
  /** Its line in the report's "Källor för perioden" and its hotspots. */
  kallNamn: string;
  /** The start of the sentence that says it has not reported ("Polisen har inte rapporterat"). */
  inteRapporterat: string;
  /** The report's heading for its section, when the generic renderer draws it. */
  rapportRubrik: string;
  /** Readers cleared for its live aggregates and record lists. */
  levandeBehoriga: readonly Roll[];
  /** Who confirms its section of a publication (its own organisation). */
  avsnittAgare: readonly Roll[];
  /** The section's counts. */
  avsnittTal: readonly PartnerTal[];
  /** Plain fields on its row per environment that columns read beside their own. */
  radFalt?: readonly string[];
  kolumner: readonly PartnerKolumn[];
  /** The dashboard's own operations for this partner, which the gateway may cache. */
  operationer?: readonly string[];
}

/** Everyone cleared for every partner's live data, after the partner's own roles. */
const ALLA_BEHORIGA = [Roll.RADET, Roll.SAMORDNARE, Roll.ANALYTIKER, Roll.ADMIN] as const;

export const FORVALTNING_PARTNER = {
  falt: 'forvaltning',
  namn: 'Förvaltningen',
  genitiv: 'Förvaltningens',
  kortNamn: 'Förvaltningen',
  kallNamn: 'Förvaltningen',
  inteRapporterat: 'Förvaltningen har inte rapporterat',
  rapportRubrik: 'Lägesbild från förvaltningens verksamheter',
  levandeBehoriga: [Roll.SAMORDNARE, Roll.RADET, Roll.ANALYTIKER, Roll.ADMIN],
  avsnittAgare: [Roll.SAMORDNARE],
  avsnittTal: [
    {
      falt: 'incidenterAntal',
      rubrik: 'Incidenter',
      ord: { en: 'incident', flera: 'incidenter' },
      skyddat: true,
    },
    {
      falt: 'kontakterAntal',
      rubrik: 'Kontakter',
      ord: { en: 'kontakt', flera: 'kontakter' },
      skyddat: true,
    },
  ],
  kolumner: [
    {
      falt: 'incidenterAntal',
      rubrik: 'Incidenter',
      beskrivning: 'Incidenter i stadens incidentrapportering (IA, tidigare RISK).',
      slag: 'antal',
    },
    {
      falt: 'kontakterAntal',
      rubrik: 'Kontakter',
      beskrivning: 'Inkomna kontakter (samtal) till mottagnings- och stödtelefon.',
      slag: 'antal',
    },
    {
      falt: 'faltobservationerAntal',
      rubrik: 'Fältobservationer',
      beskrivning:
        'Iakttagelser av fält- och fritid; en iakttagelse utan angivet antal ("vid något tillfälle") gör summan till "okänt antal".',
      slag: 'antal',
    },
  ],
} as const satisfies PartnerEntry;

export const POLIS_PARTNER = {
  falt: 'polis',
  namn: 'Polisen',
  genitiv: 'Polisens',
  kortNamn: 'Polisen',
  kallNamn: 'Polisen',
  inteRapporterat: 'Polisen har inte rapporterat',
  rapportRubrik: 'Lägesbild från polisens underrättelseenhet',
  levandeBehoriga: [Roll.POLIS, ...ALLA_BEHORIGA],
  avsnittAgare: [Roll.POLIS],
  avsnittTal: [
    {
      falt: 'handelserAntal',
      rubrik: 'Händelser',
      rapportRubrik: 'Polisens händelser',
      ord: { en: 'händelse', flera: 'händelser' },
      skyddat: true,
    },
  ],
  kolumner: [
    {
      falt: 'bosatta',
      rubrik: 'Bosatta',
      beskrivning:
        'Underrättelseenhetens bedömning av hur många i miljön som bor i området (Inga, Ett fåtal, Några, Många, Okänt); "Ej bedömd" när polisen inte har bedömt miljön för perioden.',
      slag: 'niva',
    },
    {
      falt: 'handelserAntal',
      rubrik: 'Händelser',
      beskrivning: 'Händelser i det offentliga rummet knutna till miljön.',
      slag: 'antal',
    },
  ],
} as const satisfies PartnerEntry;

export const SKOLOR_PARTNER = {
  falt: 'skolor',
  namn: 'Skolorna',
  genitiv: 'Skolornas',
  kortNamn: 'Skolorna',
  kallNamn: 'Skolorna',
  inteRapporterat: 'Skolorna har inte rapporterat',
  rapportRubrik: 'Lägesbild från skolor inom stadsdelsområdet',
  levandeBehoriga: [Roll.UTBILDNINGSFORVALTNING, ...ALLA_BEHORIGA],
  avsnittAgare: [Roll.UTBILDNINGSFORVALTNING],
  avsnittTal: [
    {
      falt: 'besvarade',
      rubrik: 'Skolor som svarat',
      ord: { en: 'svarande skola', flera: 'svarande skolor' },
      skyddat: false,
    },
  ],
  radFalt: ['besvarade'],
  kolumner: [
    {
      falt: 'skolorMedTecken',
      rubrik: 'Skolor med tecken',
      beskrivning: 'Skolor som uppmärksammat tecken, av dem som besvarat en fråga om miljön.',
      slag: 'skyddat',
    },
  ],
} as const satisfies PartnerEntry;

export const KLOTTER_PARTNER = {
  falt: 'klotter',
  namn: 'Klotterrapportörerna',
  genitiv: 'Klotterrapportörernas',
  kortNamn: 'Klotter',
  kallNamn: 'Klotter (trafikkontoret, SISAB, MTR)',
  inteRapporterat: 'Ingen av klotterrapportörerna (trafikkontoret, SISAB, MTR) har rapporterat',
  rapportRubrik: 'Incidentrapportering och klotter',
  levandeBehoriga: [Roll.TRAFIKKONTORET, Roll.SISAB, Roll.MTR, ...ALLA_BEHORIGA],
  avsnittAgare: [Roll.TRAFIKKONTORET, Roll.SISAB, Roll.MTR],
  avsnittTal: [
    {
      falt: 'antal',
      rubrik: 'Anmälningar',
      rapportRubrik: 'Klotteranmälningar',
      ord: { en: 'anmälan', flera: 'anmälningar' },
      skyddat: true,
    },
  ],
  kolumner: [
    {
      falt: 'antal',
      rubrik: 'Anmälningar',
      beskrivning:
        'Anmälningar om rasistiskt eller stötande klotter från trafikkontoret, SISAB och MTR.',
      slag: 'antal',
    },
  ],
  operationer: ['DashboardKlotterHistorik'],
} as const satisfies PartnerEntry;
