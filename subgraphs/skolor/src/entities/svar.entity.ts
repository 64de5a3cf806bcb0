import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/**
 * One school's answers to one survey: one set per school and survey (a unique index on
 * the pair). A new submission while the survey is open replaces the answers and the time.
 */
@ObjectType({ description: 'En skolas svar på en enkät (ett svar per skola och enkät).' })
@Unique({ name: 'svarsuppsattning_enkat_id_skola_id_unique', properties: ['enkatId', 'skolaId'] })
@Entity({ tableName: 'svarsuppsattning' })
export class Svarsuppsattning extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  enkatId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  skolaId: string;

  @Field(() => String, {
    nullable: true,
    description: 'När svaren lämnades (ISO 8601); null när det inte är känt.',
  })
  @Property({ type: 'string', length: 30, nullable: true })
  inskickad: string | null = null;

  constructor(id: string, enkatId: string, skolaId: string) {
    super(id);
    this.enkatId = enkatId;
    this.skolaId = skolaId;
  }
}

/** The answer to one question; the columns used depend on the question's type. */
@ObjectType({ description: 'Svaret på en fråga.' })
@Unique({ name: 'svar_fraga_id_skola_id_unique', properties: ['fragaId', 'skolaId'] })
@Index({ name: 'svar_enkat_id_skola_id_index', properties: ['enkatId', 'skolaId'] })
@Index({ name: 'svar_svarsuppsattning_id_index', properties: ['svarsuppsattningId'] })
@Entity({ tableName: 'svar' })
export class Svar extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  svarsuppsattningId: string;

  /** Denormalised from the answer set, so aggregates join one table less. */
  @Property({ type: 'string', length: 64 })
  enkatId: string;

  @Property({ type: 'string', length: 64 })
  skolaId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  fragaId: string;

  @Field(() => Boolean, { nullable: true, description: 'Svaret på en ja/nej-fråga.' })
  @Property({ type: 'boolean', nullable: true })
  ja: boolean | null = null;

  @Field(() => String, { nullable: true, description: 'Det valda alternativet (flerval).' })
  @Property({ type: 'string', length: 200, nullable: true })
  alternativ: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Fritext: svaret på en fritextfråga, eller vad skolan iakttagit vid ett ja.',
  })
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  constructor(id: string, uppsattning: Svarsuppsattning, fragaId: string) {
    super(id);
    this.svarsuppsattningId = uppsattning.id;
    this.enkatId = uppsattning.enkatId;
    this.skolaId = uppsattning.skolaId;
    this.fragaId = fragaId;
  }
}
