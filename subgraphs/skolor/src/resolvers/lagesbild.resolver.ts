import {
  MILJOER,
  type Miljo,
  type Period,
  PeriodScalar,
  Rapporteringsstatus,
  rapporteringsstatus,
} from '@lagesbild/domain';
import { type AreaPeriod, KraverBehorighet, LevandeData } from '@lagesbild/subgraph-kit';
import {
  LagesbildRef,
  MiljoLageRef,
  visadAndel,
  visatAntal,
} from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { harSkolsvarsbehorighet, SKOLOR } from '../behorighet';
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
): SkolorMiljo {
  const m = new SkolorMiljo(key.omradeId, key.period, miljo);
  const r = s.perMiljo.get(miljo);
  // A row exists only when some school answered a question about the environment.
  if (r && r.besvarade > 0) {
    m.svarande = r.besvarade;
    m.ja = r.ja;
    m.besvarade = r.besvarade;
    m.skolorMedTecken = visatAntal(r.ja);
    m.andelMedTecken = visadAndel(r.ja, r.besvarade);
  }
  return m;
}

async function skolorMiljoFor(
  ctx: Context,
  key: { omradeId: string; period: Period },
  miljo: Miljo,
): Promise<SkolorMiljo> {
  return skolorMiljo(await ctx.loaders.summering.load(key), key, miljo);
}

/** The period's "sent to": unknown as soon as one survey lacks its recipient list. */
function utskick(s: SkolorSummering): number | null {
  return s.enkater > 0 && s.enkaterUtanMottagare === 0 ? s.mottagare : null;
}

/**
 * The shortest longer period a survey was sent for, when schools answered it (for a row:
 * answered a question about the environment); else null. A survey nobody answered is not
 * a report, for the longer period any more than for this one.
 */
async function grovrePeriodFor(
  ctx: Context,
  key: AreaPeriod,
  miljo?: Miljo,
): Promise<Period | null> {
  const grovre = await ctx.loaders.grovrePeriod.load(key);
  if (!grovre) return null;
  const s = await ctx.loaders.summering.load({ omradeId: key.omradeId, period: grovre });
  const svarande = miljo === undefined ? s.besvarade : (s.perMiljo.get(miljo)?.besvarade ?? 0);
  return svarande > 0 ? grovre : null;
}

function jaTotalt(s: SkolorSummering): number {
  let ja = 0;
  for (const r of s.perMiljo.values()) ja += r.ja;
  return ja;
}

/** What a reader not cleared for the schools' live data gets instead. */
export const EJ_BEHORIG =
  'Läsare som inte är behöriga för skolornas levande uppgifter (en enskild skola inte heller) ' +
  'får null och felet FORBIDDEN (extensions.kalla "skolor") och läser den fastställda lägesbilden.';

@Resolver(() => LagesbildRef)
export class LagesbildSkolorResolver {
  @LevandeData(SKOLOR)
  @FieldResolver(() => SkolorLage, {
    nullable: true,
    description: `Lägesbild från skolor inom stadsdelsområdet. ${EJ_BEHORIG}`,
  })
  skolor(@Root() l: LagesbildRef): SkolorLage {
    return new SkolorLage(l.omradeId, l.period);
  }
}

@Resolver(() => MiljoLageRef)
export class MiljoLageSkolorResolver {
  @LevandeData(SKOLOR)
  @FieldResolver(() => SkolorMiljo, {
    nullable: true,
    description: `Skolor som uppmärksammat tecken på miljön, av dem som besvarat en fråga om den. ${EJ_BEHORIG}`,
  })
  skolor(@Root() m: MiljoLageRef, @Ctx() ctx: Context): Promise<SkolorMiljo> {
    return skolorMiljoFor(ctx, m, m.miljo);
  }
}

@Resolver(() => SkolorLage)
export class SkolorLageResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'RAPPORTERAT när skolor sett tecken, RAPPORTERAT_NOLL när skolor svarat utan att ha sett ' +
      'något, RAPPORTERAT_GROVRE_PERIOD när skolorna svarat på en enkät för en längre period ' +
      'som innehåller perioden (se grovrePeriod och grovre), EJ_RAPPORTERAT när ingen skola ' +
      'svarat för perioden.',
  })
  async rapporteringsstatus(
    @Root() l: SkolorLage,
    @Ctx() ctx: Context,
  ): Promise<Rapporteringsstatus> {
    const s = await ctx.loaders.summering.load(l);
    if (s.besvarade > 0) return rapporteringsstatus(s.besvarade, jaTotalt(s));
    return rapporteringsstatus(0, 0, (await grovrePeriodFor(ctx, l)) !== null);
  }

  @FieldResolver(() => [Enkat], { description: 'Periodens enkäter.' })
  enkater(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<Enkat[]> {
    return ctx.loaders.enkater.load(l);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Skolor som fått periodens enkäter; null när perioden saknar enkät eller när ' +
      'mottagarna inte är kända.',
  })
  async utskick(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<number | null> {
    return utskick(await ctx.loaders.summering.load(l));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Skolor som svarat på någon av periodens enkäter (n); null när ingen skola har svarat ' +
      'för perioden (EJ_RAPPORTERAT eller RAPPORTERAT_GROVRE_PERIOD), aldrig 0 i stället för ' +
      '"ej rapporterat".',
  })
  async besvarade(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<number | null> {
    const s = await ctx.loaders.summering.load(l);
    // harTal without the longer period: both states it could add have no number.
    return s.besvarade > 0 ? s.besvarade : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Svarsfrekvens mellan 0 och 1, där antalet mottagare är känt; annars null. 0 när ' +
      'enkäten skickats till kända skolor och ingen har svarat.',
  })
  async svarsfrekvens(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<number | null> {
    const s = await ctx.loaders.summering.load(l);
    return enkatResultat(utskick(s), s.besvarade).svarsfrekvens;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Svarsfrekvensen som text, t.ex. "75 %", eller "okänd" när mottagarna inte är kända; ' +
      'null när perioden saknar enkät (då finns ingen svarsfrekvens att ange).',
  })
  async svarsfrekvensVisning(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<string | null> {
    const s = await ctx.loaders.summering.load(l);
    if (s.enkater === 0) return null;
    return enkatResultat(utskick(s), s.besvarade).svarsfrekvensVisning;
  }

  @FieldResolver(() => [SkolorMiljo], { description: 'En rad per miljö, i fast ordning.' })
  async miljoer(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<SkolorMiljo[]> {
    const s = await ctx.loaders.summering.load(l);
    return MILJOER.map((m) => skolorMiljo(s, l, m));
  }

  @FieldResolver(() => PeriodScalar, {
    nullable: true,
    description:
      'Den kortaste längre period som innehåller perioden och som skolorna har svarat på en ' +
      'enkät för (t.ex. "2016" när 2016-H2 efterfrågas); null när det inte finns någon.',
  })
  grovrePeriod(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<Period | null> {
    return grovrePeriodFor(ctx, l);
  }

  @FieldResolver(() => SkolorLage, {
    nullable: true,
    description: 'Skolornas avsnitt för grovrePeriod; null när grovrePeriod är null.',
  })
  async grovre(@Root() l: SkolorLage, @Ctx() ctx: Context): Promise<SkolorLage | null> {
    const period = await grovrePeriodFor(ctx, l);
    return period ? new SkolorLage(l.omradeId, period) : null;
  }
}

@Resolver(() => SkolorMiljo)
export class SkolorMiljoResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'RAPPORTERAT när någon skola sett tecken, RAPPORTERAT_NOLL när skolor svarat nej, ' +
      'RAPPORTERAT_GROVRE_PERIOD när skolorna svarat om miljön bara för en längre period som ' +
      'innehåller perioden (se grovrePeriod och grovre), EJ_RAPPORTERAT när ingen skola ' +
      'besvarat en fråga om miljön för perioden.',
  })
  async rapporteringsstatus(
    @Root() m: SkolorMiljo,
    @Ctx() ctx: Context,
  ): Promise<Rapporteringsstatus> {
    if (m.svarande > 0) return rapporteringsstatus(m.svarande, m.ja);
    return rapporteringsstatus(0, 0, (await grovrePeriodFor(ctx, m, m.miljo)) !== null);
  }

  @FieldResolver(() => PeriodScalar, {
    nullable: true,
    description:
      'Den kortaste längre period som innehåller perioden och där skolor besvarat en fråga ' +
      'om miljön (t.ex. "2016" när 2016-H2 efterfrågas); null när det inte finns någon.',
  })
  grovrePeriod(@Root() m: SkolorMiljo, @Ctx() ctx: Context): Promise<Period | null> {
    return grovrePeriodFor(ctx, m, m.miljo);
  }

  @FieldResolver(() => SkolorMiljo, {
    nullable: true,
    description: 'Samma rad för grovrePeriod, med den längre periodens antal.',
  })
  async grovre(@Root() m: SkolorMiljo, @Ctx() ctx: Context): Promise<SkolorMiljo | null> {
    const period = await grovrePeriodFor(ctx, m, m.miljo);
    return period ? skolorMiljoFor(ctx, { omradeId: m.omradeId, period }, m.miljo) : null;
  }

  // The schools' free text: the education administration (which owns the survey) and ADMIN.
  @KraverBehorighet('roll:UTBILDNINGSFORVALTNING', 'roll:ADMIN')
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      'Vad skolorna som svarat ja har iakttagit, utan att säga vilken skola. Bara för ' +
      'utbildningsförvaltningen; null för övriga läsare (inte detsamma som inga iakttagelser).',
  })
  async observationer(@Root() m: SkolorMiljo, @Ctx() ctx: Context): Promise<string[] | null> {
    if (!harSkolsvarsbehorighet(ctx.viewer)) return null;
    return (await ctx.loaders.observationer.load(m)).get(m.miljo) ?? [];
  }
}
