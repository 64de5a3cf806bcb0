import {
  FORVALTNING_PARTNER,
  KLOTTER_PARTNER,
  MILJO_NAMN,
  type Miljo,
  PARTNER_REGISTER,
  type PartnerEntry,
  POLIS_PARTNER,
  perPartner,
  SKOLOR_PARTNER,
} from '@lagesbild/domain';
import { hotspots } from './hotspots';
import {
  type AvsnittStatus,
  antalCell,
  antalFras,
  antalMedOrd,
  antalUtanOrd,
  cellMedGrovre,
  delAvFras,
  EJ_BEHORIG,
  EJ_TILLGANGLIG,
  type GrovreSlag,
  grovreBredvid,
  grovreBredvidMening,
  grovreForklaringar,
  harTalFor,
  helaPerioden,
  jamfor,
  type MedGrovre,
  nivaCell,
  nivaGrovrePeriod,
  nivaText,
  ORD,
  type Ord,
  partnerStatusText,
  periodInnehaller,
  periodLageText,
  periodNamn,
  rapportorMening,
  rapportorUppgift,
  slaMening,
  type Tal,
  talVarde,
  versal,
} from './text';
import {
  type ForvaltningAvsnitt,
  type KlotterAnmalningar,
  type KlotterAvsnitt,
  type Lagesbild,
  type PartnerFalt,
  type PolisAvsnitt,
  type Rapportering,
  type Rapporteringsstatus,
  type SkolorAvsnitt,
} from './types';

/** A report as data: sections of paragraphs and tables, rendered to Markdown or HTML alike. */
export interface Tabell {
  /** A caption, when the table needs a label of its own ("Incidenter, hela 2016"). */
  rubrik?: string;
  kolumner: string[];
  rader: string[][];
}

export interface Avsnitt {
  rubrik: string;
  niva: 2 | 3;
  stycken: string[];
  tabeller: Tabell[];
  /** What the tables' labels mean, said after them. */
  noter?: string[];
}

export interface RapportDokument {
  titel: string;
  undertitel: string;
  avsnitt: Avsnitt[];
}

const ATGARD_STATUS: Record<string, string> = {
  PAGAR: 'Pågår',
  FORSLAG: 'Förslag',
  AVSLUTAD: 'Avslutad',
};
const HANDELSE_TYP: Record<string, string> = {
  DEMONSTRATION: 'Demonstration',
  MOTDEMONSTRATION: 'Motdemonstration',
  ORO: 'Oroligheter',
  ATTACK: 'Attack',
  TERRORDAD: 'Terrordåd',
  PATRULLERING: 'Patrullering',
};
const KATEGORI: Record<string, string> = {
  RASISTISKT: 'Rasistiskt',
  STOTANDE: 'Stötande',
  ODEFINIERAT: 'Odefinierat',
};
const RAPPORTOR: Record<string, string> = {
  TRAFIKKONTORET: 'Trafikkontoret',
  SISAB: 'SISAB',
  MTR: 'MTR',
};
const KANAL: Record<string, string> = {
  MOTTAGNINGSTELEFON: 'Vuxenenhetens mottagningstelefon',
  STODTELEFON: 'Nationella stödtelefonen (Rädda Barnen)',
};

/**
 * The partners whose sections are written by hand below (the source document's "Lokal
 * lägesbild" weaves them together: förvaltning's incidents beside klotter, the police's
 * events under public space). Every other partner in the registry gets the generic section,
 * column and trend rows from its registry entry (`generisktAvsnitt`).
 */
const EGNA_AVSNITT: ReadonlySet<string> = new Set<PartnerFalt>([
  'forvaltning',
  'polis',
  'skolor',
  'klotter',
]);

/**
 * A partner's section as the generic renderer reads it: its reporting state and the
 * fields its registry entry names.
 */
interface Sektion {
  rapporteringsstatus: Rapporteringsstatus;
  grovrePeriod: string | null;
  grovre: Sektion | null;
  [falt: string]: unknown;
}

/** A field of a section as a count, null when it is not one. */
function talAv(a: Sektion, falt: string): Tal | null {
  const v = a[falt];
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'visning' in v) return v as Tal;
  return null;
}

const miljo = (m: string | null) => (m ? (MILJO_NAMN[m as Miljo] ?? m) : '–');
const EJ_TILLGANGLIG_MENING = `${EJ_TILLGANGLIG} — källan svarade inte när rapporten togs fram.`;
const EJ_BEHORIG_MENING = `${EJ_BEHORIG}: rollen som tog fram rapporten får inte partnerns levande uppgifter.`;

function avsnitt(
  rubrik: string,
  stycken: string[] = [],
  tabeller: Tabell[] = [],
  niva: 2 | 3 = 3,
): Avsnitt {
  return { rubrik, niva, stycken, tabeller };
}

/**
 * Which figures a partner's section shows: its own when it reported for the period (`hela`
 * null), the longer period's when it reported only for one that contains this period
 * (`hela` "hela 2016"), or none (not reported).
 */
interface Visat<T> {
  avsnitt: T;
  /** "hela 2016" when the figures are the longer period's; null for the period's own. */
  hela: string | null;
}

function visat<T extends { rapporteringsstatus: Rapporteringsstatus }>(
  a: T & Rapportering<T>,
): Visat<T> | null {
  if (harTalFor(a.rapporteringsstatus)) return { avsnitt: a, hela: null };
  if (a.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' && a.grovre && a.grovrePeriod) {
    return { avsnitt: a.grovre, hela: helaPerioden(a.grovrePeriod) };
  }
  return null;
}

/**
 * The period's figures come in part from a longer period: a sentence that says so, before
 * the longer period's figures.
 */
function grovreMening(grovrePeriod: string, period: string): string {
  return `Rapporterat för ${helaPerioden(grovrePeriod)}: uppgifterna nedan gäller ${helaPerioden(
    grovrePeriod,
  )} och räknas inte in i ${periodNamn(period)}.`;
}

/**
 * A section reported for the period that also has records dated only to a longer period
 * containing it: the longer period's count as a sentence beside the period's own ("Hela
 * 2016: 6 händelser, inklusive andra halvåret 2016."), never added to it. Nothing otherwise.
 */
function bredvid<T extends { rapporteringsstatus: Rapporteringsstatus }>(
  a: T & Rapportering<T>,
  period: string,
  tal: (x: T) => Tal | null,
  ord: Ord,
): string[] {
  const { grovre, grovrePeriod } = a;
  if (!harTalFor(a.rapporteringsstatus) || !grovre || !grovrePeriod) return [];
  if (!harTalFor(grovre.rapporteringsstatus)) return [];
  const v = tal(grovre);
  if (v === null) return [];
  // The same visible number: the longer period has nothing beyond the period's own.
  const egen = talVarde(tal(a));
  if (egen !== null && egen === talVarde(v)) return [];
  return [grovreBredvidMening(grovrePeriod, period, antalFras(v, ord))];
}

/** "inräknad" for exactly one, "inräknade" otherwise (a hidden count is several). */
const inraknade = (v: Tal | null | undefined) => (talVarde(v) === 1 ? 'inräknad' : 'inräknade');

/** A label added to a table caption when its rows are the longer period's. */
const markt = (rubrik: string, hela: string | null) => (hela ? `${rubrik}, ${hela}` : rubrik);

/** The last day of a period from its half-open end ('2027-01-01' → '2026-12-31'). */
function sistaDag(till: string): string {
  return new Date(Date.parse(`${till}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** A table only when it has rows. */
const tabellOm = (t: Tabell): Tabell[] => (t.rader.length ? [t] : []);

function forvaltningStycken(f: ForvaltningAvsnitt): string[] {
  const kontakter = f.kontakter.map(
    (k) =>
      `${KANAL[k.kanal] ?? k.kanal}: ${antalFras(k.antal, ORD.kontakt)}${
        k.miljo ? ` (${miljo(k.miljo)})` : ''
      }.${k.atgard ? ` ${k.atgard}` : ''}${k.utfall ? ` ${k.utfall}` : ''}`,
  );
  const atervandare = f.atervandare.map(
    (a) =>
      `Återvändare: ${antalUtanOrd(a.kandaAntal)} kända, ${antalFras(a.insatserAntal, ORD.insats)}.${
        a.kommentar ? ` ${a.kommentar}` : ''
      }`,
  );
  const falt = f.faltobservationer.map(
    (o) =>
      `${o.enhet} (${o.antal ? antalFras(o.antal, ORD.tillfalle) : 'okänt antal tillfällen'}): ${o.beskrivning}`,
  );
  return [
    ...(kontakter.length ? kontakter : ['Inga kontakter rapporterade för perioden.']),
    ...atervandare,
    ...falt,
  ];
}

function polisBedomning(
  p: PolisAvsnitt,
  hela: string | null,
): { text: string[]; tabell: Tabell[] } {
  const texter = [...new Set(p.bedomningar.map((b) => b.text))];
  return {
    text: texter,
    tabell: tabellOm({
      ...(hela ? { rubrik: markt('Polisens bedömning', hela) } : {}),
      kolumner: ['Miljö', 'Halvår', 'Bosatta', 'Folkbokförda', 'Utsatta för brott', 'Resor'],
      rader: p.bedomningar.map((b) => [
        miljo(b.miljo),
        b.period,
        nivaText(b.bosatta),
        nivaText(b.folkbokforda),
        nivaText(b.utsattaForBrott),
        nivaText(b.resor),
      ]),
    }),
  };
}

function handelseTabell(h: PolisAvsnitt['handelser'], rubrik?: string): Tabell[] {
  return tabellOm({
    ...(rubrik ? { rubrik } : {}),
    kolumner: ['När', 'Typ', 'Händelse', 'Miljö', 'Våld', 'Platser'],
    rader: h.map((x) => [
      x.datum ?? x.period,
      HANDELSE_TYP[x.typ] ?? x.typ,
      x.rubrik,
      miljo(x.miljo),
      x.vald === null ? 'okänt' : x.vald ? 'ja' : 'nej',
      x.platser.map((p) => p.namn ?? p.id).join(', ') || '–',
    ]),
  });
}

function incidentTabell(f: ForvaltningAvsnitt, hela: string | null): Tabell[] {
  return tabellOm({
    ...(hela ? { rubrik: markt('Incidenter', hela) } : {}),
    kolumner: ['Miljö', 'Händelse', 'Plats'],
    rader: f.incidenter.map((i) => [
      miljo(i.miljo),
      i.beskrivning,
      i.plats?.namn ?? i.plats?.id ?? '–',
    ]),
  });
}

/**
 * Each graffiti reporter's line, from the period's own rows with the longer period's beside
 * or instead: the same facts as the dashboard's Källor (rapportorUppgift).
 */
function rapportorMeningar(k: KlotterAvsnitt & Rapportering<KlotterAvsnitt>): string[] {
  const lang = k.grovre?.perRapportor ?? [];
  return k.perRapportor.map((r) =>
    rapportorMening(
      r.namn,
      rapportorUppgift(
        r,
        lang.find((g) => g.rapportor === r.rapportor),
        k.grovrePeriod,
      ),
    ),
  );
}

function klotterStycken(
  k: KlotterAvsnitt,
  hela: string | null,
  period: string,
  rapportorer: string[],
  langre: string[] = [],
): string[] {
  const antal = k.antal
    ? `${antalFras(k.antal, ORD.anmalan)} om rasistiskt eller stötande klotter`
    : 'antal saknas';
  return [
    hela
      ? `Klotter: rapporterat för ${hela} — ${antal} under ${hela}, inte ${inraknade(k.antal)} i ${period}.`
      : `Klotter: ${antal}.`,
    ...langre,
    ...rapportorer,
    ...(k.sanering ? [slaMening(k.sanering, 'sanerat inom 24 timmar')] : []),
    ...(k.paPlats ? [slaMening(k.paPlats, 'entreprenör på plats inom 3 arbetstimmar')] : []),
  ];
}

function klotterTabell(k: KlotterAnmalningar, rubrik?: string): Tabell[] {
  return tabellOm({
    ...(rubrik ? { rubrik } : {}),
    kolumner: ['Rapportör', 'Kategori', 'Miljö', 'Innehåll', 'Plats'],
    rader: k.anmalningar.anmalningar.map((a) => [
      RAPPORTOR[a.rapportor] ?? a.rapportor,
      KATEGORI[a.kategori] ?? a.kategori,
      miljo(a.miljo),
      a.innehall,
      a.platsText ?? a.plats?.namn ?? '–',
    ]),
  });
}

function skolorStycken(s: SkolorAvsnitt): string {
  const besvarade =
    s.besvarade === null
      ? 'Uppgift saknas om hur många skolor som besvarat enkäten'
      : `${antalMedOrd(s.besvarade, ORD.skola)} har besvarat enkäten${
          s.utskick === null ? '' : ` av ${s.utskick} tillfrågade`
        }`;
  return `${besvarade} (svarsfrekvens: ${s.svarsfrekvensVisning}).`;
}

/**
 * The section of a partner with no hand-written one: each count its registry entry lists,
 * for the period or labelled for the longer period it reported for, with the longer
 * period's beside the period's own; a missing or unreported section says so.
 */
function generisktAvsnitt(
  p: PartnerEntry,
  a: Sektion | null,
  meddelanden: { saknas: string; ejRapporterat: string; period: string },
): Avsnitt {
  if (!a) return avsnitt(p.rapportRubrik, [meddelanden.saknas]);
  const v = visat(a);
  if (!v) return avsnitt(p.rapportRubrik, [meddelanden.ejRapporterat]);
  return avsnitt(p.rapportRubrik, [
    ...(v.hela && a.grovrePeriod ? [grovreMening(a.grovrePeriod, meddelanden.period)] : []),
    ...p.avsnittTal.map((t) => {
      const tal = talAv(v.avsnitt, t.falt);
      return `${t.rubrik}: ${tal === null ? 'antal saknas' : antalFras(tal, t.ord)}.`;
    }),
    ...p.avsnittTal.flatMap((t) => bredvid(a, meddelanden.period, (x) => talAv(x, t.falt), t.ord)),
  ]);
}

/**
 * The picture for a council meeting, in the order of the source document's "Lokal
 * lägesbild": the police, förvaltning, the schools, incidents and graffiti, public space,
 * groups — then the action plan's table. What a missing source would have said is marked
 * as missing, never left out silently; a partner that has not reported has no number; one
 * that reported only for a longer period shows that period's figures, labelled.
 */
export function rapportDokument(
  l: Lagesbild,
  meta: {
    framtagen: string;
    saknadeKallor?: string[];
    /** Partners whose live data the reader is not cleared for (their sections are null). */
    ejBehoriga?: string[];
  } = { framtagen: new Date().toISOString() },
  /** The partner registry the report reads (a test passes one with a fixture partner). */
  register: readonly PartnerEntry[] = PARTNER_REGISTER,
): RapportDokument {
  const saknade = new Set(meta.saknadeKallor ?? []);
  const ejBehoriga = new Set(meta.ejBehoriga ?? []);
  /** What a missing section says: refused to this reader, or its source did not answer. */
  const saknas = (p: string) => (ejBehoriga.has(p) ? EJ_BEHORIG_MENING : EJ_TILLGANGLIG_MENING);
  const delar: Avsnitt[] = [];
  const period = periodNamn(l.period);
  const inteRapporterat = perPartner((p) => p.inteRapporterat, register);
  const ejRapporterat = (p: string) => `${inteRapporterat[p]} för ${period}.`;
  const sektion = <P extends PartnerFalt>(p: P): Lagesbild[P] | null =>
    saknade.has(p) ? null : l[p];
  /** Any partner's section by its field, as the generic renderer reads it. */
  const sektionAv = (p: string): Sektion | null =>
    saknade.has(p) ? null : ((l as unknown as Record<string, Sektion | null>)[p] ?? null);
  const generiska = register.filter((p) => !EGNA_AVSNITT.has(p.falt));

  const polis = sektion('polis');
  const f = sektion('forvaltning');
  const s = sektion('skolor');
  const k = sektion('klotter');
  const sektioner: Record<string, AvsnittStatus | null> = {
    forvaltning: f,
    polis,
    skolor: s,
    klotter: k,
    ...Object.fromEntries(generiska.map((p) => [p.falt, sektionAv(p.falt)])),
  };

  // Sources, and the period's state
  const lage = periodLageText(l.periodLage);
  const grovrePerioder = [
    ...new Set(
      register.flatMap(({ falt: p }) => {
        const a = sektioner[p];
        return a?.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' && a.grovrePeriod
          ? [a.grovrePeriod]
          : [];
      }),
    ),
  ];
  delar.push(
    avsnitt(
      'Källor för perioden',
      [
        ...(lage === null
          ? []
          : l.periodLage === 'EJ_PABORJAD'
            ? [
                `${lage}: ${l.period} börjar ${l.fran}. Ingen partner kan ha rapporterat för den ännu.`,
              ]
            : [`${lage} (perioden slutar ${sistaDag(l.till)}).`]),
        ...grovrePerioder.map(
          (g) =>
            `Uppgifter som bara är daterade till ${helaPerioden(g)} räknas inte in i ${period}; de visas märkta "${helaPerioden(g)}".`,
        ),
      ],
      [
        {
          kolumner: ['Partner', 'Status'],
          rader: register.map(({ falt: p, kallNamn }) => [
            kallNamn,
            !sektioner[p] && ejBehoriga.has(p) ? EJ_BEHORIG : partnerStatusText(sektioner[p]),
          ]),
        },
      ],
      2,
    ),
  );

  delar.push(avsnitt('Lokal lägesbild', [], [], 2));

  // The police. An assessment is shown for a period only when its own period contains the
  // period asked: H2's levels for the third quarter or November, never for H1.
  const POLIS_RUBRIK = POLIS_PARTNER.rapportRubrik;
  if (!polis) delar.push(avsnitt(POLIS_RUBRIK, [saknas('polis')]));
  else {
    const egen = polis.bedomningar.length ? polisBedomning(polis, null) : null;
    const tackande = (polis.grovre?.bedomningar ?? []).filter((b) =>
      periodInnehaller(b.period, l.period),
    );
    const bedomdPeriod = tackande[0]?.period ?? null;
    const samma = bedomdPeriod && tackande.every((b) => b.period === bedomdPeriod);
    const langPeriod = samma ? bedomdPeriod : polis.grovrePeriod;
    const lang =
      !egen && polis.grovre && tackande.length && langPeriod
        ? polisBedomning({ ...polis.grovre, bedomningar: tackande }, helaPerioden(langPeriod))
        : null;
    const visas = egen ?? lang;
    const egnaHandelser =
      harTalFor(polis.rapporteringsstatus) && polis.handelserAntal
        ? [
            `Polisen har registrerat ${antalFras(polis.handelserAntal, ORD.handelse)} under ${period}; de redovisas under Det offentliga rummet.`,
          ]
        : [];
    delar.push(
      avsnitt(
        POLIS_RUBRIK,
        [
          ...(visas
            ? []
            : polis.rapporteringsstatus === 'EJ_RAPPORTERAT'
              ? [ejRapporterat('polis')]
              : [`Polisen har inte publicerat någon bedömning för ${period}.`, ...egnaHandelser]),
          ...(lang && langPeriod
            ? [
                polis.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD'
                  ? grovreMening(langPeriod, l.period)
                  : `Polisens bedömning nedan gäller ${helaPerioden(langPeriod)}, som ${period} ingår i.`,
              ]
            : []),
          ...(visas?.text ?? []),
        ],
        visas?.tabell ?? [],
      ),
    );
  }

  // Förvaltning
  const FORVALTNING_RUBRIK = FORVALTNING_PARTNER.rapportRubrik;
  const fVisat = f ? visat(f) : null;
  if (!f) delar.push(avsnitt(FORVALTNING_RUBRIK, [saknas('forvaltning')]));
  else if (!fVisat) delar.push(avsnitt(FORVALTNING_RUBRIK, [ejRapporterat('forvaltning')]));
  else {
    delar.push(
      avsnitt(FORVALTNING_RUBRIK, [
        ...(fVisat.hela && f.grovrePeriod ? [grovreMening(f.grovrePeriod, l.period)] : []),
        ...forvaltningStycken(fVisat.avsnitt),
        ...bredvid(f, l.period, (x) => x.kontakterAntal, ORD.kontakt),
      ]),
    );
  }

  // Schools
  const SKOLOR_RUBRIK = SKOLOR_PARTNER.rapportRubrik;
  const sVisat = s ? visat(s) : null;
  if (!s) delar.push(avsnitt(SKOLOR_RUBRIK, [saknas('skolor')]));
  else if (!sVisat) delar.push(avsnitt(SKOLOR_RUBRIK, [ejRapporterat('skolor')]));
  else {
    const tecken = l.miljoer.flatMap((m) => {
      const rad = m.skolor ? visat(m.skolor) : null;
      const t = rad?.avsnitt;
      if (!t?.skolorMedTecken || t.besvarade === null) return [];
      return [
        `${miljo(m.miljo)}: ${delAvFras(t.skolorMedTecken, t.besvarade, ORD.svarandeSkola)} har uppmärksammat tecken${
          rad?.hela ? ` under ${rad.hela}` : ''
        }.`,
      ];
    });
    delar.push(
      avsnitt(SKOLOR_RUBRIK, [
        ...(sVisat.hela && s.grovrePeriod ? [grovreMening(s.grovrePeriod, l.period)] : []),
        skolorStycken(sVisat.avsnitt),
        ...bredvid(s, l.period, (x) => x.besvarade, ORD.svarandeSkola),
        ...tecken,
        'Enskilda skolors svar redovisas inte.',
      ]),
    );
  }

  // Incidents and graffiti
  const IA = 'Incidentrapportering (IA, tidigare RISK)';
  const incidentText: string[] = [];
  const tabeller: Tabell[] = [];
  if (!f) incidentText.push(`${IA}: ${saknas('forvaltning')}`);
  else if (!fVisat) incidentText.push(`${IA}: ej rapporterat för ${period}.`);
  else {
    const { avsnitt: fa, hela } = fVisat;
    incidentText.push(
      hela && fa.incidenterAntal
        ? `${IA}: rapporterat för ${hela} — ${antalFras(fa.incidenterAntal, ORD.incident)} under ${hela}, inte ${inraknade(fa.incidenterAntal)} i ${period}.`
        : `${IA}: ${fa.incidenterAntal ? antalFras(fa.incidenterAntal, ORD.incident) : 'antal saknas'}.`,
      ...bredvid(f, l.period, (x) => x.incidenterAntal, ORD.incident),
      // Say for each partner what this report lists: the longer period's incidents are.
      ...(hela ? [`Incidenterna för ${hela} listas nedan.`] : []),
      ...fa.kallanmarkningar.map((x) => `Anmärkning om källan: ${x.text}`),
    );
    tabeller.push(...incidentTabell(fa, hela));
  }
  const kVisat = k ? visat(k) : null;
  const klotterText: string[] = [];
  if (!k) klotterText.push(`Klotter: ${saknas('klotter')}`);
  else if (!kVisat) {
    klotterText.push(`Klotter: ej rapporterat för ${period}.`, ...rapportorMeningar(k));
  } else {
    klotterText.push(
      ...klotterStycken(
        kVisat.avsnitt,
        kVisat.hela,
        period,
        rapportorMeningar(k),
        bredvid(k, l.period, (x) => x.antal, ORD.anmalan),
      ),
    );
    // The report fetches the graffiti reports of the period itself only (a listing of the
    // longer period's would weigh on the gateway's cost limit): say so where it matters.
    if (kVisat.hela && k.grovrePeriod) {
      klotterText.push(
        `Klotteranmälningarna för ${kVisat.hela} listas inte här, bara antalen ovan; de listas i rapporten för ${periodNamn(k.grovrePeriod)}.`,
      );
    } else {
      const langre = harTalFor(k.rapporteringsstatus) && k.grovrePeriod && k.grovre;
      tabeller.push(...klotterTabell(k, langre ? `Klotteranmälningar, ${period}` : undefined));
      if (langre && k.grovrePeriod) {
        klotterText.push(
          `Här listas klotteranmälningarna för ${period}; de för ${helaPerioden(k.grovrePeriod)} listas i rapporten för ${periodNamn(k.grovrePeriod)}.`,
        );
      }
    }
  }
  delar.push(avsnitt(KLOTTER_PARTNER.rapportRubrik, [...incidentText, ...klotterText], tabeller));

  // Public space
  const RUM = 'Det offentliga rummet';
  if (!polis) delar.push(avsnitt(RUM, [saknas('polis')]));
  else {
    const stycken: string[] = [];
    const rumTabeller: Tabell[] = [];
    const g = polis.grovre;
    const gp = polis.grovrePeriod;
    // Events dated only to the longer period: shown, labelled, not counted into this one.
    const langre = g && gp ? g.handelser.filter((h) => h.period === gp && !h.datum) : [];
    if (harTalFor(polis.rapporteringsstatus) && polis.handelserAntal) {
      stycken.push(
        `Polisen: ${antalFras(polis.handelserAntal, ORD.handelse)} under perioden.`,
        ...bredvid(polis, l.period, (x) => x.handelserAntal, ORD.handelse),
      );
    } else if (polis.rapporteringsstatus === 'EJ_RAPPORTERAT') {
      stycken.push(ejRapporterat('polis'));
    } else {
      // Always a word: none of the period's own, and the longer period's count, labelled.
      stycken.push(`Inga händelser registrerade för ${period}.`);
      if (gp && g && harTalFor(g.rapporteringsstatus) && g.handelserAntal) {
        stycken.push(
          `Polisen har rapporterat för ${helaPerioden(gp)}: ${antalFras(g.handelserAntal, ORD.handelse)} under ${helaPerioden(gp)}, inte ${inraknade(g.handelserAntal)} i ${period}.`,
        );
      }
    }
    if (polis.handelser.length) {
      // Beside the longer period's table, the period's own is labelled too.
      rumTabeller.push(
        ...handelseTabell(polis.handelser, langre.length ? `Händelser, ${period}` : undefined),
      );
    }
    if (gp && langre.length) {
      stycken.push(
        `${versal(antalMedOrd(langre.length, ORD.handelse))} är ${
          langre.length === 1 ? 'daterad' : 'daterade'
        } bara till ${helaPerioden(gp)} och räknas inte in i ${period}.`,
      );
      rumTabeller.push(...handelseTabell(langre, `Händelser, ${helaPerioden(gp)}`));
    }
    delar.push(avsnitt(RUM, stycken, rumTabeller));
  }

  // Every partner without a hand-written section: its counts, from its registry entry.
  for (const p of generiska) {
    delar.push(
      generisktAvsnitt(p, sektionAv(p.falt), {
        saknas: saknas(p.falt),
        ejRapporterat: ejRapporterat(p.falt),
        period: l.period,
      }),
    );
  }

  // Groups: the police's register for the area, not a report for the period — said so, so
  // that it does not read as one under "Polisen har inte rapporterat".
  const grupper = l.omrade.grupperingar;
  const polisRapporterat = polis !== null && polis.rapporteringsstatus !== 'EJ_RAPPORTERAT';
  const grupperOberoende = `Grupperingar som polisen följer i området, oberoende av period${
    polisRapporterat ? '' : ` — inte en rapport för ${period}`
  }.`;
  delar.push(
    avsnitt(
      'Antidemokratiska grupperingar/miljöer',
      grupper
        ? [grupperOberoende, ...(grupper.length ? [] : ['Inga grupperingar registrerade.'])]
        : [EJ_TILLGANGLIG],
      grupper?.length
        ? [
            {
              kolumner: ['Gruppering', 'Miljö', 'Våldsbejakande', 'Var'],
              rader: grupper.map((g) => [
                g.namn,
                miljo(g.miljo),
                g.valdsbejakande ? 'ja' : 'nej',
                g.verksamhetsomrade ?? '–',
              ]),
            },
          ]
        : [],
    ),
  );

  // The cross-partner table, hotspots and the trend
  const rad = <P extends PartnerFalt>(m: Lagesbild['miljoer'][number], p: P) =>
    saknade.has(p) ? null : m[p];
  // The table's count columns: which partner's row, and how its figure reads.
  type Rad = Lagesbild['miljoer'][number];
  interface Kolumn {
    rad: (m: Rad) => MedGrovre<AvsnittStatus> | null;
    visa: (x: AvsnittStatus) => string;
  }
  // Each column reads its partner's row; the row's own type is known only here.
  const kolumn = <P extends 'forvaltning' | 'skolor' | 'klotter'>(
    p: P,
    visa: (x: NonNullable<Rad[P]>) => string,
  ): Kolumn & { partner: P } => ({
    partner: p,
    rad: (m) => rad(m, p),
    visa: visa as (x: AvsnittStatus) => string,
  });
  /** A cell of the table: a refused partner's says so, whatever its row would have said. */
  const cellFor = (p: string, text: () => string) => (ejBehoriga.has(p) ? EJ_BEHORIG : text());
  // A partner without hand-written columns: its registry columns, after the others.
  const generiskaKolumner = generiska.flatMap((p) =>
    p.kolumner.map((kol) => ({
      rubrik: kol.rubrik,
      partner: p.falt,
      rad: (m: Rad): MedGrovre<AvsnittStatus> | null =>
        saknade.has(p.falt)
          ? null
          : ((m as unknown as Record<string, Sektion | null>)[p.falt] ?? null),
      visa: (x: AvsnittStatus) => {
        const v = (x as Sektion)[kol.falt];
        if (kol.slag === 'niva') return nivaText(typeof v === 'string' ? v : null);
        return antalCell(talAv(x as Sektion, kol.falt));
      },
    })),
  );
  const kolumner: (Kolumn & { partner: string })[] = [
    kolumn('forvaltning', (x) => antalCell(x.incidenterAntal)),
    kolumn('forvaltning', (x) => antalCell(x.kontakterAntal)),
    kolumn('forvaltning', (x) => antalCell(x.faltobservationerAntal)),
    kolumn('skolor', (x) =>
      x.skolorMedTecken && x.besvarade !== null
        ? `${antalCell(x.skolorMedTecken)} av ${x.besvarade}`
        : 'ej tillfrågade',
    ),
    kolumn('klotter', (x) => antalCell(x.antal)),
    ...generiskaKolumner,
  ];
  // Every longer-period label that occurs in the table, explained once under it.
  const etiketter = l.miljoer.flatMap((m) => {
    const bedomd = nivaGrovrePeriod(rad(m, 'polis'));
    return [
      ...(bedomd ? [{ period: bedomd, slag: 'bedomning' as GrovreSlag }] : []),
      ...kolumner.flatMap(({ rad: r, visa }) => {
        const a = r(m);
        if (!a?.grovrePeriod) return [];
        const cell = cellMedGrovre(a, visa);
        if (
          cell.endsWith(` (${helaPerioden(a.grovrePeriod)})`) &&
          !harTalFor(a.rapporteringsstatus)
        ) {
          return [{ period: a.grovrePeriod, slag: 'endast' as GrovreSlag }];
        }
        return grovreBredvid(a, visa)
          ? [{ period: a.grovrePeriod, slag: 'bredvid' as GrovreSlag }]
          : [];
      }),
    ];
  });
  delar.push({
    ...avsnitt(
      'Sammanställning per miljö',
      [],
      [
        {
          kolumner: [
            'Miljö',
            'Polisen (bosatta)',
            'Incidenter',
            'Kontakter',
            'Fältobservationer',
            'Skolor med tecken',
            'Klotter',
            ...generiskaKolumner.map((x) => x.rubrik),
          ],
          rader: l.miljoer.map((m) => [
            m.namn,
            cellFor('polis', () => nivaCell(rad(m, 'polis'))),
            ...kolumner.map(({ partner, rad: r, visa }) =>
              cellFor(partner, () => cellMedGrovre(r(m), visa)),
            ),
          ]),
        },
      ],
      2,
    ),
    noter: grovreForklaringar(etiketter, l.period),
  });
  const platser = hotspots({ ...l, forvaltning: f, polis, skolor: s, klotter: k });
  delar.push(
    avsnitt(
      'Platser i flera källor',
      platser.length ? [] : ['Ingen plats förekommer hos två eller fler partner under perioden.'],
      platser.length
        ? [
            {
              kolumner: ['Plats', 'Partner', 'Uppgifter'],
              rader: platser.flatMap((p) =>
                p.uppgifter.map((u) => [
                  p.delar.length ? `${p.namn} (delar: ${p.delar.join('; ')})` : p.namn,
                  u.partnerNamn,
                  u.vad.join('; '),
                ]),
              ),
            },
          ]
        : [],
      2,
    ),
  );
  const fg = l.foregaende;
  if (fg) {
    // One row per count the registry lists on a partner's section, in its order.
    const foregaende = fg as unknown as Record<string, Sektion | null>;
    const rader = register
      .flatMap((p) =>
        p.avsnittTal.map((t) => {
          const nu = sektioner[p.falt] as Sektion | null;
          const da = foregaende[p.falt] ?? null;
          return {
            namn: t.rapportRubrik ?? t.rubrik,
            partner: p.falt,
            nu: { avsnitt: nu, tal: nu ? talAv(nu, t.falt) : null },
            da: { avsnitt: da, tal: da ? talAv(da, t.falt) : null },
          };
        }),
      )
      .map((r) => {
        // Refused to this reader: nothing to compare, for either period.
        if (ejBehoriga.has(r.partner)) return [r.namn, EJ_BEHORIG, EJ_BEHORIG, EJ_BEHORIG];
        const j = jamfor({ period: l.period, ...r.nu }, { period: fg.period, ...r.da });
        return [r.namn, j.nu, j.fore, j.forandring];
      });
    delar.push(
      avsnitt(
        `Jämfört med föregående period (${fg.period})`,
        ['Bara det som rapporterats för båda perioderna jämförs; annars står det varför inte.'],
        [{ kolumner: ['Uppgift', l.period, fg.period, 'Förändring'], rader }],
        2,
      ),
    );
  }

  // The action plan: the status text is förvaltning's, computed from the sub-steps' current
  // statuses, so the dashboard and the report say the same.
  const plan = l.omrade.handlingsplan;
  delar.push(
    avsnitt(
      'Handlingsplan',
      plan ? [`${plan.namn}, fastställd ${plan.fastalld}. ${plan.uppfoljning}`] : [EJ_TILLGANGLIG],
      plan
        ? [
            {
              kolumner: ['Nr', 'Åtgärd', 'Syfte', 'Ansvarig', 'Andra berörda', 'Status'],
              rader: plan.atgarder.map((a) => [
                String(a.nr),
                a.namn,
                a.syfte,
                a.ansvarig,
                a.andraBerorda.join(', ') || '–',
                a.statusText || (ATGARD_STATUS[a.status] ?? a.status),
              ]),
            },
          ]
        : [],
      2,
    ),
  );

  return {
    titel: `Lägesbild ${l.omrade.namn} ${l.period}`,
    undertitel: `${l.omrade.namnd}. Sammanställd ${meta.framtagen.slice(0, 10)} från partnernas källor via Lägesbild.`,
    avsnitt: delar,
  };
}
