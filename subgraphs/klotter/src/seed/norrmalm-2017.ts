/**
 * The graffiti facts of Norrmalm's action plan against violent extremism (May 2017),
 * section "Incidentrapportering och klotter", ../shared/seed/handlingsplan-norrmalm-2017.txt.
 * Written by hand from the document. The document gives no times, no reporter ids and
 * nothing about police reports for the four reports: those fields stay null, so their
 * SLA outcomes are OKANT (unknown), not met and not missed.
 */
import { Miljo } from '@lagesbild/domain';
import { Kategori, Rapportor } from '../entities';

export const SEED_KEY = 'klotter:handlingsplan-norrmalm-2017';
export const OMRADE_ID = 'norrmalm';

const AVSNITT = 'Handlingsplan mot våldsbejakande extremism, Norrmalm 2017: Klotter';

/** "fyra klotteranmälningar av denna karaktär anmälts till trafikkontoret under 2016". */
export const ANMALNINGAR = [
  {
    id: 'norrmalm-2016-klotter-1',
    rapportor: Rapportor.TRAFIKKONTORET,
    period: '2016',
    kategori: Kategori.RASISTISKT,
    miljo: Miljo.VIT_MAKT,
    innehall: 'Sieg Heil',
    beskrivning: 'Sieg Heil klottrat i klätterslott i Observatorielundens parklek',
    plats: 'Observatorielundens parklek',
    platsText: 'Observatorielundens parklek',
    anteckningar: `${AVSNITT}, rubriken "Vitmakt".`,
  },
  {
    id: 'norrmalm-2016-klotter-2',
    rapportor: Rapportor.TRAFIKKONTORET,
    period: '2016',
    kategori: Kategori.RASISTISKT,
    miljo: Miljo.VIT_MAKT,
    innehall: 'Hakkors',
    beskrivning: 'Hakkors klottrat på bankkontor på Karlbergsvägen',
    plats: 'Karlbergsvägen',
    platsText: 'Karlbergsvägen',
    anteckningar: `${AVSNITT}, rubriken "Vitmakt".`,
  },
  {
    id: 'norrmalm-2016-klotter-3',
    rapportor: Rapportor.TRAFIKKONTORET,
    period: '2016',
    kategori: Kategori.STOTANDE,
    miljo: Miljo.OSPECIFICERAD,
    innehall: 'Stötande klotter',
    beskrivning: 'Stötande klotter, Raul Wallenbergs Torg',
    // The register spells it "Raoul Wallenbergs torg"; the source's spelling stays in platsText.
    plats: 'Raoul Wallenbergs torg',
    platsText: 'Raul Wallenbergs Torg',
    anteckningar: `${AVSNITT}, rubriken "Odefinierat innehåll/ stötande".`,
  },
  {
    id: 'norrmalm-2016-klotter-4',
    rapportor: Rapportor.TRAFIKKONTORET,
    period: '2016',
    kategori: Kategori.STOTANDE,
    miljo: Miljo.OSPECIFICERAD,
    innehall: 'Utpekande av ett förtryckt folk',
    beskrivning: 'Utpekande av ett förtryckt folk, Nedre Observatorielunden, tunnelbanenedgången',
    plats: 'Nedre Observatorielunden, tunnelbanenedgången',
    platsText: 'Nedre Observatorielunden, tunnelbanenedgången',
    anteckningar: `${AVSNITT}, rubriken "Odefinierat innehåll/ stötande".`,
  },
];

/**
 * The attested zeros. MTR is deliberately absent: the document says MTR "har inte något
 * rapporterat klotter eller klistermärken kopplade till våldsbejakande extremism
 * rapporterade i tunnelbanestationerna eller vid pendeltågen" — that nothing has been
 * reported, for no stated period and without saying MTR surveyed anything. SISAB by
 * contrast "kartlägger också förekomst … och hade noll 2016": a count, for a period,
 * vouched for by the reporter. An absence of reports is not a reporter's zero, so MTR
 * stays EJ_RAPPORTERAT for 2016 (and every other period) until MTR attests one.
 */
export const NOLLRAPPORTER = [
  {
    id: 'norrmalm-2015-klotter-noll-trafikkontoret',
    rapportor: Rapportor.TRAFIKKONTORET,
    period: '2015',
    kommentar: 'Fyra anmälningar under 2016 "(inga inkom under 2015)".',
  },
  {
    id: 'norrmalm-2016-klotter-noll-sisab',
    rapportor: Rapportor.SISAB,
    period: '2016',
    kommentar:
      'SISAB kartlägger också förekomst av rasistiskt/stötande klotter och hade noll 2016 inom stadsdelsområdet.',
  },
];
