import {
  MILJO_NAMN,
  Miljo,
  type Period,
  PeriodLage,
  PeriodScalar,
  periodLage,
} from '@lagesbild/domain';
import { AreaPeriodSection } from '@lagesbild/subgraph-kit';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The situation picture for an area and a period. Förvaltning owns the entity and its own
 * section; every partner contributes its section through the federation.
 */
@Directive('@key(fields: "omradeId period")')
@ObjectType({ description: 'Lägesbild för ett område och en period.' })
export class Lagesbild {
  @Field(() => String)
  omradeId: string;

  @Field(() => PeriodScalar)
  period: Period;

  constructor(omradeId: string, period: Period) {
    this.omradeId = omradeId;
    this.period = period;
  }

  @Field(() => String, { description: 'Periodens första dag (ÅÅÅÅ-MM-DD).' })
  get fran(): string {
    return this.period.fran;
  }

  @Field(() => String, { description: 'Dagen efter periodens sista dag (halvöppet intervall).' })
  get till(): string {
    return this.period.till;
  }

  @Field(() => PeriodLage, {
    description:
      'Om perioden är avslutad, pågår (siffrorna kan ändras) eller inte har börjat (ingen ' +
      'partner kan ha rapporterat), räknat på dagens datum.',
  })
  get periodLage(): PeriodLage {
    return periodLage(this.period);
  }
}

/** One environment's row of the cross-partner table; each partner adds its figure. */
@Directive('@key(fields: "omradeId period miljo")')
@ObjectType({ description: 'En miljös rad i lägesbilden: varje partners uppgift sida vid sida.' })
export class MiljoLage {
  @Field(() => String)
  omradeId: string;

  @Field(() => PeriodScalar)
  period: Period;

  @Field(() => Miljo)
  miljo: Miljo;

  constructor(omradeId: string, period: Period, miljo: Miljo) {
    this.omradeId = omradeId;
    this.period = period;
    this.miljo = miljo;
  }

  @Field(() => String, { description: 'Miljöns namn på svenska.' })
  get namn(): string {
    return MILJO_NAMN[this.miljo];
  }
}

/**
 * Förvaltning's section of the picture; its fields are resolved from the area-period. Its
 * counts follow the rule of docs/tal.md: a number only when förvaltning has reported for
 * the period itself.
 */
@ObjectType({
  description:
    'Lägesbild från förvaltningens verksamheter. Antalen är null när förvaltningen inte har ' +
    'rapporterat för perioden (se rapporteringsstatus); listorna innehåller posterna inom perioden.',
})
export class ForvaltningLage extends AreaPeriodSection {}

/**
 * Förvaltning's figures for one environment and period: every figure is a count of events
 * in an area and period, shown to readers cleared for förvaltning's live data only, and null when förvaltning has not
 * reported for the period.
 */
@ObjectType({
  description:
    'Förvaltningens uppgifter för en miljö och period. Antalen är null när förvaltningen inte ' +
    'har rapporterat för perioden (se rapporteringsstatus).',
})
export class ForvaltningMiljo extends AreaPeriodSection {
  miljo: Miljo;

  constructor(omradeId: string, period: Period, miljo: Miljo) {
    super(omradeId, period);
    this.miljo = miljo;
  }
}
