import {
  type Diskretion,
  MILJOER,
  type Miljo,
  type Period,
  Rapporteringsstatus,
  rapporteringsstatus,
} from '@lagesbild/domain';
import { KraverBehorighet } from '@lagesbild/subgraph-kit';
import {
  LagesbildRef,
  MiljoLageRef,
  skyddadAndel,
  skyddatAntal,
} from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { diskretion, harSkoldatabehorighet } from '../behorighet';
import { Enkat } from '../entities';
import type { SkolorSummering } from '../loaders';
import { SkolorLage, SkolorMiljo } from '../types/skolor.type';
import type { Context } from './context';
import { enkatResultat } from './enkat.resolver';

/** One environment's figure, from the period's summary; nothing asked is not a zero. */
function skolorMiljo(
  s: SkolorSummering,
  key: { omradeId: string; period: Period },
  miljo: Miljo,
  d: Diskretion,
): SkolorMiljo {
  const m = new SkolorMiljo(key.omradeId, key.period, miljo);
  const r = s.perMiljo.get(miljo);
  m.besvarade = r?.besvarade ?? 0;
  m.rapporteringsstatus = rapporteringsstatus(r?.besvarade ?? 0, r?.ja ?? 0);
  m.skolorMedTecken = r ? skyddatAntal(r.ja, d) : null;
  m.andelMedTecken = r ? skyddadAndel(r.ja, r.besvarade, d) : null;
  return m;
}

/** The period's "sent to": unknown as soon as one survey lacks its recipient list. */
function utskick(s: SkolorSummering): number | null {
  return s.enkater > 0 && s.enkaterUtanMottagare === 0 ? s.mottagare : null;
}

@Resolver(() => LagesbildRef)
export class LagesbildSkolorResolver {
  @FieldResolver(() => SkolorLage, {
    nullable: true,
    description: 'Lägesbild från skolor inom stadsdelsområdet.',
  })
  skolor(@Root() l: LagesbildRef): SkolorLage {
    return new SkolorLage(l.omradeId, l.period);
  }
}

@Resolver(() => MiljoLageRef)
export class MiljoLageSkolorResolver {
  @FieldResolver(() => SkolorMiljo, {
    nullable: true,
    description: 'Skolor som uppmärksammat tecken på miljön, av dem som besvarat en fråga om den.',
  })
  async skolor(@Root() m: MiljoLageRef, @Ctx() ctx: Context): Promise<SkolorMiljo> {
    const s = await ctx.loaders.summering.load(m);
    return skolorMiljo(
      s,
      m,
      m.miljo,
      diskretion(ctx.viewer, ctx.loaders.installningar.diskretionTroskel),
    );
  }
}

@Resolver(() => SkolorLage)
export class SkolorLageResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'RAPPORTERAT när skolor sett tecken, RAPPORTERAT_NOLL när skolor svarat utan att ha sett ' +
      'något, EJ_RAPPORTERAT när ingen skola svarat för perioden.',
  })
  async rapporteringsstatus(@Root() l: SkolorLage, @Ctx() ctx: Context) {
    const s = await ctx.loaders.summering.load(l);
    let ja = 0;
    for (const r of s.perMiljo.values()) ja += r.ja;
    return rapporteringsstatus(s.besvarade, ja);
  }

  @FieldResolver(() => [Enkat], { description: 'Periodens enkäter.' })
  enkater(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<Enkat[]> {
    return ctx.loaders.enkater.load(l);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Skolor som fått enkäterna; null när okänt.',
  })
  async utskick(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<number | null> {
    return utskick(await ctx.loaders.summering.load(l));
  }

  @FieldResolver(() => Int, { description: 'Skolor som svarat på någon av periodens enkäter (n).' })
  async besvarade(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.summering.load(l)).besvarade;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Svarsfrekvens mellan 0 och 1, där antalet mottagare är känt; annars null.',
  })
  async svarsfrekvens(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<number | null> {
    const s = await ctx.loaders.summering.load(l);
    return enkatResultat(utskick(s), s.besvarade).svarsfrekvens;
  }

  @FieldResolver(() => String, {
    description: 'Svarsfrekvensen som text, t.ex. "75 %", eller "okänd".',
  })
  async svarsfrekvensVisning(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<string> {
    const s = await ctx.loaders.summering.load(l);
    return enkatResultat(utskick(s), s.besvarade).svarsfrekvensVisning;
  }

  @FieldResolver(() => [SkolorMiljo], { description: 'En rad per miljö, i fast ordning.' })
  async miljoer(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<SkolorMiljo[]> {
    const s = await ctx.loaders.summering.load(l);
    const d = diskretion(ctx.viewer, ctx.loaders.installningar.diskretionTroskel);
    return MILJOER.map((m) => skolorMiljo(s, l, m, d));
  }
}

@Resolver(() => SkolorMiljo)
export class SkolorMiljoResolver {
  // The schools' free text: the education administration (which owns the survey) and ADMIN.
  @KraverBehorighet('roll:UTBILDNINGSFORVALTNING', 'roll:ADMIN')
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      'Vad skolorna som svarat ja har iakttagit, utan att säga vilken skola. Bara för ' +
      'utbildningsförvaltningen; null för övriga läsare (inte detsamma som inga iakttagelser).',
  })
  async observationer(@Root() m: SkolorMiljo, @Ctx() ctx: Context): Promise<string[] | null> {
    if (!harSkoldatabehorighet(ctx.viewer)) return null;
    return (await ctx.loaders.observationer.load(m)).get(m.miljo) ?? [];
  }
}
