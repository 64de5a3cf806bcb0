import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** A standing collaboration forum; participants are organisations, never people. */
@ObjectType({ description: 'Samverkansforum.' })
@Index({ name: 'samverkansforum_omrade_id_index', properties: ['omradeId'] })
@Entity({ tableName: 'samverkansforum' })
export class Samverkansforum extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  namn: string;

  @Field(() => String, {
    nullable: true,
    description: 'Hur ofta forumet möts; null när källan inte säger det.',
  })
  @Property({ type: 'string', length: 100, nullable: true })
  frekvens: string | null = null;

  @Field(() => [String], { description: 'Deltagande organisationer och verksamheter.' })
  @Property({ type: 'json' })
  deltagare: string[] = [];

  @Field(() => String)
  @Property({ type: 'text' })
  syfte: string;

  @Field(() => String, { nullable: true, description: 'Sedan när (ÅÅÅÅ-MM), om känt.' })
  @Property({ type: 'string', length: 10, nullable: true })
  sedan: string | null = null;

  constructor(id: string, omradeId: string, namn: string, syfte: string) {
    super(id);
    this.omradeId = omradeId;
    this.namn = namn;
    this.syfte = syfte;
  }
}
