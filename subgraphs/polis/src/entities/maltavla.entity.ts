import { Klassning } from '@lagesbild/domain';
import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/**
 * A potential target for an attack. Stored at SKYDDAD and served only to readers cleared
 * for it (readable()); the seed holds only what the public action plan says in general terms.
 */
@ObjectType({ description: 'Potentiell måltavla för attentat (skyddad uppgift).' })
@Index({ name: 'maltavla_omrade_id_index', properties: ['omradeId'] })
@Entity({ tableName: 'maltavla' })
export class Maltavla extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  namn: string;

  @Field(() => String)
  @Property({ type: 'text' })
  beskrivning: string;

  @Property({ type: 'string', length: 200, nullable: true })
  platsId: string | null = null;

  @Field(() => Klassning)
  @Property({ type: 'string', length: 12 })
  klassning: Klassning = Klassning.SKYDDAD;

  constructor(id: string, omradeId: string, namn: string, beskrivning: string) {
    super(id);
    this.omradeId = omradeId;
    this.namn = namn;
    this.beskrivning = beskrivning;
  }
}
