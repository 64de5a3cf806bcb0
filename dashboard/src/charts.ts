/**
 * Every chart on the page lives here, so the graffiti-per-reporter and SLA charts join
 * the same module when klotter lands. Only the Chart.js parts in use are registered, which
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
import type { Partner } from './partners';

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
      data: bild.miljoer.map((m) => {
        const v = siffror(m, s.partner)?.[s.kolumn.falt];
        return typeof v === 'number' ? v : null;
      }),
      backgroundColor: FARGER[i % FARGER.length],
    })),
  };
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
