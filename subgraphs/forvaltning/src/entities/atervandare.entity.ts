import { PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** Returnees from conflict zones: counts only, never who. */
@ObjectType({ description: 'Återvändare från krigsresor: endast antal.' })
@Index({ name: 'atervandare_omrade_period_idx', properties: ['omradeId', 'fran', 'till'] })
@Entity({ tableName: 'atervandare' })
export class Atervandare extends PeriodEntity {
  // Both counts are served as SkyddatAntal by AtervandareResolver (they need the viewer).
  @Property({ type: 'integer' })
  kandaAntal: number;

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
