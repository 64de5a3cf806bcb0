/**
 * Every chart on the page lives here: the partners' counts per environment, graffiti per
 * reporter and category over five years, and the graffiti contractors' SLA. Only the Chart.js parts in use are registered, which
 * keeps the bundle small; animation is off so a chart reads at once (and screenshots are
 * stable).
 */
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
  arUndertryckt,
  type Partner,
  type Rapporteringsstatus,
  type SkyddatAntal,
  talAv,
} from './partners';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A palette that stays apart for colour-blind readers (Okabe–Ito). */
const FARGER = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

export interface MiljoDiagram {
  uppdatera(bild: Lagesbild, partners: readonly Partner[]): void;
  forstor(): void;
}

function miljoData(bild: Lagesbild, partners: readonly Partner[]) {
  const serier = partners.flatMap((p) =>
    p.kolumner
      .filter((k) => k.slag === 'antal')
      .map((k) => ({ partner: p, kolumn: k, etikett: `${k.rubrik} (${p.namn.toLowerCase()})` })),
  );
  return {
    labels: bild.miljoer.map((m) => m.namn),
    datasets: serier.map((s, i) => ({
      label: s.etikett,
      // A count suppressed for the reader ("fåtal") has no bar: it is not a number to plot.
      data: bild.miljoer.map((m) => talAv(siffror(m, s.partner)?.[s.kolumn.falt])),
      backgroundColor: FARGER[i % FARGER.length],
    })),
  };
}

/**
 * The counts the environment chart leaves out because they are suppressed for the reader,
 * as the page says them under the chart ("Incidenter (förvaltningen), Vit makt: fåtal").
 */
export function undertrycktaIMiljoDiagram(bild: Lagesbild, partners: readonly Partner[]): string[] {
  return partners.flatMap((p) =>
    p.kolumner
      .filter((k) => k.slag === 'antal')
      .flatMap((k) =>
        bild.miljoer.flatMap((m) => {
          const v = siffror(m, p)?.[k.falt];
          return arUndertryckt(v)
            ? [`${k.rubrik} (${p.namn.toLowerCase()}), ${m.namn}: ${v.visning}`]
            : [];
        }),
      ),
  );
}

/** Each partner's counts per environment, as grouped bars. */
export function miljoDiagram(
  canvas: HTMLCanvasElement,
  bild: Lagesbild,
  partners: readonly Partner[],
): MiljoDiagram {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: miljoData(bild, partners),
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'sv-SE',
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 30 } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Antal' } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    uppdatera(next, nextPartners) {
      chart.data = miljoData(next, nextPartners);
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

export interface SlaData {
  sanering: SlaUtfall;
  paPlats: SlaUtfall;
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
