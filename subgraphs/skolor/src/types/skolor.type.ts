import { Miljo, type Period } from '@lagesbild/domain';
import { AreaPeriodSection } from '@lagesbild/subgraph-kit';
import { SkyddadAndel, SkyddatAntal } from '@lagesbild/subgraph-kit/federation';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** The schools' section of the picture for an area and period; fields resolved from it. */
@ObjectType({
  description:
    'Lägesbild från skolor inom stadsdelsområdet: enkätsvar redovisade med antal svarande ' +
    'och svarsfrekvens där den är känd.',
})
export class SkolorLage extends AreaPeriodSection {}

/**
 * One environment's figure from the schools, for an area and period. The numbers come from
 * the period's summary; the status and the longer period are resolved on demand
 * (SkolorMiljoResolver), since only they need to look beyond the period.
 */
@ObjectType({
  description:
    'Skolornas uppgift för en miljö: hur många skolor som sett tecken, av hur många som ' +
    'besvarat en fråga om miljön.',
})
export class SkolorMiljo {
  omradeId: string;
  period: Period;
  /** Schools inside the period that answered a yes/no question about the environment. */
  svarande = 0;
  /** Of those, the ones that said yes. */
  ja = 0;

  @Field(() => Miljo)
  miljo: Miljo;

  @Field(() => Int, {
    nullable: true,
    description:
      'Skolor som besvarat en ja/nej-fråga om miljön (n); null när ingen skola har besvarat ' +
      'en fråga om miljön för perioden (EJ_RAPPORTERAT eller RAPPORTERAT_GROVRE_PERIOD), ' +
      'aldrig 0 i stället för "ej rapporterat".',
  })
  besvarade: number | null = null;

  @Field(() => SkyddatAntal, {
    nullable: true,
    description:
      'Skolor som uppmärksammat tecken; null när ingen skola fått frågan (inte detsamma som 0).',
  })
  skolorMedTecken: SkyddatAntal | null = null;

  @Field(() => SkyddadAndel, {
    nullable: true,
    description: 'Andel av de svarande skolorna som sett tecken; null när ingen fått frågan.',
  })
  andelMedTecken: SkyddadAndel | null = null;

  constructor(omradeId: string, period: Period, miljo: Miljo) {
    this.omradeId = omradeId;
    this.period = period;
    this.miljo = miljo;
  }
}

@ObjectType({ description: 'Utskick, svar och svarsfrekvens för en enkät.' })
export class EnkatResultat {
  @Field(() => Int, {
    nullable: true,
    description: 'Skolor som enkäten skickades till; null när det inte är känt.',
  })
  utskick!: number | null;

  @Field(() => Int, { description: 'Skolor som svarat (n).' })
  besvarade!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Svarsfrekvens mellan 0 och 1; null när antalet mottagare inte är känt.',
  })
  svarsfrekvens!: number | null;

  @Field(() => String, { description: 'Svarsfrekvensen som text, t.ex. "75 %", eller "okänd".' })
  svarsfrekvensVisning!: string;
}

@ObjectType({ description: 'Hur många som valt ett svarsalternativ.' })
export class AlternativResultat {
  @Field(() => String)
  alternativ!: string;

  @Field(() => SkyddatAntal)
  antal!: SkyddatAntal;
}

@ObjectType({ description: 'Resultatet för en fråga.' })
export class FragaResultat {
  @Field(() => Int, { description: 'Skolor som besvarat frågan (n).' })
  besvarade!: number;

  @Field(() => SkyddatAntal, { nullable: true, description: 'Antal ja (bara ja/nej-frågor).' })
  ja!: SkyddatAntal | null;

  @Field(() => SkyddadAndel, { nullable: true, description: 'Andel ja (bara ja/nej-frågor).' })
  andelJa!: SkyddadAndel | null;

  @Field(() => [AlternativResultat], { description: 'Antal per alternativ (flervalsfrågor).' })
  alternativ!: AlternativResultat[];
}
