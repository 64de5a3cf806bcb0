import { Miljo } from '@lagesbild/domain';
import { BaseEntity, PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FragaTyp {
  JA_NEJ = 'JA_NEJ',
  FLERVAL = 'FLERVAL',
  FRITEXT = 'FRITEXT',
}
registerEnumType(FragaTyp, {
  name: 'FragaTyp',
  description: 'Ja/nej-fråga, flervalsfråga (ett av alternativen) eller fritext.',
});

export enum EnkatStatus {
  OPPEN = 'OPPEN',
  STANGD = 'STANGD',
}
registerEnumType(EnkatStatus, {
  name: 'EnkatStatus',
  description: 'Öppen för svar, eller stängd: då ändras inga svar längre.',
});

/** A survey sent to the district's schools for a period. */
@ObjectType({ description: 'En enkät till skolorna i stadsdelsområdet för en period.' })
@Index({ name: 'enkat_omrade_period_idx', properties: ['omradeId', 'fran', 'till'] })
@Entity({ tableName: 'enkat' })
export class Enkat extends PeriodEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  titel: string;

  @Field(() => String, { nullable: true, description: 'Utskicksdatum (ÅÅÅÅ-MM-DD) om känt.' })
  @Property({ type: 'string', length: 10, nullable: true })
  skickad: string | null = null;

  @Field(() => String, { nullable: true, description: 'Sista svarsdag (ÅÅÅÅ-MM-DD) om känd.' })
  @Property({ type: 'string', length: 10, nullable: true })
  sistaSvarsdag: string | null = null;

  @Field(() => EnkatStatus)
  @Property({ type: 'string', length: 10 })
  status: EnkatStatus = EnkatStatus.OPPEN;

  @Field(() => String, {
    nullable: true,
    description: 'När enkäten stängdes (ISO 8601); null när den är öppen eller tiden inte är känd.',
  })
  @Property({ type: 'string', length: 30, nullable: true })
  stangd: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    titel: string,
  ) {
    super(id, omradeId, period);
    this.titel = titel;
  }

  /** Open for answers: not closed, and the last day to answer (if any) not passed. */
  tarEmotSvar(idag: string): boolean {
    return (
      this.status === EnkatStatus.OPPEN &&
      (this.sistaSvarsdag === null || idag <= this.sistaSvarsdag)
    );
  }
}

/** A school the survey was sent to. No rows for a survey: who got it is not known. */
@Unique({ name: 'enkat_mottagare_enkat_id_skola_id_unique', properties: ['enkatId', 'skolaId'] })
@Entity({ tableName: 'enkat_mottagare' })
export class EnkatMottagare extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  enkatId: string;

  @Property({ type: 'string', length: 64 })
  skolaId: string;

  constructor(id: string, enkatId: string, skolaId: string) {
    super(id);
    this.enkatId = enkatId;
    this.skolaId = skolaId;
  }
}

@ObjectType({ description: 'En fråga i en enkät.' })
@Unique({ name: 'fraga_enkat_id_nr_unique', properties: ['enkatId', 'nr'] })
@Entity({ tableName: 'fraga' })
export class Fraga extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  enkatId: string;

  @Field(() => Int, { description: 'Frågans ordning i enkäten, från 1.' })
  @Property({ type: 'integer' })
  nr: number;

  @Field(() => String)
  @Property({ type: 'text' })
  text: string;

  @Field(() => FragaTyp)
  @Property({ type: 'string', length: 10 })
  typ: FragaTyp;

  @Field(() => Miljo, {
    nullable: true,
    description: 'För en ja/nej-fråga om tecken på en miljö: vilken miljö.',
  })
  @Property({ type: 'string', length: 20, nullable: true })
  miljo: Miljo | null = null;

  @Field(() => [String], { description: 'Svarsalternativen för en flervalsfråga.' })
  @Property({ type: 'json' })
  alternativ: string[] = [];

  constructor(id: string, enkatId: string, nr: number, text: string, typ: FragaTyp) {
    super(id);
    this.enkatId = enkatId;
    this.nr = nr;
    this.text = text;
    this.typ = typ;
  }
}
