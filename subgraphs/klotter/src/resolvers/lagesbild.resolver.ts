import {
  type Diskretion,
  type Intervall,
  MILJOER,
  type Miljo,
  Rapporteringsstatus,
  rapporteringsstatus,
  UNDERTRYCKT_ANDEL_VISNING,
} from '@lagesbild/domain';
import {
  fordelningFor,
  LagesbildRef,
  MiljoLageRef,
  SkyddadAndel,
  SkyddatAntal,
  skyddadAndel,
  skyddadFordelning,
} from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { diskretion } from '../behorighet';
import {
  KATEGORIER,
  Kategori,
  Nollrapport,
  RAPPORTOR_NAMN,
  RAPPORTORER,
  Rapportor,
} from '../entities';
import type { KlotterSummering } from '../loaders';
import {
  KlotteranmalanSida,
  KlotterGrupp,
  KlotterLage,
  KlotterMiljo,
  KlotterRapportorLage,
  SlaSummering,
} from '../types/klotter.type';
import type { Context } from './context';
import { laddaSida } from './sida';

type Rad = KlotterSummering['grupper'][number];
const summera = (rader: readonly Rad[], f: (r: Rad) => number) =>
  rader.reduce((a, r) => a + f(r), 0);

/**
 * An SLA's outcomes are a breakdown of the reports they count (uppfyllt + ej uppfyllt +
 * okänt = antal), so they are protected together against that count: "uppfyllt 2, ej 5,
 * okänt 0" beside antal 7 would give back a suppressed 2. The share is withheld when
 * either of its counts is.
 */
function sla(
  antal: number,
  uppfyllt: number,
  ej: number,
  d: Diskretion,
  antalDoldInom: Intervall | undefined,
): SlaSummering {
  const kanda = uppfyllt + ej;
  const f = skyddadFordelning({ uppfyllt, ej, okant: antal - kanda }, antal, d, {
    totalDoldInom: antalDoldInom,
  });
  const andelDold = f.celler.uppfyllt.undertryckt || f.celler.ej.undertryckt;
  return {
    uppfyllt: f.celler.uppfyllt,
    ejUppfyllt: f.celler.ej,
    okant: f.celler.okant,
    andelUppfyllt: andelDold
      ? Object.assign(new SkyddadAndel(), {
          andel: null,
          undertryckt: true,
          visning: UNDERTRYCKT_ANDEL_VISNING,
        })
      : skyddadAndel(uppfyllt, kanda, d),
  };
}

/** Both SLAs of some reports; `dold`: the reports' count is hidden, within these bounds. */
function slaFor(rader: readonly Rad[], d: Diskretion, dold: Intervall | undefined) {
  const n = summera(rader, (r) => r.antal);
  return {
    sanering: sla(
      n,
      summera(rader, (r) => r.saneringUppfyllt),
      summera(rader, (r) => r.saneringEj),
      d,
      dold,
    ),
    paPlats: sla(
      n,
      summera(rader, (r) => r.paPlatsUppfyllt),
      summera(rader, (r) => r.paPlatsEj),
      d,
      dold,
    ),
  };
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
 * Every count klotter shows for one area and period, protected together (secondary
 * suppression), one answer per request whichever field asks first:
 * - the total against the breakdown per environment and per reporter (when either
 *   breakdown needs the total hidden, both are protected with it hidden);
 * - each reporter's categories against that reporter's count;
 * - each SLA's outcomes against the count of reports they split.
 * Each breakdown is protected against its own total; the cross-tabulation of environment
 * by reporter is not offered, so it is not protected as a table.
 */
export function skyddadKlotter(s: KlotterSummering, d: Diskretion): SkyddadKlotter {
  return fordelningFor(s, 'klotter', d, () => {
    const g = s.grupper;
    const total = summera(g, (r) => r.antal);
    const miljoCeller = antalPer(g, MILJOER, (r) => r.miljo);
    const rapportorCeller = antalPer(g, RAPPORTORER, (r) => r.rapportor);
    let perMiljo = skyddadFordelning(miljoCeller, total, d);
    let perRapportor = skyddadFordelning(rapportorCeller, total, d);
    let totalDold: Intervall | undefined;
    if (perMiljo.total.undertryckt || perRapportor.total.undertryckt) {
      totalDold = perMiljo.total.undertryckt ? perMiljo.totalGranser : perRapportor.totalGranser;
      perMiljo = skyddadFordelning(miljoCeller, total, d, { totalDoldInom: totalDold });
      perRapportor = skyddadFordelning(rapportorCeller, total, d, { totalDoldInom: totalDold });
    }
    const totalt = perRapportor.total;
    const dold = (a: SkyddatAntal, g: Intervall) => (a.undertryckt ? g : undefined);

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
        const sla = slaFor(rader, d, dold(antal, f.granser[kategori]));
        grupper.push({ rapportor, kategori, antal, ...sla });
      }
    }
    return {
      total: totalt,
      perMiljo: perMiljo.celler,
      perRapportor: perRapportor.celler,
      grupper,
      ...slaFor(g, d, dold(totalt, perRapportor.totalGranser)),
    };
  });
}

/** Reported with N, reported zero, or no report — per reporter, in fixed order. */
export function perRapportor(s: KlotterSummering, d: Diskretion): KlotterRapportorLage[] {
  const skyddad = skyddadKlotter(s, d);
  return RAPPORTORER.map((rapportor) => {
    const antal = summera(
      s.grupper.filter((g) => g.rapportor === rapportor),
      (g) => g.antal,
    );
    const nollor = s.nollor.get(rapportor) ?? 0;
    const status = rapporteringsstatus(antal + nollor, antal);
    return {
      rapportor,
      namn: RAPPORTOR_NAMN[rapportor],
      rapporteringsstatus: status,
      antal: status === Rapporteringsstatus.EJ_RAPPORTERAT ? null : skyddad.perRapportor[rapportor],
    };
  });
}

@Resolver(() => LagesbildRef)
export class LagesbildKlotterResolver {
  @FieldResolver(() => KlotterLage, {
    nullable: true,
    description: 'Klotter från trafikkontoret, SISAB och MTR för området och perioden.',
  })
  klotter(@Root() l: LagesbildRef): KlotterLage {
    return new KlotterLage(l.omradeId, l.period);
  }
}

@Resolver(() => MiljoLageRef)
export class MiljoLageKlotterResolver {
  @FieldResolver(() => KlotterMiljo, {
    nullable: true,
    description: 'Klotteranmälningar i miljön.',
  })
  klotter(@Root() m: MiljoLageRef): KlotterMiljo {
    return new KlotterMiljo(m.omradeId, m.period, m.miljo);
  }
}

@Resolver(() => KlotterLage)
export class KlotterLageResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'Rapporterat (någon anmälan), rapporterat noll (bara nollrapporter), eller inte alls.',
  })
  async rapporteringsstatus(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    const s = await ctx.loaders.summering.load(k);
    const anmalningar = s.grupper.reduce((sum, g) => sum + g.antal, 0);
    const nollor = [...s.nollor.values()].reduce((sum, n) => sum + n, 0);
    return rapporteringsstatus(anmalningar + nollor, anmalningar);
  }

  @FieldResolver(() => SkyddatAntal, { description: 'Antal anmälningar, alla rapportörer.' })
  async antal(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return skyddadKlotter(await ctx.loaders.summering.load(k), diskretion(ctx)).total;
  }

  @FieldResolver(() => [KlotterRapportorLage], {
    description: 'Per rapportör: rapporterat med antal, rapporterat noll, eller ingen rapport.',
  })
  async perRapportor(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return perRapportor(await ctx.loaders.summering.load(k), diskretion(ctx));
  }

  @FieldResolver(() => [KlotterGrupp], {
    description:
      'Antal och SLA-uppfyllelse per rapportör och kategori (bara grupper med anmälningar).',
  })
  async perKategori(@Root() k: KlotterLage, @Ctx() ctx: Context): Promise<KlotterGrupp[]> {
    return skyddadKlotter(await ctx.loaders.summering.load(k), diskretion(ctx)).grupper;
  }

  @FieldResolver(() => SlaSummering, { description: 'Sanerat inom 24 timmar, alla anmälningar.' })
  async sanering(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return skyddadKlotter(await ctx.loaders.summering.load(k), diskretion(ctx)).sanering;
  }

  @FieldResolver(() => SlaSummering, {
    description: 'På plats inom tre arbetstimmar, alla anmälningar.',
  })
  async paPlats(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return skyddadKlotter(await ctx.loaders.summering.load(k), diskretion(ctx)).paPlats;
  }

  @FieldResolver(() => KlotteranmalanSida, { description: 'Anmälningarna, en sida i taget.' })
  anmalningar(
    @Root() k: KlotterLage,
    @Arg('rapportor', () => Rapportor, { nullable: true }) rapportor: Rapportor | null,
    @Arg('kategori', () => Kategori, { nullable: true }) kategori: Kategori | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return laddaSida(ctx, { ...k, rapportor, kategori, first, after });
  }

  @FieldResolver(() => [Nollrapport], { description: 'Nollrapporterna inom perioden.' })
  nollrapporter(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return ctx.loaders.nollrapporter.load(k);
  }
}

@Resolver(() => KlotterMiljo)
export class KlotterMiljoResolver {
  @FieldResolver(() => SkyddatAntal)
  async antal(@Root() m: KlotterMiljo, @Ctx() ctx: Context) {
    return skyddadKlotter(await ctx.loaders.summering.load(m), diskretion(ctx)).perMiljo[m.miljo];
  }

  @FieldResolver(() => KlotteranmalanSida)
  anmalningar(
    @Root() m: KlotterMiljo,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return laddaSida(ctx, { ...m, first, after });
  }
}
