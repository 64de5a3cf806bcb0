import { Niva, Rapporteringsstatus } from '@lagesbild/domain';
import { AreaPeriodSection } from '@lagesbild/subgraph-kit';
import { SkyddatAntal } from '@lagesbild/subgraph-kit/federation';
import { Field, ObjectType } from 'type-graphql';

/** The police's section of the picture; its fields are resolved from the area-period. */
@ObjectType({
  description:
    'Polisens avsnitt i lägesbilden. rapporteringsstatus skiljer "ingen bedömning publicerad" ' +
    'från "publicerad, inget att rapportera".',
})
export class PolisLage extends AreaPeriodSection {}

@ObjectType({
  description:
    'Polisens nivåer för en miljö och period, från den senaste gällande bedömningen inom perioden; ' +
    'OKAND när polisen inte har bedömt miljön.',
})
export class PolisMiljo {
  @Field(() => Rapporteringsstatus, {
    description: 'EJ_RAPPORTERAT när polisen inte har bedömt miljön för perioden.',
  })
  rapporteringsstatus!: Rapporteringsstatus;

  @Field(() => Niva)
  bosatta!: Niva;

  @Field(() => Niva)
  folkbokforda!: Niva;

  @Field(() => Niva)
  utsattaForBrott!: Niva;

  @Field(() => Niva)
  resor!: Niva;

  @Field(() => String, {
    nullable: true,
    description: 'Halvåret som nivåerna kommer från (t.ex. 2016-H2); null utan bedömning.',
  })
  bedomningsperiod!: string | null;

  // A count of events: under disclosure control (see behorighet.ts).
  @Field(() => SkyddatAntal, {
    description: 'Händelser i det offentliga rummet knutna till miljön.',
  })
  handelser!: SkyddatAntal;
}
