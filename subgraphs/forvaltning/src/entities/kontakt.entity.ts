import { Klassning, Miljo } from '@lagesbild/domain';
import { Klassad, PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum KontaktKanal {
  MOTTAGNINGSTELEFON = 'MOTTAGNINGSTELEFON',
  STODTELEFON = 'STODTELEFON',
}
registerEnumType(KontaktKanal, {
  name: 'KontaktKanal',
  description:
    'MOTTAGNINGSTELEFON: vuxenenhetens mottagningsgrupp; STODTELEFON: den nationella ' +
    'samordnarens stödtelefon (drivs av Rädda Barnen).',
});

/**
 * Contacts received on a channel in a period, as a count: a call is about a concern, and
 * nothing about the caller or the person concerned is kept. A row with antal 0 is an
 * attested zero, which is not the same as no row.
 */
@ObjectType({ description: 'Inkomna kontakter (samtal) om våldsbejakande extremism, som antal.' })
@Index({ name: 'kontakt_aggregat_idx', properties: ['omradeId', 'fran', 'till', 'miljo', 'antal'] })
@Entity({ tableName: 'kontakt' })
export class Kontakt extends PeriodEntity {
  @Field(() => KontaktKanal)
  @Property({ type: 'string', length: 30 })
  kanal: KontaktKanal;

  @Field(() => Miljo, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  miljo: Miljo | null = null;

  // Served as SkyddatAntal by KontaktResolver.
  @Property({ type: 'integer' })
  antal: number;

  // Free text about a call may describe a person: only for readers cleared for BEGRANSAD.
  @Klassad(Klassning.BEGRANSAD)
  @Field(() => String, { nullable: true, description: 'Vad förvaltningen gjorde.' })
  @Property({ type: 'text', nullable: true })
  atgard: string | null = null;

  @Klassad(Klassning.BEGRANSAD)
  @Field(() => String, { nullable: true, description: 'Hur ärendet avslutades.' })
  @Property({ type: 'text', nullable: true })
  utfall: string | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    kanal: KontaktKanal,
    antal: number,
  ) {
    super(id, omradeId, period);
    this.kanal = kanal;
    this.antal = antal;
  }
}
