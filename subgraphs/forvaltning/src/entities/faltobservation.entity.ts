import { Miljo } from '@lagesbild/domain';
import { PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ObservationTyp {
  PROPAGANDA = 'PROPAGANDA',
  TECKEN_HOS_UNGA = 'TECKEN_HOS_UNGA',
  OVRIGT = 'OVRIGT',
}
registerEnumType(ObservationTyp, {
  name: 'ObservationTyp',
  description:
    'PROPAGANDA: klistermärken, flygblad, affischering; TECKEN_HOS_UNGA: tecken på ' +
    'aktiviteter eller misstankar om våldsbejakande extremism hos unga.',
});

/** What the field and leisure unit noticed in public space. */
@ObjectType({ description: 'Iakttagelse av fält- och fritidsverksamheten.' })
@Index({
  name: 'faltobservation_aggregat_idx',
  properties: ['omradeId', 'fran', 'till', 'miljo', 'antal'],
})
@Entity({ tableName: 'faltobservation' })
export class Faltobservation extends PeriodEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  enhet: string;

  @Field(() => ObservationTyp)
  @Property({ type: 'string', length: 30 })
  typ: ObservationTyp;

  @Field(() => Miljo, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  miljo: Miljo | null = null;

  // Served as SkyddatAntal by FaltobservationResolver.
  @Property({ type: 'integer', nullable: true })
  antal: number | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  beskrivning: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  platsId: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    fields: { enhet: string; typ: ObservationTyp; beskrivning: string },
  ) {
    super(id, omradeId, period);
    this.enhet = fields.enhet;
    this.typ = fields.typ;
    this.beskrivning = fields.beskrivning;
  }
}
