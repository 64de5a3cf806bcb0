/**
 * Every count klotter shows for one area and period, from the period's summary: the total,
 * per environment, per reporter, per reporter and category, and each SLA's outcomes with
 * their denominator. They reach only readers cleared for klotter's live data (the section
 * carries the kit's `@LevandeData`), so they are the numbers as they are.
 */
import { MILJOER, type Miljo } from '@lagesbild/domain';
import { SkyddatAntal, visadAndel, visatAntal } from '@lagesbild/subgraph-kit/federation';
import { KATEGORIER, RAPPORTORER, type Rapportor } from './entities';
import type { KlotterSummering } from './loaders';
import type { KlotterGrupp, SlaSummering } from './types/klotter.type';

type Rad = KlotterSummering['grupper'][number];
const summera = (rader: readonly Rad[], f: (r: Rad) => number) =>
  rader.reduce((a, r) => a + f(r), 0);

/**
 * An SLA's counts: all reports (`totalt`) = known outcome (`kanda`) + unknown (`okant`), and
 * known = met (`uppfyllt`) + missed (`ejUppfyllt`), so a sentence can say "1 av 5 med känd
 * tid"; the share is of the known ones.
 */
function sla(antal: number, uppfyllt: number, ej: number): SlaSummering {
  const kanda = uppfyllt + ej;
  return {
    uppfyllt: visatAntal(uppfyllt),
    ejUppfyllt: visatAntal(ej),
    okant: visatAntal(antal - kanda),
    kanda: visatAntal(kanda),
    totalt: visatAntal(antal),
    andelUppfyllt: visadAndel(uppfyllt, kanda),
  };
}

function slaFor(rader: readonly Rad[]) {
  const n = summera(rader, (r) => r.antal);
  return {
    sanering: sla(
      n,
      summera(rader, (r) => r.saneringUppfyllt),
      summera(rader, (r) => r.saneringEj),
    ),
    paPlats: sla(
      n,
      summera(rader, (r) => r.paPlatsUppfyllt),
      summera(rader, (r) => r.paPlatsEj),
    ),
  };
}

/** Reports per key, every key present (0 when none). */
function antalPer<K extends string>(
  rader: readonly Rad[],
  nycklar: readonly K[],
  nyckel: (r: Rad) => K,
): Record<K, SkyddatAntal> {
  const ut = Object.fromEntries(nycklar.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rader) {
    const k = nyckel(r);
    if (k in ut) ut[k] += r.antal;
  }
  return Object.fromEntries(nycklar.map((k) => [k, visatAntal(ut[k])])) as Record<K, SkyddatAntal>;
}

export interface KlotterTal {
  total: SkyddatAntal;
  perMiljo: Record<Miljo, SkyddatAntal>;
  perRapportor: Record<Rapportor, SkyddatAntal>;
  /** Per reporter and category, only the groups that have reports. */
  grupper: KlotterGrupp[];
  sanering: SlaSummering;
  paPlats: SlaSummering;
}

const TAL = new WeakMap<KlotterSummering, KlotterTal>();

/** Klotter's counts for the summary's area and period; one answer per loaded summary. */
export function klotterTal(s: KlotterSummering): KlotterTal {
  const kand = TAL.get(s);
  if (kand) return kand;
  const g = s.grupper;
  const grupper: KlotterGrupp[] = [];
  for (const rapportor of RAPPORTORER) {
    const egna = g.filter((r) => r.rapportor === rapportor);
    for (const kategori of KATEGORIER) {
      const rader = egna.filter((r) => r.kategori === kategori);
      if (rader.length === 0) continue;
      const antal = visatAntal(summera(rader, (r) => r.antal));
      grupper.push({ rapportor, kategori, antal, ...slaFor(rader) });
    }
  }
  const tal: KlotterTal = {
    total: visatAntal(summera(g, (r) => r.antal)),
    perMiljo: antalPer(g, MILJOER, (r) => r.miljo),
    perRapportor: antalPer(g, RAPPORTORER, (r) => r.rapportor),
    grupper,
    ...slaFor(g),
  };
  TAL.set(s, tal);
  return tal;
}
