import { createHash } from 'node:crypto';
import { Miljo } from '@lagesbild/domain';
import { BaseEntity, PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

export enum HandelseTyp {
  DEMONSTRATION = 'DEMONSTRATION',
  MOTDEMONSTRATION = 'MOTDEMONSTRATION',
  ORO = 'ORO',
  ATTACK = 'ATTACK',
  TERRORDAD = 'TERRORDAD',
  PATRULLERING = 'PATRULLERING',
}
registerEnumType(HandelseTyp, {
  name: 'HandelseTyp',
  description:
    'Demonstration, motdemonstration, oroligheter, attack, terrordåd eller patrullering (t.ex. medborgargarde).',
});

/**
 * An event in public space: a demonstration, a disturbance, an attack. It belongs to an
 * area and to its date, or — when the source gives no day — to the period it names.
 */
@ObjectType({ description: 'Händelse i det offentliga rummet.' })
@Index({ name: 'handelse_aggregat_idx', properties: ['omradeId', 'fran', 'till', 'miljo'] })
@Index({ name: 'handelse_gruppering_id_index', properties: ['grupperingId'] })
@Entity({ tableName: 'handelse' })
export class Handelse extends PeriodEntity {
  @Field(() => String, { nullable: true, description: 'Datum (ÅÅÅÅ-MM-DD) när dagen är känd.' })
  @Property({ type: 'string', length: 10, nullable: true })
  datum: string | null = null;

  @Field(() => HandelseTyp)
  @Property({ type: 'string', length: 20 })
  typ: HandelseTyp;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  rubrik: string;

  @Field(() => String)
  @Property({ type: 'text' })
  beskrivning: string;

  @Field(() => Miljo, {
    description: 'OSPECIFICERAD när källan inte knyter händelsen till en miljö.',
  })
  @Property({ type: 'string', length: 20 })
  miljo: Miljo;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Om våld förekom; null när det inte är känt.',
  })
  @Property({ type: 'boolean', nullable: true })
  vald: boolean | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  grupperingId: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Platsen med källans ord, när den inte är en plats i registret (eller som komplement).',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  platsbeskrivning: string | null = null;

  @Field(() => Float, { nullable: true, description: 'WGS 84, från polisens händelseflöde.' })
  @Property({ type: 'double', nullable: true })
  lat: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  lon: number | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Id i polisens öppna händelseflöde för importerade händelser (unikt).',
  })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  kallaId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Länk till händelsen i källan.' })
  @Property({ type: 'string', length: 500, nullable: true })
  kallaUrl: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    fields: { typ: HandelseTyp; rubrik: string; beskrivning: string; miljo: Miljo },
  ) {
    super(id, omradeId, period);
    this.typ = fields.typ;
    this.rubrik = fields.rubrik;
    this.beskrivning = fields.beskrivning;
    this.miljo = fields.miljo;
  }
}

/** An event's place: events and places are many-to-many (an attack around two squares). */
@Index({ name: 'handelse_plats_plats_id_index', properties: ['platsId'] })
@Unique({ name: 'handelse_plats_unique', properties: ['handelseId', 'platsId'] })
@Entity({ tableName: 'handelse_plats' })
export class HandelsePlats extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  handelseId: string;

  @Property({ type: 'string', length: 200 })
  platsId: string;

  constructor(handelseId: string, platsId: string) {
    // Deterministic, so the pair can be written once and found again; hashed to fit the id column.
    super(createHash('sha1').update(`${handelseId}\n${platsId}`).digest('hex'));
    this.handelseId = handelseId;
    this.platsId = platsId;
  }
}
