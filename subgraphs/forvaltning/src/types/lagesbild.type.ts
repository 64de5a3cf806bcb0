import { MILJO_NAMN, Miljo, type Period, PeriodScalar } from '@lagesbild/domain';
import { AreaPeriodSection } from '@lagesbild/subgraph-kit';
import { SkyddatAntal } from '@lagesbild/subgraph-kit/federation';
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

/** Förvaltning's section of the picture; its fields are resolved from the area-period. */
@ObjectType({ description: 'Lägesbild från förvaltningens verksamheter.' })
export class ForvaltningLage extends AreaPeriodSection {}

/** Every figure here is a count of events in an area and period: under disclosure control. */
@ObjectType({ description: 'Förvaltningens uppgifter för en miljö och period.' })
export class ForvaltningMiljo {
  @Field(() => SkyddatAntal, { description: 'Incidenter i stadens incidentrapportering.' })
  incidenter!: SkyddatAntal;

  @Field(() => SkyddatAntal, { description: 'Inkomna kontakter (samtal).' })
  kontakter!: SkyddatAntal;

  @Field(() => SkyddatAntal, {
    description:
      'Iakttagelser av fält- och fritid (en iakttagelse utan angivet antal räknas som en).',
  })
  faltobservationer!: SkyddatAntal;
}
