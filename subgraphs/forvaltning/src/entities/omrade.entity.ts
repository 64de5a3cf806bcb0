import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A district area (stadsdelsområde); förvaltning owns the list, every partner extends it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Stadsdelsområde.' })
@Entity({ tableName: 'omrade' })
export class Omrade extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  namn: string;

  @Field(() => String, { description: 'Kommun, t.ex. Stockholm.' })
  @Property({ type: 'string', length: 100 })
  kommun: string;

  @Field(() => String, { description: 'Ansvarig nämnd.' })
  @Property({ type: 'string', length: 200 })
  namnd: string;

  constructor(id: string, namn: string, kommun: string, namnd: string) {
    super(id);
    this.namn = namn;
    this.kommun = kommun;
    this.namnd = namnd;
  }
}
