import { type Diskretion, Rapporteringsstatus, rapporteringsstatus } from '@lagesbild/domain';
import {
  LagesbildRef,
  MiljoLageRef,
  SkyddatAntal,
  skyddadAndel,
  skyddatAntal,
  skyddatAntalEllerNull,
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

function sla(antal: number, uppfyllt: number, ej: number, d: Diskretion): SlaSummering {
  const kanda = uppfyllt + ej;
  return {
    uppfyllt: skyddatAntal(uppfyllt, d),
    ejUppfyllt: skyddatAntal(ej, d),
    okant: skyddatAntal(antal - kanda, d),
    andelUppfyllt: skyddadAndel(uppfyllt, kanda, d),
  };
}

/** Reported with N, reported zero, or no report — per reporter, in fixed order. */
export function perRapportor(s: KlotterSummering, d: Diskretion): KlotterRapportorLage[] {
  return RAPPORTORER.map((rapportor) => {
    const antal = s.grupper
      .filter((g) => g.rapportor === rapportor)
      .reduce((sum, g) => sum + g.antal, 0);
    const nollor = s.nollor.get(rapportor) ?? 0;
    const status = rapporteringsstatus(antal + nollor, antal);
    return {
      rapportor,
      namn: RAPPORTOR_NAMN[rapportor],
      rapporteringsstatus: status,
      antal: skyddatAntalEllerNull(status === Rapporteringsstatus.EJ_RAPPORTERAT ? null : antal, d),
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
    const s = await ctx.loaders.summering.load(k);
    return skyddatAntal(
      s.grupper.reduce((sum, g) => sum + g.antal, 0),
      diskretion(ctx),
    );
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
    const s = await ctx.loaders.summering.load(k);
    const d = diskretion(ctx);
    const out: KlotterGrupp[] = [];
    for (const rapportor of RAPPORTORER) {
      for (const kategori of KATEGORIER) {
        const g = s.grupper.filter((x) => x.rapportor === rapportor && x.kategori === kategori);
        if (g.length === 0) continue;
        const sum = (f: (x: (typeof g)[number]) => number) => g.reduce((a, x) => a + f(x), 0);
        const antal = sum((x) => x.antal);
        out.push({
          rapportor,
          kategori,
          antal: skyddatAntal(antal, d),
          sanering: sla(
            antal,
            sum((x) => x.saneringUppfyllt),
            sum((x) => x.saneringEj),
            d,
          ),
          paPlats: sla(
            antal,
            sum((x) => x.paPlatsUppfyllt),
            sum((x) => x.paPlatsEj),
            d,
          ),
        });
      }
    }
    return out;
  }

  @FieldResolver(() => SlaSummering, { description: 'Sanerat inom 24 timmar, alla anmälningar.' })
  async sanering(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    const s = await ctx.loaders.summering.load(k);
    const sum = (f: (x: (typeof s.grupper)[number]) => number) =>
      s.grupper.reduce((a, x) => a + f(x), 0);
    return sla(
      sum((x) => x.antal),
      sum((x) => x.saneringUppfyllt),
      sum((x) => x.saneringEj),
      diskretion(ctx),
    );
  }

  @FieldResolver(() => SlaSummering, {
    description: 'På plats inom tre arbetstimmar, alla anmälningar.',
  })
  async paPlats(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    const s = await ctx.loaders.summering.load(k);
    const sum = (f: (x: (typeof s.grupper)[number]) => number) =>
      s.grupper.reduce((a, x) => a + f(x), 0);
    return sla(
      sum((x) => x.antal),
      sum((x) => x.paPlatsUppfyllt),
      sum((x) => x.paPlatsEj),
      diskretion(ctx),
    );
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
    const s = await ctx.loaders.summering.load(m);
    return skyddatAntal(
      s.grupper.filter((g) => g.miljo === m.miljo).reduce((sum, g) => sum + g.antal, 0),
      diskretion(ctx),
    );
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
