import { type Miljo, Niva, type Period, Rapporteringsstatus } from '@lagesbild/domain';
import { AreaPeriodSection } from '@lagesbild/subgraph-kit';
import { SkyddatAntal } from '@lagesbild/subgraph-kit/federation';
import { Field, ObjectType } from 'type-graphql';

/** The police's section of the picture; its fields are resolved from the area-period. */
@ObjectType({
  description:
    'Polisens avsnitt i lägesbilden. rapporteringsstatus skiljer "ingen bedömning publicerad" ' +
    'från "publicerad, inget att rapportera" och från "bedömd bara för ett längre halvår".',
})
export class PolisLage extends AreaPeriodSection {}

const NIVA_NULL =
  'null när polisen inte har bedömt miljön för perioden ("Ej bedömd"); OKAND är en ' +
  'bedömning: polisen säger att nivån är okänd ("Okänt").';

/**
 * One environment's row from the police for an area and period. The levels and the count
 * are filled in from the period's summary; the status and the longer period are resolved
 * on demand (PolisMiljoResolver), since only they need to look beyond the period.
 */
@ObjectType({
  description:
    'Polisens nivåer för en miljö och period, från den senaste gällande bedömningen inom ' +
    'perioden, och händelserna knutna till miljön.',
})
export class PolisMiljo {
  omradeId: string;
  period: Period;
  miljo: Miljo;
  /** Current assessments of this environment inside the period. */
  bedomningar = 0;
  /** Of the levels shown, those stating an occurrence (FATAL, NAGRA, MANGA). */
  ejNoll = 0;
  /** Events of this environment inside the period (what the row's count shows). */
  handelser = 0;
  /** The row's status for the period itself (before looking for a longer period). */
  status: Rapporteringsstatus = Rapporteringsstatus.EJ_RAPPORTERAT;

  @Field(() => Niva, {
    nullable: true,
    description: `Individer ur miljön som är bosatta i området; ${NIVA_NULL}`,
  })
  bosatta: Niva | null = null;

  @Field(() => Niva, {
    nullable: true,
    description: `Individer ur miljön som är folkbokförda i området; ${NIVA_NULL}`,
  })
  folkbokforda: Niva | null = null;

  @Field(() => Niva, {
    nullable: true,
    description: `Individer som utsatts för ideologiskt motiverade brott; ${NIVA_NULL}`,
  })
  utsattaForBrott: Niva | null = null;

  @Field(() => Niva, {
    nullable: true,
    description: `Radikalisering och resor till konfliktområden; ${NIVA_NULL}`,
  })
  resor: Niva | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Halvåret som nivåerna kommer från (t.ex. 2016-H2); null utan bedömning.',
  })
  bedomningsperiod: string | null = null;

  // A count of events: only readers cleared for the police's live data reach it (see behorighet.ts).
  @Field(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal händelser i det offentliga rummet knutna till miljön under perioden; null när ' +
      'polisen inte har bedömt miljön för perioden (EJ_RAPPORTERAT eller ' +
      'RAPPORTERAT_GROVRE_PERIOD), aldrig 0 i stället för "ej rapporterat".',
  })
  handelserAntal: SkyddatAntal | null = null;

  constructor(omradeId: string, period: Period, miljo: Miljo) {
    this.omradeId = omradeId;
    this.period = period;
    this.miljo = miljo;
  }
}
