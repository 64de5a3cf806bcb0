/**
 * Disclosure control of every count klotter shows for one area and period, protected
 * together (secondary suppression) so that no "fåtal" follows by subtraction.
 */
import {
  type Diskretion,
  FATAL_VISNING,
  type Intervall,
  MILJOER,
  type Miljo,
  SEKUNDAR_VISNING,
  UNDERTRYCKT_ANDEL_VISNING,
} from '@lagesbild/domain';
import {
  fordelningFor,
  SkyddadAndel,
  SkyddatAntal,
  skyddadAndel,
  skyddadFordelning,
} from '@lagesbild/subgraph-kit/federation';
import { KATEGORIER, RAPPORTORER, type Rapportor } from './entities';
import type { KlotterSummering } from './loaders';
import type { KlotterGrupp, SlaSummering } from './types/klotter.type';

type Rad = KlotterSummering['grupper'][number];
const summera = (rader: readonly Rad[], f: (r: Rad) => number) =>
  rader.reduce((a, r) => a + f(r), 0);

const OANDLIGT = Number.POSITIVE_INFINITY;

/** A count hidden here rather than by skyddaFordelning, labelled as it would label it. */
function dolt(v: number, d: Diskretion): SkyddatAntal {
  return Object.assign(new SkyddatAntal(), {
    antal: null,
    undertryckt: true,
    visning: v <= d.troskel ? FATAL_VISNING : SEKUNDAR_VISNING,
  });
}

/** What a reader who knows the rule can tell of a hidden count from its label alone. */
const etikettGranser = (v: number, d: Diskretion): Intervall =>
  v <= d.troskel ? { lo: 1, hi: d.troskel } : { lo: d.troskel + 1, hi: OANDLIGT };

/** Does a protected breakdown leave some "fåtal" cell with a single possible value? */
function fastlast(f: {
  celler: Readonly<Record<string, SkyddatAntal>>;
  granser: Readonly<Record<string, Intervall>>;
}): boolean {
  return Object.entries(f.celler).some(([k, c]) => {
    const g = f.granser[k];
    return c.visning === FATAL_VISNING && g !== undefined && g.lo >= g.hi;
  });
}

/**
 * One SLA's counts and whether they are safe as they stand. `saker` false means that only
 * hiding the count they split (`antal`, shown as `totalt`) would keep a "fåtal" from being
 * worked out; the caller hides it when it can.
 */
interface SkyddatSla {
  sla: SlaSummering;
  saker: boolean;
}

/**
 * An SLA's counts are two nested breakdowns of the reports they count: all (`totalt`) =
 * known outcome (`kanda`) + unknown (`okant`), and known = met (`uppfyllt`) + missed
 * (`ejUppfyllt`). Each is protected against its total, the inner one against the known
 * count's bounds when that is hidden, so that "1 av 5 med känd tid" can be said without a
 * hidden count following from another by subtraction. `totalt` is the count of the reports
 * as shown where it is shown first (the section's or the group's antal); `totalDold` its
 * bounds when that is hidden. The share is withheld when either of its counts is.
 */
function skyddaSla(
  antal: number,
  uppfyllt: number,
  ej: number,
  d: Diskretion,
  totalt: SkyddatAntal,
  totalDold: Intervall | undefined,
): SkyddatSla {
  const kanda = uppfyllt + ej;
  const okant = antal - kanda;
  let saker = true;

  const yttre = skyddadFordelning({ kanda, okant }, antal, d, { totalDoldInom: totalDold });
  // A total shown elsewhere cannot be hidden here; inside a hidden one, nothing may be pinned.
  if (totalDold === undefined ? yttre.total.undertryckt : fastlast(yttre)) saker = false;
  let kandaCell = yttre.celler.kanda;
  let okantCell = yttre.celler.okant;
  let kandaDoldInom = kandaCell.undertryckt ? yttre.granser.kanda : undefined;
  let okantGranser = yttre.granser.okant;

  const delar = { uppfyllt, ej };
  let inre = skyddadFordelning(delar, kanda, d, { totalDoldInom: kandaDoldInom });
  if (!kandaCell.undertryckt && inre.total.undertryckt) {
    // Met and missed cannot be shown beside their sum: the known count is hidden too, and
    // with it the unknown one (all − unknown would give it back).
    if (okant === 0) {
      saker = false;
    } else {
      const t = totalDold ?? { lo: antal, hi: antal };
      const k = etikettGranser(kanda, d);
      const o = okantCell.undertryckt ? yttre.granser.okant : etikettGranser(okant, d);
      kandaDoldInom = { lo: Math.max(k.lo, t.lo - o.hi), hi: Math.min(k.hi, t.hi - o.lo) };
      okantGranser = { lo: Math.max(o.lo, t.lo - k.hi), hi: Math.min(o.hi, t.hi - k.lo) };
      if (okant <= d.troskel && okantGranser.lo >= okantGranser.hi) saker = false;
      kandaCell = dolt(kanda, d);
      okantCell = okantCell.undertryckt ? okantCell : dolt(okant, d);
      inre = skyddadFordelning(delar, kanda, d, { totalDoldInom: kandaDoldInom });
    }
  }
  if (kandaDoldInom !== undefined && fastlast(inre)) saker = false;
  // What met and missed as shown say of the known count can narrow it, and with it the
  // unknown one (all − known): a "fåtal" left with one possible value is not safe either.
  if (kandaCell.undertryckt && kandaDoldInom !== undefined) {
    const k = {
      lo: Math.max(kandaDoldInom.lo, inre.granser.uppfyllt.lo + inre.granser.ej.lo),
      hi: Math.min(kandaDoldInom.hi, inre.granser.uppfyllt.hi + inre.granser.ej.hi),
    };
    const t = totalDold ?? { lo: antal, hi: antal };
    const o = {
      lo: Math.max(okantGranser.lo, t.lo - k.hi),
      hi: Math.min(okantGranser.hi, t.hi - k.lo),
    };
    const ettVarde = (g: Intervall) => g.lo >= g.hi;
    if (kandaCell.visning === FATAL_VISNING && ettVarde(k)) saker = false;
    if (okantCell.visning === FATAL_VISNING && ettVarde(o)) saker = false;
  }

  const andelDold = inre.celler.uppfyllt.undertryckt || inre.celler.ej.undertryckt;
  return {
    saker,
    sla: {
      uppfyllt: inre.celler.uppfyllt,
      ejUppfyllt: inre.celler.ej,
      okant: okantCell,
      kanda: kandaCell,
      totalt,
      andelUppfyllt: andelDold
        ? Object.assign(new SkyddadAndel(), {
            andel: null,
            undertryckt: true,
            visning: UNDERTRYCKT_ANDEL_VISNING,
          })
        : skyddadAndel(uppfyllt, kanda, d),
    },
  };
}

/** Both SLAs of some reports, whose count is shown as `totalt` (hidden within `dold`). */
function slaFor(
  rader: readonly Rad[],
  d: Diskretion,
  totalt: SkyddatAntal,
  dold: Intervall | undefined,
) {
  const n = summera(rader, (r) => r.antal);
  const sanering = skyddaSla(
    n,
    summera(rader, (r) => r.saneringUppfyllt),
    summera(rader, (r) => r.saneringEj),
    d,
    totalt,
    dold,
  );
  const paPlats = skyddaSla(
    n,
    summera(rader, (r) => r.paPlatsUppfyllt),
    summera(rader, (r) => r.paPlatsEj),
    d,
    totalt,
    dold,
  );
  return { sanering: sanering.sla, paPlats: paPlats.sla, saker: sanering.saker && paPlats.saker };
}

/** Reports per key, every key present (0 when none). */
function antalPer<K extends string>(
  rader: readonly Rad[],
  nycklar: readonly K[],
  nyckel: (r: Rad) => K,
): Record<K, number> {
  const ut = Object.fromEntries(nycklar.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rader) {
    const k = nyckel(r);
    if (k in ut) ut[k] += r.antal;
  }
  return ut;
}

export interface SkyddadKlotter {
  total: SkyddatAntal;
  perMiljo: Record<Miljo, SkyddatAntal>;
  perRapportor: Record<Rapportor, SkyddatAntal>;
  grupper: KlotterGrupp[];
  sanering: SlaSummering;
  paPlats: SlaSummering;
}

/**
 * One pass of the protection; `tvingadTotal`: the total is to be hidden, within these
 * bounds. `saker` false: the area's SLAs need the total hidden and it is not.
 */
function skydda(
  s: KlotterSummering,
  d: Diskretion,
  tvingadTotal: Intervall | undefined,
): { varde: SkyddadKlotter; saker: boolean; totalDold: boolean } {
  const g = s.grupper;
  const total = summera(g, (r) => r.antal);
  const miljoCeller = antalPer(g, MILJOER, (r) => r.miljo);
  const rapportorCeller = antalPer(g, RAPPORTORER, (r) => r.rapportor);
  let totalDold = tvingadTotal;
  let perMiljo = skyddadFordelning(miljoCeller, total, d, { totalDoldInom: totalDold });
  let perRapportor = skyddadFordelning(rapportorCeller, total, d, { totalDoldInom: totalDold });
  if (!totalDold && (perMiljo.total.undertryckt || perRapportor.total.undertryckt)) {
    totalDold = perMiljo.total.undertryckt ? perMiljo.totalGranser : perRapportor.totalGranser;
    perMiljo = skyddadFordelning(miljoCeller, total, d, { totalDoldInom: totalDold });
    perRapportor = skyddadFordelning(rapportorCeller, total, d, { totalDoldInom: totalDold });
  }
  const totalt = perRapportor.total;
  const dold = (a: SkyddatAntal, gr: Intervall) => (a.undertryckt ? gr : undefined);

  const grupper: KlotterGrupp[] = [];
  for (const rapportor of RAPPORTORER) {
    const egna = g.filter((r) => r.rapportor === rapportor);
    const kategorier = KATEGORIER.filter((k) => egna.some((r) => r.kategori === k));
    const celler = antalPer(egna, kategorier, (r) => r.kategori);
    const f = skyddadFordelning(celler, rapportorCeller[rapportor], d, {
      totalDoldInom: dold(perRapportor.celler[rapportor], perRapportor.granser[rapportor]),
    });
    for (const kategori of kategorier) {
      const antal = f.celler[kategori];
      const rader = egna.filter((r) => r.kategori === kategori);
      // A group's SLA that would need the group's count hidden is left as it is: hiding one
      // category of a reporter is not something the breakdown above can be asked to do.
      const { sanering, paPlats } = slaFor(rader, d, antal, dold(antal, f.granser[kategori]));
      grupper.push({ rapportor, kategori, antal, sanering, paPlats });
    }
  }
  const sla = slaFor(g, d, totalt, totalDold);
  return {
    varde: {
      total: totalt,
      perMiljo: perMiljo.celler,
      perRapportor: perRapportor.celler,
      grupper,
      sanering: sla.sanering,
      paPlats: sla.paPlats,
    },
    saker: sla.saker,
    totalDold: totalDold !== undefined,
  };
}

/**
 * Every count klotter shows for one area and period, protected together (secondary
 * suppression), one answer per request whichever field asks first:
 * - the total against the breakdown per environment and per reporter (when either
 *   breakdown needs the total hidden, both are protected with it hidden);
 * - each reporter's categories against that reporter's count;
 * - each SLA's outcomes against the count of reports they split (see skyddaSla); when the
 *   area's SLAs can only be protected with the total hidden, it is hidden everywhere.
 * Each breakdown is protected against its own total; the cross-tabulation of environment
 * by reporter is not offered, so it is not protected as a table.
 */
export function skyddadKlotter(s: KlotterSummering, d: Diskretion): SkyddadKlotter {
  return fordelningFor(s, 'klotter', d, () => {
    const forsta = skydda(s, d, undefined);
    if (forsta.saker || forsta.totalDold) return forsta.varde;
    const total = summera(s.grupper, (r) => r.antal);
    return skydda(s, d, etikettGranser(total, d)).varde;
  });
}
