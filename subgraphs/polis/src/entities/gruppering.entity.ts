import { Miljo } from '@lagesbild/domain';
import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** A group or organisation the police follow in an area: an organisation, never a person. */
@ObjectType({ description: 'Gruppering eller organisation som polisen följer i området.' })
@Index({ name: 'gruppering_omrade_id_index', properties: ['omradeId'] })
@Entity({ tableName: 'gruppering' })
export class Gruppering extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  namn: string;

  @Field(() => Miljo, {
    description: 'Miljön; ANTIDEMOKRATISK för grupper som inte räknas som våldsbejakande.',
  })
  @Property({ type: 'string', length: 20 })
  miljo: Miljo;

  @Field(() => Boolean, { description: 'Om gruppen räknas som våldsbejakande extremism.' })
  @Property({ type: 'boolean' })
  valdsbejakande: boolean;

  @Field(() => String)
  @Property({ type: 'text' })
  beskrivning: string;

  /** Where the group is active, as platsId()s; resolved as Plats through the federation. */
  @Property({ type: 'json' })
  platsIds: string[] = [];

  @Field(() => String, {
    nullable: true,
    description: 'Var gruppen är verksam, med källans ord.',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  verksamhetsomrade: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    fields: { namn: string; miljo: Miljo; valdsbejakande: boolean; beskrivning: string },
  ) {
    super(id);
    this.omradeId = omradeId;
    this.namn = fields.namn;
    this.miljo = fields.miljo;
    this.valdsbejakande = fields.valdsbejakande;
    this.beskrivning = fields.beskrivning;
  }
}
