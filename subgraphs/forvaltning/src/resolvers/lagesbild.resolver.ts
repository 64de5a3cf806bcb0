import {
  MILJOER,
  type Period,
  PeriodScalar,
  previousPeriod,
  Rapporteringsstatus,
  talOmRapporterat,
} from '@lagesbild/domain';
import { type AreaPeriod, LevandeData, readableAndAudited } from '@lagesbild/subgraph-kit';
import { okandSkyddatAntal, SkyddatAntal, visatAntal } from '@lagesbild/subgraph-kit/federation';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FORVALTNING } from '../behorighet';
import {
  Atervandare,
  Faltobservation,
  Incident,
  Kallanmarkning,
  Kontakt,
  Omrade,
} from '../entities';
import { type ForvaltningSummering, forvaltningStatus, harRader, summa } from '../loaders';
import { kandOmradeId } from '../omrade-id';
import { ForvaltningLage, ForvaltningMiljo, Lagesbild, MiljoLage } from '../types/lagesbild.type';
import type { Context } from './context';

/**
 * One source's count (IA incidents, contacts, field observations): a number only when
 * förvaltning has reported for the period and this source has records inside it. A
 * period with only the coordinator's zero-contact records is not a reported zero of IA
 * incidents: that count was never reported, so it is null.
 */
function kallansTal<T>(
  s: ForvaltningSummering,
  status: Rapporteringsstatus,
  kalla: 'incident' | 'kontakt' | 'faltobservation',
  tal: () => T,
): T | null {
  return summa(s, kalla).rader > 0 ? talOmRapporterat(status, tal) : null;
}

/**
 * The area-period's counts and förvaltning's status for it. Only a period without records
 * asks whether a longer one has them (RAPPORTERAT_GROVRE_PERIOD or EJ_RAPPORTERAT); the
 * loaders batch that question for every such period of the request into one statement.
 */
async function lage(
  key: AreaPeriod,
  ctx: Context,
): Promise<{ s: ForvaltningSummering; status: Rapporteringsstatus }> {
  const s = await ctx.loaders.summering.load(key);
  if (harRader(s)) return { s, status: forvaltningStatus(s) };
  const grovre = await ctx.loaders.grovrePeriod.load(key);
  return { s, status: forvaltningStatus(s, grovre !== null) };
}

/** What a reader not cleared for förvaltning's live data gets instead. */
export const EJ_BEHORIG =
  'Läsare som inte är behöriga för förvaltningens levande uppgifter får null och felet ' +
  'FORBIDDEN (extensions.kalla "forvaltning") och läser den fastställda lägesbilden.';

const AVSNITT_BESKRIVNING = `Förvaltningens avsnitt: antal, poster och källanmärkningar. ${EJ_BEHORIG}`;

const STATUS_BESKRIVNING =
  'Om förvaltningen har rapporterat för perioden, rapporterat noll, rapporterat bara för en ' +
  'längre period som innehåller den (se grovrePeriod), eller inte alls.';
const GROVRE_PERIOD_BESKRIVNING =
  'Den kortaste längre period som innehåller perioden och som förvaltningen har rapporterat ' +
  'för (t.ex. "2016" när 2016-H2 efterfrågas och posterna är daterade till året), annars null.';

@Resolver(() => Lagesbild)
export class LagesbildResolver {
  @Query(() => Lagesbild, {
    description:
      'Lägesbilden för ett område och en period, t.ex. omrade: "norrmalm", period: "2016". ' +
      'Områdets id läses utan hänsyn till skiftläge ("Norrmalm" är norrmalm); ett okänt område ' +
      'är BAD_USER_INPUT med de kända områdena i extensions.kandaOmraden.',
  })
  async lagesbild(
    @Arg('omrade', () => String) omrade: string,
    @Arg('period', () => PeriodScalar) period: Period,
    @Ctx() ctx: Context,
  ): Promise<Lagesbild> {
    return new Lagesbild(await kandOmradeId(omrade, ctx, 'omrade'), period);
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

  @LevandeData(FORVALTNING)
  @FieldResolver(() => ForvaltningLage, { nullable: true, description: AVSNITT_BESKRIVNING })
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
  @LevandeData(FORVALTNING)
  @FieldResolver(() => ForvaltningMiljo, {
    nullable: true,
    description: `Förvaltningens uppgifter för miljön. ${EJ_BEHORIG}`,
  })
  forvaltning(@Root() m: MiljoLage): ForvaltningMiljo {
    return new ForvaltningMiljo(m.omradeId, m.period, m.miljo);
  }
}

@Resolver(() => ForvaltningMiljo)
export class ForvaltningMiljoResolver {
  @FieldResolver(() => Rapporteringsstatus, {
    description: `${STATUS_BESKRIVNING} Samma som för hela förvaltningens avsnitt.`,
  })
  async rapporteringsstatus(@Root() f: ForvaltningMiljo, @Ctx() ctx: Context) {
    return (await lage(f, ctx)).status;
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal incidenter i stadens incidentrapportering i miljön; null när förvaltningen inte ' +
      'har rapporterat incidenter för perioden.',
  })
  async incidenterAntal(@Root() f: ForvaltningMiljo, @Ctx() ctx: Context) {
    const { s, status } = await lage(f, ctx);
    return kallansTal(s, status, 'incident', () => visatAntal(summa(s, 'incident', f.miljo).antal));
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Inkomna kontakter (samtal) om miljön; null när förvaltningen inte har rapporterat ' +
      'kontakter för perioden.',
  })
  async kontakterAntal(@Root() f: ForvaltningMiljo, @Ctx() ctx: Context) {
    const { s, status } = await lage(f, ctx);
    return kallansTal(s, status, 'kontakt', () => visatAntal(summa(s, 'kontakt', f.miljo).antal));
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal tillfällen fält- och fritid har iakttagit något om miljön; "okänt antal" (antal ' +
      'null) när någon iakttagelse saknar angivet antal ("vid något tillfälle"); null när ' +
      'förvaltningen inte har rapporterat iakttagelser för perioden.',
  })
  async faltobservationerAntal(@Root() f: ForvaltningMiljo, @Ctx() ctx: Context) {
    const { s, status } = await lage(f, ctx);
    return kallansTal(s, status, 'faltobservation', () => {
      const t = summa(s, 'faltobservation', f.miljo);
      return t.okanda > 0 ? okandSkyddatAntal() : visatAntal(t.antal);
    });
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: GROVRE_PERIOD_BESKRIVNING })
  grovrePeriod(@Root() f: ForvaltningMiljo, @Ctx() ctx: Context): Promise<Period | null> {
    return ctx.loaders.grovrePeriod.load(f);
  }

  @FieldResolver(() => ForvaltningMiljo, {
    nullable: true,
    description: 'Samma miljörad för grovrePeriod (t.ex. hela 2016), eller null.',
  })
  async grovre(@Root() f: ForvaltningMiljo, @Ctx() ctx: Context) {
    const p = await ctx.loaders.grovrePeriod.load(f);
    return p ? new ForvaltningMiljo(f.omradeId, p, f.miljo) : null;
  }
}

@Resolver(() => ForvaltningLage)
export class ForvaltningLageResolver {
  @FieldResolver(() => Rapporteringsstatus, { description: STATUS_BESKRIVNING })
  async rapporteringsstatus(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return (await lage(f, ctx)).status;
  }

  @FieldResolver(() => [Incident], {
    description:
      'Incidenterna inom perioden som läsaren har behörighet till (klassning); antalet räknar alla.',
  })
  async incidenter(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return readableAndAudited(ctx, await ctx.loaders.incidenter.load(f), 'Incident');
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal incidenter i incidentrapporteringen; null när förvaltningen inte har rapporterat ' +
      'incidenter för perioden.',
  })
  async incidenterAntal(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    const { s, status } = await lage(f, ctx);
    return kallansTal(s, status, 'incident', () => visatAntal(summa(s, 'incident').antal));
  }

  @FieldResolver(() => [Kontakt], { description: 'Kontakterna inom perioden, per kanal.' })
  kontakter(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    return ctx.loaders.kontakter.load(f);
  }

  @FieldResolver(() => SkyddatAntal, {
    nullable: true,
    description:
      'Summa inkomna kontakter, alla kanaler; null när förvaltningen inte har rapporterat ' +
      'kontakter för perioden.',
  })
  async kontakterAntal(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    const { s, status } = await lage(f, ctx);
    return kallansTal(s, status, 'kontakt', () => visatAntal(summa(s, 'kontakt').antal));
  }

  @FieldResolver(() => [Faltobservation], {
    description: 'Fält- och fritids iakttagelser inom perioden.',
  })
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

  @FieldResolver(() => PeriodScalar, { nullable: true, description: GROVRE_PERIOD_BESKRIVNING })
  grovrePeriod(@Root() f: ForvaltningLage, @Ctx() ctx: Context): Promise<Period | null> {
    return ctx.loaders.grovrePeriod.load(f);
  }

  @FieldResolver(() => ForvaltningLage, {
    nullable: true,
    description:
      'Förvaltningens avsnitt för grovrePeriod (t.ex. hela 2016 när 2016-H2 efterfrågas), ' +
      'eller null: visas märkt med den längre perioden.',
  })
  async grovre(@Root() f: ForvaltningLage, @Ctx() ctx: Context) {
    const p = await ctx.loaders.grovrePeriod.load(f);
    return p ? new ForvaltningLage(f.omradeId, p) : null;
  }
}
