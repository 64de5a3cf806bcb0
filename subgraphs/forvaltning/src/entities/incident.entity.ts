import { Klassning, Miljo } from '@lagesbild/domain';
import { Klassad, PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum IncidentTyp {
  SKADEGORELSE = 'SKADEGORELSE',
  HOT = 'HOT',
  KRANKANDE_UTTALANDEN = 'KRANKANDE_UTTALANDEN',
  VALD = 'VALD',
  PROPAGANDA = 'PROPAGANDA',
  OVRIGT = 'OVRIGT',
}
registerEnumType(IncidentTyp, { name: 'IncidentTyp' });

export enum IncidentSystem {
  RISK = 'RISK',
  IA = 'IA',
}
registerEnumType(IncidentSystem, {
  name: 'IncidentSystem',
  description: 'Stadens incidentrapportering: RISK t.o.m. december 2016, därefter IA.',
});

/** An incident from the city's incident reporting: about a place and an event, not a person. */
@ObjectType({ description: 'Incident från stadens incidentrapportering (IA, tidigare RISK).' })
@Index({ name: 'incident_aggregat_idx', properties: ['omradeId', 'fran', 'till', 'miljo'] })
@Index({ name: 'incident_plats_id_index', properties: ['platsId'] })
@Entity({ tableName: 'incident' })
export class Incident extends PeriodEntity {
  @Field(() => String, { nullable: true, description: 'Datum (ÅÅÅÅ-MM-DD) om det är känt.' })
  @Property({ type: 'string', length: 10, nullable: true })
  datum: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  platsId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Platsen som den angavs i rapporten.' })
  @Property({ type: 'string', length: 300, nullable: true })
  platsText: string | null = null;

  @Field(() => Miljo)
  @Property({ type: 'string', length: 20 })
  miljo: Miljo;

  @Field(() => IncidentTyp)
  @Property({ type: 'string', length: 30 })
  typ: IncidentTyp;

  /** Free text that may describe a person: only for readers cleared for BEGRANSAD. */
  @Klassad(Klassning.BEGRANSAD)
  @Field(() => String)
  @Property({ type: 'text' })
  beskrivning: string;

  @Field(() => IncidentSystem)
  @Property({ type: 'string', length: 10 })
  system: IncidentSystem;

  @Field(() => Klassning)
  @Property({ type: 'string', length: 12 })
  klassning: Klassning = Klassning.OPPEN;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    fields: { miljo: Miljo; typ: IncidentTyp; beskrivning: string; system: IncidentSystem },
  ) {
    super(id, omradeId, period);
    this.miljo = fields.miljo;
    this.typ = fields.typ;
    this.beskrivning = fields.beskrivning;
    this.system = fields.system;
  }
}
