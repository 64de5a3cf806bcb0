import {
  MILJOER,
  type Period,
  PeriodScalar,
  previousPeriod,
  Rapporteringsstatus,
} from '@lagesbild/domain';
import { badUserInput, readableAndAudited } from '@lagesbild/subgraph-kit';
import { SkyddatAntal, skyddatAntal } from '@lagesbild/subgraph-kit/federation';
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
import { forvaltningStatus, summa } from '../loaders';
import { ForvaltningLage, ForvaltningMiljo, Lagesbild, MiljoLage } from '../types/lagesbild.type';
import type { Context } from './context';

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
      incidenter: skyddatAntal(summa(s, 'incident', m.miljo).antal, d),
      kontakter: skyddatAntal(summa(s, 'kontakt', m.miljo).antal, d),
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
    return skyddatAntal(
      summa(await ctx.loaders.summering.load(f), 'incident').antal,
      diskretion(ctx),
    );
  }

  @FieldResolver(() => [Kontakt])
  kontakter(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return ctx.loaders.kontakter.load(f);
  }

  @FieldResolver(() => SkyddatAntal, { description: 'Summa inkomna kontakter, alla kanaler.' })
  async kontakterAntal(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return skyddatAntal(
      summa(await ctx.loaders.summering.load(f), 'kontakt').antal,
      diskretion(ctx),
    );
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
