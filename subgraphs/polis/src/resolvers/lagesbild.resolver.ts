import {
  harTal,
  Klassning,
  type Miljo,
  type Period,
  PeriodScalar,
  periodContains,
  Rapporteringsstatus,
  rapporteringsstatus,
  talOmRapporterat,
  tryParsePeriod,
} from '@lagesbild/domain';
import { type AreaPeriod, Klassad, LevandeData, readableAndAudited } from '@lagesbild/subgraph-kit';
import {
  LagesbildRef,
  MiljoLageRef,
  SkyddatAntal,
  visatAntal,
} from '@lagesbild/subgraph-kit/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { POLIS } from '../behorighet';
import { Bedomning, Handelse, Maltavla } from '../entities';
import { aktuella, nivaerFor } from '../loaders';
import { PolisLage, PolisMiljo } from '../types/polis.type';
import type { Context } from './context';

/** The section's status: "assessed only for the longer half-year" needs one more look. */
async function sektionensStatus(p: AreaPeriod, ctx: Context): Promise<Rapporteringsstatus> {
  const s = await ctx.loaders.summering.load(p);
  if (s.bedomningar > 0 || s.handelser > 0) return s.status;
  const grovre = await ctx.loaders.grovrePeriod.load(p);
  return rapporteringsstatus(0, 0, grovre !== null);
}

/**
 * One environment's row for an area and period, from the period's summary. The levels are
 * null when no assessment of the environment lies inside the period ("Ej bedömd"). When the
 * police have reported for the period (an assessment or an event inside it), a row with
 * neither is a reported zero — 0 events, levels not assessed; when they have not, the row
 * has no count at all.
 */
async function polisMiljo(
  ctx: Context,
  key: { omradeId: string; period: Period; miljo: Miljo },
): Promise<PolisMiljo> {
  const s = await ctx.loaders.summering.load(key);
  const n = nivaerFor(s, key.miljo);
  const rad = new PolisMiljo(key.omradeId, key.period, key.miljo);
  Object.assign(rad, {
    bedomningar: n.bedomningar,
    ejNoll: n.ejNoll,
    bosatta: n.bosatta,
    folkbokforda: n.folkbokforda,
    utsattaForBrott: n.utsattaForBrott,
    resor: n.resor,
    bedomningsperiod: n.bedomningsperiod,
    handelser: n.handelser,
  });
  const egen = rapporteringsstatus(n.bedomningar + n.handelser, n.ejNoll + n.handelser);
  rad.status = harTal(s.status) && !harTal(egen) ? Rapporteringsstatus.RAPPORTERAT_NOLL : egen;
  rad.handelserAntal = talOmRapporterat(rad.status, () => visatAntal(n.handelser));
  return rad;
}

/**
 * The row's longer period, walking up the longer periods the police have records for
 * (2016-W45 → 2016-11 → 2016-H2 → 2016): the first whose row holds an assessment that
 * contains the asked period (2016-H2's levels hold for its weeks, never for 2016-H1); without
 * one, the first where the police reported for that period (its events, or a reported 0). An
 * assessment that does not contain the period ends the walk: a longer period holds the same
 * assessment, and its levels are not this period's.
 */
async function radensGrovrePeriod(m: PolisMiljo, ctx: Context): Promise<Period | null> {
  let forsta: Period | null = null;
  let period: Period = m.period;
  for (let steg = 0; steg < 6; steg++) {
    const grovre = await ctx.loaders.grovrePeriod.load({ omradeId: m.omradeId, period });
    if (!grovre) break;
    const rad = await polisMiljo(ctx, { omradeId: m.omradeId, period: grovre, miljo: m.miljo });
    if (rad.bedomningar > 0) {
      const bedomd = rad.bedomningsperiod ? tryParsePeriod(rad.bedomningsperiod) : null;
      if (bedomd && periodContains(bedomd, m.period)) return grovre;
      break;
    }
    if (!forsta && harTal(rad.status)) forsta = grovre;
    period = grovre;
  }
  return forsta;
}

/** What a reader not cleared for the police's live data gets instead of the section. */
const EJ_BEHORIG =
  'Läsare som inte är behöriga för polisens levande uppgifter får null och felet FORBIDDEN ' +
  '(extensions.kalla "polis") och läser den fastställda lägesbilden.';

@Resolver(() => LagesbildRef)
export class LagesbildPolisResolver {
  @LevandeData(POLIS)
  @FieldResolver(() => PolisLage, {
    nullable: true,
    description:
      'Polisens avsnitt: alltid med, även när polisen inte har rapporterat något för perioden ' +
      `(då är rapporteringsstatus EJ_RAPPORTERAT). ${EJ_BEHORIG}`,
  })
  polis(@Root() l: LagesbildRef): PolisLage {
    return new PolisLage(l.omradeId, l.period);
  }
}

@Resolver(() => MiljoLageRef)
export class MiljoLagePolisResolver {
  @LevandeData(POLIS)
  @FieldResolver(() => PolisMiljo, {
    nullable: true,
    description: `Polisens nivåer och händelser för miljön under perioden. ${EJ_BEHORIG}`,
  })
  polis(@Root() m: MiljoLageRef, @Ctx() ctx: Context): Promise<PolisMiljo> {
    return polisMiljo(ctx, m);
  }
}

@Resolver(() => PolisMiljo)
export class PolisMiljoResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'RAPPORTERAT: polisen har bedömt miljön inom perioden och angett förekomst, eller ' +
      'registrerat händelser knutna till miljön; RAPPORTERAT_NOLL: polisen har rapporterat för ' +
      'perioden men inget om miljön (bara INGA/OKAND, eller ingen bedömning och inga händelser: ' +
      'nivåerna är då null, "ej bedömd", och händelserna 0); RAPPORTERAT_GROVRE_PERIOD: uppgifter bara för en längre ' +
      'period som innehåller perioden (se grovrePeriod och grovre); EJ_RAPPORTERAT: varken ' +
      'bedömning eller händelse under perioden.',
  })
  async rapporteringsstatus(
    @Root() m: PolisMiljo,
    @Ctx() ctx: Context,
  ): Promise<Rapporteringsstatus> {
    if (harTal(m.status)) return m.status;
    return rapporteringsstatus(0, 0, (await radensGrovrePeriod(m, ctx)) !== null);
  }

  @FieldResolver(() => PeriodScalar, {
    nullable: true,
    description:
      'Det kortaste längre halvår som innehåller perioden och där polisen har bedömt miljön ' +
      '(t.ex. 2016-H2 när 2016-Q3 efterfrågas); null när det inte finns något.',
  })
  grovrePeriod(@Root() m: PolisMiljo, @Ctx() ctx: Context): Promise<Period | null> {
    return radensGrovrePeriod(m, ctx);
  }

  @FieldResolver(() => PolisMiljo, {
    nullable: true,
    description: 'Samma rad för grovrePeriod, med det längre halvårets nivåer och antal.',
  })
  async grovre(@Root() m: PolisMiljo, @Ctx() ctx: Context): Promise<PolisMiljo | null> {
    const period = await radensGrovrePeriod(m, ctx);
    return period ? polisMiljo(ctx, { omradeId: m.omradeId, period, miljo: m.miljo }) : null;
  }
}

@Resolver(() => PolisLage)
export class PolisLageResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'RAPPORTERAT: polisen har publicerat en bedömning med förekomst eller registrerat ' +
      'händelser inom perioden; RAPPORTERAT_NOLL: bara bedömningar utan förekomst (INGA/OKAND) ' +
      'och inga händelser; RAPPORTERAT_GROVRE_PERIOD: uppgifter bara för en längre period som ' +
      'innehåller perioden (se grovrePeriod och grovre); EJ_RAPPORTERAT: varken bedömning ' +
      'eller händelse inom perioden.',
  })
  rapporteringsstatus(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Rapporteringsstatus> {
    return sektionensStatus(p, ctx);
  }

  @FieldResolver(() => [Bedomning], {
    description:
      'Gällande bedömningar inom perioden (ett år visar sina halvår), en per miljö och halvår.',
  })
  async bedomningar(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Bedomning[]> {
    return aktuella(await ctx.loaders.bedomningar.load(p));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'När den senaste gällande bedömningen inom perioden publicerades.',
  })
  async publicerad(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<string | null> {
    const dates = aktuella(await ctx.loaders.bedomningar.load(p)).map((b) => b.publicerad);
    return dates.sort().at(-1) ?? null;
  }

  @FieldResolver(() => [Handelse], {
    description: 'Händelser i det offentliga rummet under perioden.',
  })
  handelser(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Handelse[]> {
    return ctx.loaders.handelser.load(p);
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal händelser i det offentliga rummet under perioden; null när polisen inte har ' +
      'publicerat någon bedömning för perioden (EJ_RAPPORTERAT eller ' +
      'RAPPORTERAT_GROVRE_PERIOD), aldrig 0 i stället för "ej rapporterat". Listan handelser ' +
      'visar ändå de händelser som finns registrerade.',
  })
  async handelserAntal(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<SkyddatAntal | null> {
    const s = await ctx.loaders.summering.load(p);
    return talOmRapporterat(s.status, () => visatAntal(s.handelser));
  }

  @FieldResolver(() => PeriodScalar, {
    nullable: true,
    description:
      'Det kortaste längre halvår som innehåller perioden och som polisen har publicerat en ' +
      'bedömning för (t.ex. 2016-H2 när 2016-Q3 efterfrågas); null när det inte finns något.',
  })
  grovrePeriod(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Period | null> {
    return ctx.loaders.grovrePeriod.load(p);
  }

  @FieldResolver(() => PolisLage, {
    nullable: true,
    description: 'Polisens avsnitt för grovrePeriod; null när grovrePeriod är null.',
  })
  async grovre(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<PolisLage | null> {
    const period = await ctx.loaders.grovrePeriod.load(p);
    return period ? new PolisLage(p.omradeId, period) : null;
  }

  // The police's targets stay SKYDDAD: the field itself needs that clearance, and the
  // rows are still filtered by each record's own classification.
  @Klassad(Klassning.SKYDDAD)
  @FieldResolver(() => [Maltavla], {
    description: 'Potentiella måltavlor i området: skyddade, visas bara för behöriga läsare.',
  })
  async maltavlor(@Root() p: PolisLage, @Ctx() ctx: Context): Promise<Maltavla[]> {
    return readableAndAudited(ctx, await ctx.loaders.maltavlor.load(p.omradeId), 'Maltavla');
  }
}
