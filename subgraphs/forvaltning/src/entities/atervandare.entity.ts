import { PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** Returnees from conflict zones: counts only, never who. */
@ObjectType({ description: 'Återvändare från krigsresor: endast antal.' })
@Entity({ tableName: 'atervandare' })
export class Atervandare extends PeriodEntity {
  @Field(() => Int, { description: 'Kända återvändare bosatta i området.' })
  @Property({ type: 'integer' })
  kandaAntal: number;

  @Field(() => Int, { description: 'Insatser förvaltningen utfört för återvändare.' })
  @Property({ type: 'integer' })
  insatserAntal: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  kommentar: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    kandaAntal: number,
    insatserAntal: number,
  ) {
    super(id, omradeId, period);
    this.kandaAntal = kandaAntal;
    this.insatserAntal = insatserAntal;
  }
}
