import {
  type Period,
  PeriodScalar,
  Rapporteringsstatus,
  rapporteringsstatus,
  talOmRapporterat,
} from '@lagesbild/domain';
import { type AreaPeriod, LevandeData } from '@lagesbild/subgraph-kit';
import { LagesbildRef, MiljoLageRef, SkyddatAntal } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { KLOTTER } from '../behorighet';
import { Kategori, Nollrapport, RAPPORTOR_NAMN, RAPPORTORER, Rapportor } from '../entities';
import type { KlotterSummering } from '../loaders';
import { klotterTal } from '../tal';
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

const anmalningarAv = (s: KlotterSummering, rapportor?: Rapportor) =>
  s.grupper
    .filter((g) => rapportor === undefined || g.rapportor === rapportor)
    .reduce((sum, g) => sum + g.antal, 0);

/**
 * Klotter's state for an area and period: reported (some report), reported zero (only
 * zero-reports), reported only for a longer period that contains it (a report dated 2016
 * when 2016-H2 is asked: not counted into H2, shown for 2016), or not reported. Whether a
 * longer period exists is asked only when nothing lies inside the period itself.
 */
async function status(k: AreaPeriod, ctx: Context): Promise<Rapporteringsstatus> {
  const s = await ctx.loaders.summering.load(k);
  const anmalningar = anmalningarAv(s);
  const nollor = [...s.nollor.values()].reduce((sum, n) => sum + n, 0);
  if (anmalningar + nollor > 0) return rapporteringsstatus(anmalningar + nollor, anmalningar);
  return rapporteringsstatus(0, 0, (await ctx.loaders.grovre.load(k)) !== null);
}

/** A count or breakdown of the area-period when the rule gives it a number, else null. */
async function omRapporterat<T>(
  k: AreaPeriod,
  ctx: Context,
  tal: (s: KlotterSummering) => T,
): Promise<T | null> {
  const st = await status(k, ctx);
  const s = await ctx.loaders.summering.load(k);
  return talOmRapporterat(st, () => tal(s));
}

/**
 * Per reporter, in fixed order: reported with N, reported zero, reported only for a longer
 * period (`grovre`: each reporter's shortest such period), or not reported; the count only
 * when the rule gives one.
 */
export function perRapportor(
  s: KlotterSummering,
  grovre: ReadonlyMap<Rapportor, Period>,
): KlotterRapportorLage[] {
  const tal = klotterTal(s);
  return RAPPORTORER.map((rapportor) => {
    const antal = anmalningarAv(s, rapportor);
    const nollor = s.nollor.get(rapportor) ?? 0;
    const st = rapporteringsstatus(antal + nollor, antal, grovre.has(rapportor));
    return {
      rapportor,
      namn: RAPPORTOR_NAMN[rapportor],
      rapporteringsstatus: st,
      antal: talOmRapporterat(st, () => tal.perRapportor[rapportor]),
      grovrePeriod: grovre.get(rapportor) ?? null,
    };
  });
}

/** What a reader not cleared for klotter's live data gets instead. */
export const EJ_BEHORIG =
  'Läsare som inte är behöriga för klotterrapportörernas levande uppgifter får null och felet ' +
  'FORBIDDEN (extensions.kalla "klotter") och läser den fastställda lägesbilden.';

@Resolver(() => LagesbildRef)
export class LagesbildKlotterResolver {
  @LevandeData(KLOTTER)
  @FieldResolver(() => KlotterLage, {
    nullable: true,
    description: `Klotter från trafikkontoret, SISAB och MTR för området och perioden. ${EJ_BEHORIG}`,
  })
  klotter(@Root() l: LagesbildRef): KlotterLage {
    return new KlotterLage(l.omradeId, l.period);
  }
}

@Resolver(() => MiljoLageRef)
export class MiljoLageKlotterResolver {
  @LevandeData(KLOTTER)
  @FieldResolver(() => KlotterMiljo, {
    nullable: true,
    description: `Klotteranmälningar i miljön. ${EJ_BEHORIG}`,
  })
  klotter(@Root() m: MiljoLageRef): KlotterMiljo {
    return new KlotterMiljo(m.omradeId, m.period, m.miljo);
  }
}

const STATUS_BESKRIVNING =
  'Rapporterat (någon anmälan), rapporterat noll (bara nollrapporter), rapporterat bara för ' +
  'en längre period som innehåller perioden (se grovrePeriod), eller inte alls.';

const GROVRE_PERIOD_BESKRIVNING =
  'Den kortaste längre period som innehåller perioden och som klotter har anmälningar eller ' +
  'nollrapporter för, t.ex. "2016" för 2016-H2 när anmälningarna är daterade till året; null ' +
  'när ingen finns.';

@Resolver(() => KlotterLage)
export class KlotterLageResolver {
  @FieldResolver(() => Rapporteringsstatus, { description: STATUS_BESKRIVNING })
  rapporteringsstatus(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return status(k, ctx);
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal anmälningar, alla rapportörer; 0 när bara nollrapporter finns, null när klotter ' +
      'inte rapporterat för perioden (eller bara för en längre period).',
  })
  antal(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return omRapporterat(k, ctx, (s) => klotterTal(s).total);
  }

  @FieldResolver(() => [KlotterRapportorLage], {
    description:
      'Per rapportör: rapporterat med antal, rapporterat noll, rapporterat för en längre ' +
      'period, eller ingen rapport.',
  })
  async perRapportor(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    const s = await ctx.loaders.summering.load(k);
    const grovre =
      (await ctx.loaders.grovre.load(k)) === null
        ? new Map<Rapportor, Period>()
        : await ctx.loaders.grovrePerRapportor.load(k);
    return perRapportor(s, grovre);
  }

  @FieldResolver(() => [KlotterGrupp], {
    description:
      'Antal och SLA-uppfyllelse per rapportör och kategori (bara grupper med anmälningar).',
  })
  async perKategori(@Root() k: KlotterLage, @Ctx() ctx: Context): Promise<KlotterGrupp[]> {
    return klotterTal(await ctx.loaders.summering.load(k)).grupper;
  }

  @FieldResolver(() => SlaSummering, {
    nullable: true,
    description:
      'Sanerat inom 24 timmar, alla anmälningar; null när klotter inte rapporterat för perioden.',
  })
  sanering(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return omRapporterat(k, ctx, (s) => klotterTal(s).sanering);
  }

  @FieldResolver(() => SlaSummering, {
    nullable: true,
    description:
      'På plats inom tre arbetstimmar, alla anmälningar; null när klotter inte rapporterat ' +
      'för perioden.',
  })
  paPlats(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return omRapporterat(k, ctx, (s) => klotterTal(s).paPlats);
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: GROVRE_PERIOD_BESKRIVNING })
  grovrePeriod(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return ctx.loaders.grovre.load(k);
  }

  @FieldResolver(() => KlotterLage, {
    nullable: true,
    description: 'Klotter för grovrePeriod (hela den längre perioden); null när den saknas.',
  })
  async grovre(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    const p = await ctx.loaders.grovre.load(k);
    return p ? new KlotterLage(k.omradeId, p) : null;
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
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'Klotters rapportering för området och perioden, samma i alla miljöer: rapporterat ' +
      '(någon anmälan), rapporterat noll (bara nollrapporter), rapporterat bara för en längre ' +
      'period som innehåller perioden (se grovrePeriod), eller inte alls.',
  })
  rapporteringsstatus(@Root() m: KlotterMiljo, @Ctx() ctx: Context) {
    return status(m, ctx);
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal anmälningar i miljön; 0 när klotter rapporterat men inget i miljön, null när ' +
      'klotter inte rapporterat för perioden (eller bara för en längre period).',
  })
  antal(@Root() m: KlotterMiljo, @Ctx() ctx: Context) {
    return omRapporterat(m, ctx, (s) => klotterTal(s).perMiljo[m.miljo]);
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: GROVRE_PERIOD_BESKRIVNING })
  grovrePeriod(@Root() m: KlotterMiljo, @Ctx() ctx: Context) {
    return ctx.loaders.grovre.load(m);
  }

  @FieldResolver(() => KlotterMiljo, {
    nullable: true,
    description:
      'Miljöns klotter för grovrePeriod (hela den längre perioden); null när den saknas.',
  })
  async grovre(@Root() m: KlotterMiljo, @Ctx() ctx: Context) {
    const p = await ctx.loaders.grovre.load(m);
    return p ? new KlotterMiljo(m.omradeId, p, m.miljo) : null;
  }

  @FieldResolver(() => KlotteranmalanSida, {
    description: 'Miljöns anmälningar inom perioden, en sida i taget.',
  })
  anmalningar(
    @Root() m: KlotterMiljo,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return laddaSida(ctx, { ...m, first, after });
  }
}
