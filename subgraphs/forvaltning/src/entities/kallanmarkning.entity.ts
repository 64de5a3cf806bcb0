import { PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * Where the source document contradicts itself or is silent, the record says so instead of
 * the system silently choosing (the IA section says three incidents, its heading four).
 */
@ObjectType({ description: 'Anmärkning om källan: en motsägelse eller lucka som hålls synlig.' })
@Index({ name: 'kallanmarkning_omrade_period_idx', properties: ['omradeId', 'fran', 'till'] })
@Entity({ tableName: 'kallanmarkning' })
export class Kallanmarkning extends PeriodEntity {
  @Field(() => String, { description: 'Avsnittet i källdokumentet.' })
  @Property({ type: 'string', length: 200 })
  avsnitt: string;

  @Field(() => String)
  @Property({ type: 'text' })
  text: string;

  // angivetAntal and listatAntal stay Ints, not SkyddatAntal: they quote what the
  // published source document itself says and lists (a note on the document's wording,
  // such as "three" beside two listed), not a count this subgraph aggregates from records.
  @Field(() => Int, {
    nullable: true,
    description: 'Antal som källan anger, om det gäller ett antal.',
  })
  @Property({ type: 'integer', nullable: true })
  angivetAntal: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Antal som källan faktiskt listar.' })
  @Property({ type: 'integer', nullable: true })
  listatAntal: number | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    avsnitt: string,
    text: string,
  ) {
    super(id, omradeId, period);
    this.avsnitt = avsnitt;
    this.text = text;
  }
}
