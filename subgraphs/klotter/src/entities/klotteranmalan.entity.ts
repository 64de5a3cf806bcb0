import { Klassning, Miljo } from '@lagesbild/domain';
import { Klassad, PeriodEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * The classification of a report's free-text notes (`anteckningar`), on every channel:
 * GraphQL's field and Open311's `status_notes`.
 */
export const ANTECKNINGAR_KLASSNING = Klassning.BEGRANSAD;

/** The three partners that report graffiti in the district. */
export enum Rapportor {
  TRAFIKKONTORET = 'TRAFIKKONTORET',
  SISAB = 'SISAB',
  MTR = 'MTR',
}
registerEnumType(Rapportor, {
  name: 'Rapportor',
  description:
    'Trafikkontoret (offentlig miljö), SISAB (skolbyggnader), MTR (tunnelbana, pendeltåg).',
});

/** Display order, so every list of reporters reads alike. */
export const RAPPORTORER: readonly Rapportor[] = Object.freeze([
  Rapportor.TRAFIKKONTORET,
  Rapportor.SISAB,
  Rapportor.MTR,
]);

export const RAPPORTOR_NAMN: Record<Rapportor, string> = {
  [Rapportor.TRAFIKKONTORET]: 'Trafikkontoret',
  [Rapportor.SISAB]: 'SISAB',
  [Rapportor.MTR]: 'MTR',
};

/**
 * What the graffiti is, as the city's policy groups acute graffiti ("rasistiskt, stötande
 * eller på annat sätt obscent"). The source document's own headings are "Vitmakt"
 * (→ RASISTISKT, miljö VIT_MAKT) and "Odefinierat innehåll/stötande" (→ STOTANDE).
 */
export enum Kategori {
  RASISTISKT = 'RASISTISKT',
  STOTANDE = 'STOTANDE',
  ODEFINIERAT = 'ODEFINIERAT',
}
registerEnumType(Kategori, {
  name: 'Kategori',
  description: 'Rasistiskt, stötande, eller odefinierat innehåll.',
});

export const KATEGORIER: readonly Kategori[] = Object.freeze([
  Kategori.RASISTISKT,
  Kategori.STOTANDE,
  Kategori.ODEFINIERAT,
]);

/** The latest step known for a report, derived from its times when they are written. */
export enum KlotterStatus {
  ANMALD = 'ANMALD',
  AVROPAD = 'AVROPAD',
  PA_PLATS = 'PA_PLATS',
  SANERAD = 'SANERAD',
}
registerEnumType(KlotterStatus, {
  name: 'KlotterStatus',
  description: 'Senast kända steg: anmäld, avropad, entreprenören på plats, sanerad.',
});

/** An SLA outcome; a report with a missing time is OKANT, neither met nor missed. */
export enum SlaUtfall {
  UPPFYLLT = 'UPPFYLLT',
  EJ_UPPFYLLT = 'EJ_UPPFYLLT',
  OKANT = 'OKANT',
}
registerEnumType(SlaUtfall, { name: 'SlaUtfall', description: 'Uppfyllt, ej uppfyllt, okänt.' });

/**
 * A graffiti report. Times are stored as UTC ISO text (comparable as strings; the kit
 * explains why not datetime columns) and shown in Stockholm time with offset. The SLA
 * outcomes are properties of the report, computed whenever its times are written
 * (see sla.ts), so compliance is a GROUP BY and never a loop over the table.
 */
@ObjectType({ description: 'Klotteranmälan från trafikkontoret, SISAB eller MTR.' })
@Index({ name: 'klotteranmalan_omrade_period_idx', properties: ['omradeId', 'fran', 'till'] })
@Index({ name: 'klotteranmalan_plats_id_index', properties: ['platsId'] })
@Index({ name: 'klotteranmalan_anmald_tid_index', properties: ['anmaldTid'] })
@Unique({ name: 'klotteranmalan_rapportor_id_unique', properties: ['rapportor', 'rapportorensId'] })
@Index({
  name: 'klotteranmalan_aggregat_idx',
  properties: [
    'omradeId',
    'fran',
    'till',
    'rapportor',
    'kategori',
    'miljo',
    'slaSanering',
    'slaPaPlats',
  ],
})
@Index({ name: 'klotteranmalan_sida_idx', properties: ['omradeId', 'fran', 'id'] })
@Index({ name: 'klotteranmalan_miljo_idx', properties: ['omradeId', 'miljo', 'fran', 'id'] })
@Entity({ tableName: 'klotteranmalan' })
export class Klotteranmalan extends PeriodEntity {
  @Field(() => Rapportor)
  @Property({ type: 'string', length: 20 })
  rapportor: Rapportor;

  @Field(() => String, {
    nullable: true,
    description:
      'Rapportörens eget id (unikt per rapportör): samma anmälan skickad igen blir aldrig en dubblett.',
  })
  @Property({ type: 'string', length: 100, nullable: true })
  rapportorensId: string | null = null;

  @Field(() => Kategori)
  @Property({ type: 'string', length: 20 })
  kategori: Kategori;

  @Field(() => Miljo)
  @Property({ type: 'string', length: 20 })
  miljo: Miljo;

  @Field(() => String, { description: 'Texten eller symbolen, som den återgavs.' })
  @Property({ type: 'text' })
  innehall: string;

  @Field(() => String, { nullable: true, description: 'Anmälan som den står i källan.' })
  @Property({ type: 'text', nullable: true })
  beskrivning: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  platsId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Platsen som rapportören skrev den.' })
  @Property({ type: 'string', length: 300, nullable: true })
  platsText: string | null = null;

  /** WGS 84 as an Open311 client sent it; kept for the round trip. */
  @Property({ type: 'double', nullable: true })
  lat: number | null = null;

  @Property({ type: 'double', nullable: true })
  lon: number | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  anmaldTid: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  avropTid: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  paPlatsTid: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  borttagenTid: string | null = null;

  /** Open311's updated_datetime as the reporter's system last sent it. */
  @Property({ type: 'string', length: 30, nullable: true })
  uppdateradTid: string | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Om polisanmälan gjorts; null när det inte är känt.',
  })
  @Property({ type: 'boolean', nullable: true })
  polisanmald: boolean | null = null;

  @Field(() => KlotterStatus)
  @Property({ type: 'string', length: 12 })
  status: KlotterStatus = KlotterStatus.ANMALD;

  /** The reporter's free-text notes may describe a person: only for BEGRANSAD readers. */
  @Klassad(ANTECKNINGAR_KLASSNING)
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  anteckningar: string | null = null;

  @Field(() => SlaUtfall, { description: 'Sanerat inom 24 timmar från anmälan.' })
  @Property({ type: 'string', length: 12 })
  slaSanering: SlaUtfall = SlaUtfall.OKANT;

  // SLA minutes stay Ints: a duration of one report, not a count of anything.
  @Field(() => Int, { nullable: true, description: 'Minuter från anmälan till sanering.' })
  @Property({ type: 'integer', nullable: true })
  saneringMinuter: number | null = null;

  @Field(() => SlaUtfall, {
    description: 'Entreprenören på plats inom tre arbetstimmar (vardagar 07–16) efter avrop.',
  })
  @Property({ type: 'string', length: 12 })
  slaPaPlats: SlaUtfall = SlaUtfall.OKANT;

  @Field(() => Int, { nullable: true, description: 'Arbetsminuter från avrop till på plats.' })
  @Property({ type: 'integer', nullable: true })
  paPlatsArbetsminuter: number | null = null;

  constructor(
    id: string,
    omradeId: string,
    period: { text: string; fran: string; till: string },
    fields: { rapportor: Rapportor; kategori: Kategori; miljo: Miljo; innehall: string },
  ) {
    super(id, omradeId, period);
    this.rapportor = fields.rapportor;
    this.kategori = fields.kategori;
    this.miljo = fields.miljo;
    this.innehall = fields.innehall;
  }
}
