import { Rapporteringsstatus, rapporteringsstatus } from '@lagesbild/domain';
import { LagesbildRef, MiljoLageRef } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
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

function sla(antal: number, uppfyllt: number, ej: number): SlaSummering {
  const kanda = uppfyllt + ej;
  return {
    uppfyllt,
    ejUppfyllt: ej,
    okant: antal - kanda,
    andelUppfyllt: kanda ? uppfyllt / kanda : null,
  };
}

/** Reported with N, reported zero, or no report — per reporter, in fixed order. */
export function perRapportor(s: KlotterSummering): KlotterRapportorLage[] {
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
      antal: status === Rapporteringsstatus.EJ_RAPPORTERAT ? null : antal,
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

  @FieldResolver(() => Int, { description: 'Antal anmälningar, alla rapportörer.' })
  async antal(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return (await ctx.loaders.summering.load(k)).grupper.reduce((sum, g) => sum + g.antal, 0);
  }

  @FieldResolver(() => [KlotterRapportorLage], {
    description: 'Per rapportör: rapporterat med antal, rapporterat noll, eller ingen rapport.',
  })
  async perRapportor(@Root() k: KlotterLage, @Ctx() ctx: Context) {
    return perRapportor(await ctx.loaders.summering.load(k));
  }

  @FieldResolver(() => [KlotterGrupp], {
    description:
      'Antal och SLA-uppfyllelse per rapportör och kategori (bara grupper med anmälningar).',
  })
  async perKategori(@Root() k: KlotterLage, @Ctx() ctx: Context): Promise<KlotterGrupp[]> {
    const s = await ctx.loaders.summering.load(k);
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
          antal,
          sanering: sla(
            antal,
            sum((x) => x.saneringUppfyllt),
            sum((x) => x.saneringEj),
          ),
          paPlats: sla(
            antal,
            sum((x) => x.paPlatsUppfyllt),
            sum((x) => x.paPlatsEj),
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
  @FieldResolver(() => Int)
  async antal(@Root() m: KlotterMiljo, @Ctx() ctx: Context) {
    const s = await ctx.loaders.summering.load(m);
    return s.grupper.filter((g) => g.miljo === m.miljo).reduce((sum, g) => sum + g.antal, 0);
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
