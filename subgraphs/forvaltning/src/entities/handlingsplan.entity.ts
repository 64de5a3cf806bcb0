import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AtgardStatus {
  PAGAR = 'PAGAR',
  FORSLAG = 'FORSLAG',
  AVSLUTAD = 'AVSLUTAD',
}
registerEnumType(AtgardStatus, {
  name: 'AtgardStatus',
  description: 'Pågår, Förslag eller Avslutad, som i handlingsplanens tabell.',
});

export enum Inriktning {
  FOREBYGGANDE = 'FOREBYGGANDE',
  FORHINDRANDE = 'FORHINDRANDE',
}
registerEnumType(Inriktning, {
  name: 'Inriktning',
  description:
    'FOREBYGGANDE: arbete som förebygger våldsbejakande extremism; FORHINDRANDE: arbete som ' +
    'förhindrar den (t.ex. avhopparverksamhet, anhörigstöd).',
});

@ObjectType({ description: 'Handlingsplan mot våldsbejakande extremism.' })
@Index({ name: 'handlingsplan_omrade_id_index', properties: ['omradeId'] })
@Entity({ tableName: 'handlingsplan' })
export class Handlingsplan extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  namn: string;

  @Field(() => String, { description: 'När planen fastställdes (ÅÅÅÅ-MM).' })
  @Property({ type: 'string', length: 10 })
  fastalld: string;

  @Field(() => String, { description: 'Hur planen följs upp.' })
  @Property({ type: 'string', length: 300 })
  uppfoljning: string;

  constructor(id: string, omradeId: string, namn: string, fastalld: string, uppfoljning: string) {
    super(id);
    this.omradeId = omradeId;
    this.namn = namn;
    this.fastalld = fastalld;
    this.uppfoljning = uppfoljning;
  }
}

@ObjectType({ description: 'En åtgärd i handlingsplanens tabell.' })
@Index({ name: 'atgard_handlingsplan_id_index', properties: ['handlingsplanId'] })
@Entity({ tableName: 'atgard' })
export class Atgard extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  handlingsplanId: string;

  // Row numbers (here, Delsteg.nr and delstegNr) are structure, not counts: plain Ints.
  @Field(() => Int, { description: 'Radens ordning i tabellen.' })
  @Property({ type: 'integer' })
  nr: number;

  @Field(() => String)
  @Property({ type: 'text' })
  namn: string;

  @Field(() => String)
  @Property({ type: 'text' })
  syfte: string;

  @Field(() => String)
  @Property({ type: 'text' })
  ansvarig: string;

  @Field(() => [String])
  @Property({ type: 'json' })
  andraBerorda: string[] = [];

  @Field(() => AtgardStatus)
  @Property({ type: 'string', length: 12 })
  status: AtgardStatus;

  // Served by AtgardResolver: computed from the steps' statuses when the åtgärd has steps.
  @Property({ type: 'text' })
  statusText: string;

  @Field(() => String, { nullable: true, description: 'Sista år åtgärden pågår, när det anges.' })
  @Property({ type: 'string', length: 10, nullable: true })
  giltigTom: string | null = null;

  @Field(() => Inriktning)
  @Property({ type: 'string', length: 14 })
  inriktning: Inriktning;

  constructor(
    id: string,
    handlingsplanId: string,
    fields: {
      nr: number;
      namn: string;
      syfte: string;
      ansvarig: string;
      status: AtgardStatus;
      statusText: string;
      inriktning: Inriktning;
    },
  ) {
    super(id);
    this.handlingsplanId = handlingsplanId;
    this.nr = fields.nr;
    this.namn = fields.namn;
    this.syfte = fields.syfte;
    this.ansvarig = fields.ansvarig;
    this.status = fields.status;
    this.statusText = fields.statusText;
    this.inriktning = fields.inriktning;
  }
}

@ObjectType({ description: 'Ett numrerat delsteg i en åtgärd, med egen status.' })
@Index({ name: 'delsteg_atgard_id_index', properties: ['atgardId'] })
@Entity({ tableName: 'delsteg' })
export class Delsteg extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  atgardId: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  nr: number;

  @Field(() => String)
  @Property({ type: 'text' })
  text: string;

  @Field(() => AtgardStatus)
  @Property({ type: 'string', length: 12 })
  status: AtgardStatus;

  @Field(() => String)
  @Property({ type: 'text' })
  statusText: string;

  constructor(
    id: string,
    atgardId: string,
    fields: { nr: number; text: string; status: AtgardStatus; statusText: string },
  ) {
    super(id);
    this.atgardId = atgardId;
    this.nr = fields.nr;
    this.text = fields.text;
    this.status = fields.status;
    this.statusText = fields.statusText;
  }
}

/** Every status an åtgärd or a step has had: the yearly follow-up reads what changed. */
@ObjectType({ description: 'En statusändring för en åtgärd eller ett delsteg.' })
@Index({
  name: 'atgard_statushandelse_atgard_id_tidpunkt_index',
  properties: ['atgardId', 'tidpunkt'],
})
@Entity({ tableName: 'atgard_statushandelse' })
export class AtgardStatushandelse extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  atgardId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Delstegets nummer, om ändringen gäller ett delsteg.',
  })
  @Property({ type: 'integer', nullable: true })
  delstegNr: number | null = null;

  @Field(() => AtgardStatus, { nullable: true })
  @Property({ type: 'string', length: 12, nullable: true })
  franStatus: AtgardStatus | null = null;

  @Field(() => AtgardStatus)
  @Property({ type: 'string', length: 12 })
  tillStatus: AtgardStatus;

  @Field(() => String)
  @Property({ type: 'text' })
  statusText: string;

  @Field(() => String)
  @Property({ type: 'text' })
  kommentar: string;

  @Field(() => String, { description: 'När ändringen gjordes (ISO 8601).' })
  @Property({ type: 'string', length: 30 })
  tidpunkt: string;

  @Field(() => String, { description: 'Roll som gjorde ändringen.' })
  @Property({ type: 'string', length: 60 })
  av: string;

  constructor(
    id: string,
    atgardId: string,
    fields: {
      tillStatus: AtgardStatus;
      statusText: string;
      kommentar: string;
      tidpunkt: string;
      av: string;
    },
  ) {
    super(id);
    this.atgardId = atgardId;
    this.tillStatus = fields.tillStatus;
    this.statusText = fields.statusText;
    this.kommentar = fields.kommentar;
    this.tidpunkt = fields.tidpunkt;
    this.av = fields.av;
  }
}
