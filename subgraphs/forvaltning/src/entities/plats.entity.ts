import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Directive, Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'SWEREF 99 TM (EPSG:3006), meter.' })
export class Sweref99tm {
  @Field(() => Float)
  n!: number;

  @Field(() => Float)
  e!: number;
}

@ObjectType({ description: 'WGS 84 (EPSG:4326), grader.' })
export class Wgs84 {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lon!: number;
}

@ObjectType({ description: 'En plats koordinater i två referenssystem.' })
export class Koordinater {
  @Field(() => Sweref99tm)
  sweref99tm!: Sweref99tm;

  @Field(() => Wgs84)
  wgs84!: Wgs84;

  @Field(() => String, { description: 'Varifrån koordinaterna kommer.' })
  kalla!: string;
}

/**
 * A place in the register. Its id is platsId(address or name), so every partner computes
 * the same id without asking; coordinates are stored in both systems so neither is
 * computed at read time.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Plats i förvaltningens platsregister.' })
@Index({ name: 'plats_omrade_id_index', properties: ['omradeId'] })
@Index({ name: 'plats_del_av_id_index', properties: ['delAvId'] })
@Entity({ tableName: 'plats' })
export class Plats extends BaseEntity {
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200 })
  namn: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  adress: string | null = null;

  @Property({ type: 'string', length: 64 })
  omradeId: string;

  /** The larger registered place this one is part of (a park's playground), in the same area. */
  @Property({ type: 'string', length: 64, nullable: true })
  delAvId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  beskrivning: string | null = null;

  @Property({ type: 'double', nullable: true })
  swerefN: number | null = null;

  @Property({ type: 'double', nullable: true })
  swerefE: number | null = null;

  @Property({ type: 'double', nullable: true })
  lat: number | null = null;

  @Property({ type: 'double', nullable: true })
  lon: number | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  koordinatkalla: string | null = null;

  constructor(id: string, namn: string, omradeId: string) {
    super(id);
    this.namn = namn;
    this.omradeId = omradeId;
  }
}
