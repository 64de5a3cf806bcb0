/**
 * Every chart on the page lives here: each partner's counts per environment (one chart per
 * unit), graffiti per reporter and category over five years, and the graffiti contractors'
 * SLA. Only the Chart.js parts in use are registered, which keeps the bundle small;
 * animation is off so a chart reads at once (and screenshots are stable).
 */

import { harTalFor, helaPerioden, rapporteringsstatusText } from '@lagesbild/rapport';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { type Lagesbild, siffror } from './lagesbild';
import {
  type Kolumn,
  type Partner,
  type Rapporteringsstatus,
  type Siffror,
  type SkyddatAntal,
  talAv,
  type Varde,
} from './partners';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A palette that stays apart for colour-blind readers (Okabe–Ito). */
export const FARGER = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

/**
 * One count per environment, for one partner: one chart per unit, so incidents, contacts
 * and events never share an axis. `nu` holds the period's numbers (null where the partner
 * has none: not reported, suppressed, unknown); `grovre` the longer period's where an
 * environment was reported only for that, drawn apart and labelled.
 */
export interface EnhetsData {
  /** The unit, for the axis: "Incidenter". */
  enhet: string;
  farg: string;
  miljoer: string[];
  periodEtikett: string;
  nu: (number | null)[];
  grovre: { etikett: string; data: (number | null)[] } | null;
}

/** Why an environment has no bar in a count's chart, or null when it has one. */
export function ejRitad(rad: Siffror | null, falt: string, tillganglig: boolean): string | null {
  if (!rad) return tillganglig ? 'uppgift saknas' : 'ej tillgänglig just nu';
  const status = rad.rapporteringsstatus;
  if (status === 'RAPPORTERAT_GROVRE_PERIOD' && rad.grovre && rad.grovrePeriod) {
    const v = rad.grovre[falt] as Varde;
    if (!harTalFor(rad.grovre.rapporteringsstatus)) {
      return rapporteringsstatusText(status, rad.grovrePeriod).toLowerCase();
    }
    return talAv(v) === null && typeof v === 'object' && v ? ejRitadVarde(v) : null;
  }
  if (!harTalFor(status)) return rapporteringsstatusText(status, rad.grovrePeriod).toLowerCase();
  const v = rad[falt] as Varde;
  if (talAv(v) !== null) return null;
  return typeof v === 'object' && v ? ejRitadVarde(v) : 'ej rapporterat';
}

function ejRitadVarde(v: SkyddatAntal): string {
  return v.undertryckt ? `${v.visning}, redovisas inte för din roll` : v.visning;
}

/** The data for one partner's count per environment. */
export function enhetsData(
  bild: Lagesbild,
  partner: Partner,
  kolumn: Kolumn,
  farg: string,
  periodText: string,
): EnhetsData {
  const rader = bild.miljoer.map((m) => siffror(m, partner));
  const grovrePeriod = rader.find(
    (r) => r?.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' && r.grovrePeriod,
  )?.grovrePeriod;
  return {
    enhet: kolumn.rubrik,
    farg,
    miljoer: bild.miljoer.map((m) => m.namn),
    periodEtikett: periodText,
    // A count suppressed for the reader ("fåtal") or unknown has no bar: it is not a number.
    nu: rader.map((r) =>
      r && harTalFor(r.rapporteringsstatus) ? talAv(r[kolumn.falt] as Varde) : null,
    ),
    grovre: grovrePeriod
      ? {
          etikett: `Rapporterat för ${helaPerioden(grovrePeriod)}`,
          data: rader.map((r) =>
            r?.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' &&
            r.grovre &&
            harTalFor(r.grovre.rapporteringsstatus)
              ? talAv(r.grovre[kolumn.falt] as Varde)
              : null,
          ),
        }
      : null,
  };
}

function enhetsChartData(d: EnhetsData) {
  return {
    labels: d.miljoer,
    datasets: [
      ...(d.nu.some((v) => v !== null)
        ? [{ label: d.periodEtikett, data: d.nu, backgroundColor: d.farg }]
        : []),
      ...(d.grovre
        ? [
            {
              label: d.grovre.etikett,
              data: d.grovre.data,
              backgroundColor: `${d.farg}55`,
              borderColor: d.farg,
              borderWidth: 2,
            },
          ]
        : []),
    ],
  };
}

/** One partner's count per environment as bars, on an axis of that unit only. */
export function enhetsDiagram(canvas: HTMLCanvasElement, data: EnhetsData): Ritning<EnhetsData> {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: enhetsChartData(data),
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'sv-SE',
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 40 } },
        y: {
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: data.enhet },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    uppdatera(next) {
      chart.data = enhetsChartData(next);
      const y = chart.options.scales?.y;
      if (y && 'title' in y && y.title) y.title.text = next.enhet;
      chart.update();
    },
    forstor() {
      chart.destroy();
    },
  };
}

/** A chart that follows its data: the components keep one per canvas. */
export interface Ritning<T> {
  uppdatera(data: T): void;
  forstor(): void;
}

export const RAPPORTORER = [
  { id: 'TRAFIKKONTORET', namn: 'Trafikkontoret' },
  { id: 'SISAB', namn: 'SISAB' },
  { id: 'MTR', namn: 'MTR' },
] as const;

export const KATEGORIER = [
  { id: 'RASISTISKT', namn: 'rasistiskt' },
  { id: 'STOTANDE', namn: 'stötande' },
  { id: 'ODEFINIERAT', namn: 'odefinierat' },
] as const;

/** One year of the graffiti history; klotter is null when its source did not answer. */
export interface KlotterAr {
  ar: string;
  klotter: {
    rapporteringsstatus: Rapporteringsstatus;
    perKategori: { rapportor: string; kategori: string; antal: SkyddatAntal }[];
    perRapportor: {
      rapportor: string;
      namn: string;
      rapporteringsstatus: Rapporteringsstatus;
      antal: SkyddatAntal | null;
    }[];
  } | null;
}

/** A reporter's state in one year, as the table under the chart reads it. */
export type KlotterLage = Rapporteringsstatus | 'EJ_TILLGANGLIG';

export function klotterLage(ar: KlotterAr, rapportor: string): KlotterLage {
  if (!ar.klotter) return 'EJ_TILLGANGLIG';
  const r = ar.klotter.perRapportor.find((p) => p.rapportor === rapportor);
  return r?.rapporteringsstatus ?? 'EJ_RAPPORTERAT';
}

// Each reporter keeps its colour; its categories are shades of it, stacked in one bar.
const RAPPORTOR_FARG: Record<string, string[]> = {
  TRAFIKKONTORET: ['#0072B2', '#4D9CC9', '#A6CDE4'],
  SISAB: ['#D55E00', '#E28E4D', '#F0C6A6'],
  MTR: ['#009E73', '#4DBB9D', '#A6DDCE'],
};

/** Said where a suppressed count would have been a bar. */
export const FATAL_EJ_I_DIAGRAMMET = 'fåtal, ej i diagrammet';

const KORT_LAGE: Record<KlotterLage, string> = {
  RAPPORTERAT: '',
  RAPPORTERAT_NOLL: 'noll',
  RAPPORTERAT_GROVRE_PERIOD: 'längre period',
  EJ_RAPPORTERAT: 'ej rapp.',
  EJ_TILLGANGLIG: 'ej tillg.',
};

function klotterData(ar: readonly KlotterAr[]) {
  const datasets = RAPPORTORER.flatMap((r) =>
    KATEGORIER.map((k, ki) => ({
      label: `${r.namn}, ${k.namn}`,
      stack: r.id,
      backgroundColor: RAPPORTOR_FARG[r.id]?.[ki] ?? FARGER[ki],
      // A reporter that did not report (or could not be asked) has no bar at all, never a 0;
      // nor has a count suppressed for the reader ("fåtal"), which the label says instead.
      data: ar.map((a) => {
        if (klotterLage(a, r.id) !== 'RAPPORTERAT') return null;
        const g = a.klotter?.perKategori.find((x) => x.rapportor === r.id && x.kategori === k.id);
        return g ? talAv(g.antal) : 0;
      }),
    })),
  ).filter((d) => d.data.some((v) => v !== null && v > 0));
  return {
    // Under each year, the reporters without a bar and why: "noll", "ej rapp.", "ej tillg.",
    // or "fåtal, ej i diagrammet" when a count of theirs is suppressed for the reader.
    labels: ar.map((a) => [
      a.ar,
      ...RAPPORTORER.flatMap((r) => {
        const lage = klotterLage(a, r.id);
        if (lage !== 'RAPPORTERAT') return [`${r.namn}: ${KORT_LAGE[lage]}`];
        const undertryckt = a.klotter?.perKategori.some(
          (g) => g.rapportor === r.id && g.antal.undertryckt,
        );
        return undertryckt ? [`${r.namn}: ${FATAL_EJ_I_DIAGRAMMET}`] : [];
      }),
    ]),
    datasets,
  };
}

/** Graffiti reports per year: one stacked bar per reporter, its categories stacked. */
export function klotterDiagram(
  canvas: HTMLCanvasElement,
  ar: readonly KlotterAr[],
): Ritning<readonly KlotterAr[]> {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: klotterData(ar),
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'sv-SE',
      scales: {
        x: { stacked: true, ticks: { autoSkip: false, maxRotation: 0 } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: 'Anmälningar' },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    uppdatera(next) {
      chart.data = klotterData(next);
      chart.update();
    },
    forstor() {
      chart.destroy();
    },
  };
}

/** Each outcome is a count of reports under disclosure control. */
export interface SlaUtfall {
  uppfyllt: SkyddatAntal;
  ejUppfyllt: SkyddatAntal;
  okant: SkyddatAntal;
}

/** Does any SLA outcome arrive suppressed for the reader (and so stay out of the chart)? */
export function slaUndertryckt(sla: SlaData): boolean {
  return [sla.sanering, sla.paPlats].some((r) =>
    [r.uppfyllt, r.ejUppfyllt, r.okant].some((v) => v.undertryckt),
  );
}

/** One SLA as the API summarises it: the outcomes, the share, and its denominator. */
export interface Sla extends SlaUtfall {
  andelUppfyllt: { andel: number | null; undertryckt: boolean; visning: string };
  /** Reports with a known outcome: the share's denominator. */
  kanda: SkyddatAntal;
  /** All reports. */
  totalt: SkyddatAntal;
}

export interface SlaData {
  sanering: Sla;
  paPlats: Sla;
}

function slaData(sla: SlaData) {
  const rader = [sla.sanering, sla.paPlats];
  return {
    labels: ['Sanerat inom 24 timmar', 'På plats inom 3 arbetstimmar'],
    datasets: [
      // A suppressed outcome ("fåtal") is not plotted; SlaDiagram says so under the chart.
      {
        label: 'Uppfyllt',
        data: rader.map((r) => talAv(r.uppfyllt)),
        backgroundColor: '#009E73',
      },
      {
        label: 'Ej uppfyllt',
        data: rader.map((r) => talAv(r.ejUppfyllt)),
        backgroundColor: '#D55E00',
      },
      {
        label: 'Okänt (tid saknas)',
        data: rader.map((r) => talAv(r.okant)),
        backgroundColor: '#999999',
      },
    ],
  };
}

/** The contractors' SLA for the period: met, missed and unknown, stacked. */
export function slaDiagram(canvas: HTMLCanvasElement, sla: SlaData): Ritning<SlaData> {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: slaData(sla),
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'sv-SE',
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: 'Anmälningar' },
        },
        y: { stacked: true },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    uppdatera(next) {
      chart.data = slaData(next);
      chart.update();
    },
    forstor() {
      chart.destroy();
    },
  };
}
