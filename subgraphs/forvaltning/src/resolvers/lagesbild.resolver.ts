import {
  type Diskretion,
  MILJOER,
  type Period,
  PeriodScalar,
  perMiljo,
  previousPeriod,
  Rapporteringsstatus,
} from '@lagesbild/domain';
import { badUserInput, readableAndAudited } from '@lagesbild/subgraph-kit';
import {
  fordelningFor,
  SkyddatAntal,
  skyddadFordelning,
  skyddatAntal,
} from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { diskretion } from '../behorighet';
import {
  Atervandare,
  Faltobservation,
  Incident,
  Kallanmarkning,
  Kontakt,
  Omrade,
} from '../entities';
import { type ForvaltningSummering, forvaltningStatus, summa } from '../loaders';
import { ForvaltningLage, ForvaltningMiljo, Lagesbild, MiljoLage } from '../types/lagesbild.type';
import type { Context } from './context';

/**
 * One source's counts per environment and in all, protected together (secondary
 * suppression), one answer per area and period: ForvaltningMiljo's figure and
 * ForvaltningLage's total never let a "fåtal" be worked out by subtraction. Records
 * without an environment count in the total only; the rule treats that part as known.
 */
function skyddadeAntal(s: ForvaltningSummering, kalla: 'incident' | 'kontakt', d: Diskretion) {
  return fordelningFor(s, kalla, d, () => {
    const celler = perMiljo((m) => summa(s, kalla, m).antal);
    return skyddadFordelning(celler, summa(s, kalla).antal, d);
  });
}

@Resolver(() => Lagesbild)
export class LagesbildResolver {
  @Query(() => Lagesbild, {
    description:
      'Lägesbilden för ett område och en period, t.ex. omrade: "norrmalm", period: "2016".',
  })
  async lagesbild(
    @Arg('omrade', () => String) omrade: string,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Lagesbild> {
    if (!(await ctx.loaders.omrade.load(omrade))) {
      throw badUserInput(`Okänt område "${omrade}".`, [
        { field: 'omrade', reason: 'området finns inte i förvaltningens register' },
      ]);
    }
    return new Lagesbild(omrade, period);
  }

  @FieldResolver(() => Omrade)
  async omrade(@Root() l: Lagesbild, @Ctx() ctx: Context): Promise<Omrade | null> {
    return ctx.loaders.omrade.load(l.omradeId);
  }

  @FieldResolver(() => Lagesbild, {
    description:
      'Samma lägesbild för föregående period av samma slag (2016-H2 → 2016-H1, 2016 → 2015).',
  })
  foregaende(@Root() l: Lagesbild): Lagesbild {
    return new Lagesbild(l.omradeId, previousPeriod(l.period));
  }

  @FieldResolver(() => ForvaltningLage, { nullable: true })
  forvaltning(@Root() l: Lagesbild): ForvaltningLage {
    return new ForvaltningLage(l.omradeId, l.period);
  }

  @FieldResolver(() => [MiljoLage], { description: 'En rad per miljö, i fast ordning.' })
  miljoer(@Root() l: Lagesbild): MiljoLage[] {
    return MILJOER.map((m) => new MiljoLage(l.omradeId, l.period, m));
  }
}

@Resolver(() => MiljoLage)
export class MiljoLageResolver {
  @FieldResolver(() => ForvaltningMiljo, { nullable: true })
  async forvaltning(@Root() m: MiljoLage, @Ctx() ctx: Context): Promise<ForvaltningMiljo> {
    const s = await ctx.loaders.summering.load(m);
    const d = diskretion(ctx);
    return {
      incidenter: skyddadeAntal(s, 'incident', d).celler[m.miljo],
      kontakter: skyddadeAntal(s, 'kontakt', d).celler[m.miljo],
      // No total of field observations is shown beside these, so the primary rule suffices.
      faltobservationer: skyddatAntal(summa(s, 'faltobservation', m.miljo).antal, d),
    };
  }
}

@Resolver(() => ForvaltningLage)
export class ForvaltningLageResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description:
      'Om förvaltningen har rapporterat för perioden, rapporterat noll, eller inte alls.',
  })
  async rapporteringsstatus(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return forvaltningStatus(await ctx.loaders.summering.load(f));
  }

  @FieldResolver(() => [Incident], {
    description: 'Incidenterna som läsaren har behörighet till (klassning); antalet räknar alla.',
  })
  async incidenter(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return readableAndAudited(ctx, await ctx.loaders.incidenter.load(f), 'Incident');
  }

  @FieldResolver(() => SkyddatAntal, { description: 'Antal incidenter i incidentrapporteringen.' })
  async incidenterAntal(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return skyddadeAntal(await ctx.loaders.summering.load(f), 'incident', diskretion(ctx)).total;
  }

  @FieldResolver(() => [Kontakt])
  kontakter(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return ctx.loaders.kontakter.load(f);
  }

  @FieldResolver(() => SkyddatAntal, { description: 'Summa inkomna kontakter, alla kanaler.' })
  async kontakterAntal(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return skyddadeAntal(await ctx.loaders.summering.load(f), 'kontakt', diskretion(ctx)).total;
  }

  @FieldResolver(() => [Faltobservation])
  faltobservationer(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return ctx.loaders.faltobservationer.load(f);
  }

  @FieldResolver(() => [Atervandare], { description: 'Återvändare: antal, aldrig vem.' })
  atervandare(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return ctx.loaders.atervandare.load(f);
  }

  @FieldResolver(() => [Kallanmarkning], {
    description:
      'Motsägelser och luckor i källan för perioden, synliga i stället för tyst rättade.',
  })
  kallanmarkningar(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return ctx.loaders.kallanmarkningar.load(f);
  }
}
