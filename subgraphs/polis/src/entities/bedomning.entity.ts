import { Miljo, Niva } from '@lagesbild/domain';
import { PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** This subgraph is the local police area's own; its unit publishes unless told otherwise. */
export const UTGIVARE_STANDARD = 'Polisens underrättelseenhet, lokalpolisområde Norrmalm';

export const NIVAER_SOM_RAPPORTERAR: readonly Niva[] = [Niva.FATAL, Niva.NAGRA, Niva.MANGA];

/**
 * The police intelligence unit's assessment of one environment in one area for one
 * half-year, in the police's own qualitative levels. Published assessments are never
 * changed: publishing again for the same area, period and environment adds a new version
 * and marks the old one `ersatt`, so what the council was once shown stays on record.
 */
@ObjectType({
  description:
    'Polisens bedömning av en miljö i ett område för ett halvår (lägesbild från underrättelseenheten).',
})
@Index({ name: 'bedomning_omrade_period_idx', properties: ['omradeId', 'fran', 'till'] })
@Unique({
  name: 'bedomning_omrade_period_miljo_version_unique',
  properties: ['omradeId', 'period', 'miljo', 'version'],
})
@Entity({ tableName: 'bedomning' })
export class Bedomning extends PeriodEntity {
  @Field(() => Miljo)
  @Property({ type: 'string', length: 20 })
  miljo: Miljo;

  // An Int, not a SkyddatAntal: a version number is structure, not a count of events.
  @Field(() => Int, { description: 'Version 1, 2, … för samma område, period och miljö.' })
  @Property({ type: 'integer' })
  version: number;

  @Field(() => Boolean, { description: 'Ersatt av en senare publicerad version.' })
  @Property({ type: 'boolean' })
  ersatt = false;

  @Field(() => String, { nullable: true, description: 'Id för versionen som ersatte denna.' })
  @Property({ type: 'string', length: 64, nullable: true })
  ersattAv: string | null = null;

  @Field(() => Niva, { description: 'Individer ur miljön som är bosatta i området.' })
  @Property({ type: 'string', length: 10 })
  bosatta: Niva = Niva.OKAND;

  @Field(() => Niva, { description: 'Individer ur miljön som är folkbokförda i området.' })
  @Property({ type: 'string', length: 10 })
  folkbokforda: Niva = Niva.OKAND;

  @Field(() => Niva, { description: 'Individer som utsatts för ideologiskt motiverade brott.' })
  @Property({ type: 'string', length: 10 })
  utsattaForBrott: Niva = Niva.OKAND;

  @Field(() => Niva, { description: 'Radikalisering och resor till konfliktområden.' })
  @Property({ type: 'string', length: 10 })
  resor: Niva = Niva.OKAND;

  @Field(() => String, { description: 'Bedömningen med polisens egna ord.' })
  @Property({ type: 'text' })
  text: string;

  @Field(() => String, {
    description:
      'När bedömningen publicerades: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM när bara månaden är känd.',
  })
  @Property({ type: 'string', length: 10 })
  publicerad: string;

  @Field(() => String, { description: 'Den organisation som publicerade bedömningen.' })
  @Property({ type: 'string', length: 200 })
  utgivare: string;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    fields: { miljo: Miljo; version: number; text: string; publicerad: string; utgivare: string },
  ) {
    super(id, omradeId, period);
    this.miljo = fields.miljo;
    this.version = fields.version;
    this.text = fields.text;
    this.publicerad = fields.publicerad;
    this.utgivare = fields.utgivare;
  }
}
