import { PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Rapportor } from './klotteranmalan.entity';

/**
 * A reporter's statement "zero for this period". A statement, not an absence: the
 * picture shows it as RAPPORTERAT_NOLL, and a period with no statement and no reports as
 * EJ_RAPPORTERAT.
 */
@ObjectType({ description: 'Nollrapport: rapportören intygar att inget inkom under perioden.' })
@Index({ name: 'nollrapport_omrade_period_idx', properties: ['omradeId', 'fran', 'till'] })
@Unique({
  name: 'nollrapport_rapportor_period_unique',
  properties: ['omradeId', 'rapportor', 'period'],
})
@Entity({ tableName: 'nollrapport' })
export class Nollrapport extends PeriodEntity {
  @Field(() => Rapportor)
  @Property({ type: 'string', length: 20 })
  rapportor: Rapportor;

  @Field(() => String, { nullable: true, description: 'Rapportörens ord, t.ex. källans mening.' })
  @Property({ type: 'text', nullable: true })
  kommentar: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    rapportor: Rapportor,
  ) {
    super(id, omradeId, period);
    this.rapportor = rapportor;
  }
}
