import { Miljo, type Period, PeriodScalar, Rapporteringsstatus } from '@lagesbild/domain';
import { AreaPeriodSection } from '@lagesbild/subgraph-kit';
import { SkyddadAndel, SkyddatAntal } from '@lagesbild/subgraph-kit/federation';
import { Field, Int, ObjectType } from 'type-graphql';
import { Kategori, Klotteranmalan, Rapportor } from '../entities';

/** Klotter's section of the picture; its fields are resolved from the area-period. */
@ObjectType({ description: 'Klotter: anmälningar, sanering inom 24 timmar, nollrapporter.' })
export class KlotterLage extends AreaPeriodSection {}

/** Klotter's figure in one environment's row of the picture. */
@ObjectType({ description: 'Klotteranmälningar i en miljö för perioden.' })
export class KlotterMiljo {
  omradeId: string;
  period: Period;
  miljo: Miljo;

  constructor(omradeId: string, period: Period, miljo: Miljo) {
    this.omradeId = omradeId;
    this.period = period;
    this.miljo = miljo;
  }
}

/**
 * Each outcome is a count of reports, shown like the group's antal to readers cleared for
 * klotter's live data only. `kanda` and `totalt` are the share's denominator and all
 * reports, so a sentence can say "1 av 5 med känd tid" (see tal.ts).
 */
@ObjectType({
  description:
    'Utfall av ett SLA: uppfyllt, ej uppfyllt, okänt (tid saknas), och vad andelen räknas av: ' +
    'anmälningar med känt utfall (kanda) av alla (totalt).',
})
export class SlaSummering {
  @Field(() => SkyddatAntal, { description: 'Anmälningar där tiden hölls.' })
  uppfyllt!: SkyddatAntal;

  @Field(() => SkyddatAntal, { description: 'Anmälningar där tiden inte hölls.' })
  ejUppfyllt!: SkyddatAntal;

  @Field(() => SkyddatAntal, {
    description: 'Anmälningar där en tid saknas: varken uppfyllt eller inte.',
  })
  okant!: SkyddatAntal;

  @Field(() => SkyddatAntal, {
    description:
      'Anmälningar med känt utfall (uppfyllt + ej uppfyllt): nämnaren i andelUppfyllt, ' +
      'som i "1 av 5 med känd tid".',
  })
  kanda!: SkyddatAntal;

  @Field(() => SkyddatAntal, {
    description: 'Alla anmälningar som summeringen gäller (kanda + okant); samma som deras antal.',
  })
  totalt!: SkyddatAntal;

  @Field(() => SkyddadAndel, {
    description:
      'Andel uppfyllda av de kända (0–1); andel null när inget utfall är känt (visning "–").',
  })
  andelUppfyllt!: SkyddadAndel;
}

@ObjectType({ description: 'Antal och SLA för en rapportör och kategori under perioden.' })
export class KlotterGrupp {
  @Field(() => Rapportor)
  rapportor!: Rapportor;

  @Field(() => Kategori)
  kategori!: Kategori;

  @Field(() => SkyddatAntal)
  antal!: SkyddatAntal;

  @Field(() => SlaSummering, { description: 'Sanerat inom 24 timmar från anmälan.' })
  sanering!: SlaSummering;

  @Field(() => SlaSummering, { description: 'På plats inom tre arbetstimmar efter avrop.' })
  paPlats!: SlaSummering;
}

@ObjectType({
  description:
    'En rapportörs rapportering för perioden: antal, noll, för en längre period, eller ingen.',
})
export class KlotterRapportorLage {
  @Field(() => Rapportor)
  rapportor!: Rapportor;

  @Field(() => String)
  namn!: string;

  @Field(() => Rapporteringsstatus, {
    description:
      'Rapporterat (någon anmälan), rapporterat noll (intygad nolla), rapporterat bara för en ' +
      'längre period som innehåller perioden (grovrePeriod), eller inte alls.',
  })
  rapporteringsstatus!: Rapporteringsstatus;

  @Field(() => SkyddatAntal, {
    nullable: true,
    description:
      'Antal anmälningar; 0 vid intygad nolla, null när rapportören inte rapporterat för ' +
      'perioden (inte heller när den bara rapporterat för en längre period).',
  })
  antal!: SkyddatAntal | null;

  @Field(() => PeriodScalar, {
    nullable: true,
    description:
      'Den kortaste längre period som innehåller perioden och som rapportören har rapporterat ' +
      'för (anmälningar eller nollrapport), t.ex. "2016" för 2016-H2; null när ingen finns.',
  })
  grovrePeriod!: Period | null;
}

@ObjectType({ description: 'En sida klotteranmälningar (sorterade på period och id).' })
export class KlotteranmalanSida {
  @Field(() => [Klotteranmalan])
  anmalningar!: Klotteranmalan[];

  // Left an Int: it counts the reports this very page lets the reader walk through one by
  // one (each shown by its own classification), so suppressing the total would hide nothing.
  @Field(() => Int, { description: 'Antal anmälningar som matchar, alla sidor.' })
  totalt!: number;

  @Field(() => Boolean)
  finnsFler!: boolean;

  @Field(() => String, { nullable: true, description: 'Ange som `efter` för nästa sida.' })
  nastaMarkor!: string | null;
}
