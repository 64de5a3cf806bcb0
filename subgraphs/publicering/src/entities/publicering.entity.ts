import type { PubliceratInnehall, Underlag } from '@lagesbild/publicering';
import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PubliceringStatus {
  UTKAST = 'UTKAST',
  FASTSTALLD = 'FASTSTALLD',
  ERSATT = 'ERSATT',
}
registerEnumType(PubliceringStatus, {
  name: 'PubliceringStatus',
  description: 'Var en version av den publicerade lägesbilden står.',
  valuesConfig: {
    UTKAST: {
      description:
        'Samordnaren har tagit fram utkastet ur den levande lägesbilden; parterna bekräftar sina avsnitt.',
    },
    FASTSTALLD: { description: 'Fastställd av rådet på ett möte; ändras aldrig.' },
    ERSATT: {
      description: 'Fastställd men ersatt av en rättad version (ersattAv); läses fortfarande.',
    },
  },
});

export enum Undertryckning {
  PRIMAR = 'PRIMAR',
  SEKUNDAR = 'SEKUNDAR',
}
registerEnumType(Undertryckning, {
  name: 'Undertryckning',
  description: 'Vad den fastställda versionen döljer för läsare utan behörighet, och varför.',
  valuesConfig: {
    PRIMAR: { description: 'Ett litet antal (1 till tröskeln): "fåtal".' },
    SEKUNDAR: {
      description:
        'Dolt för att ett "fåtal" inte ska kunna räknas fram ur summor och andra publiceringar: "ej redovisad".',
    },
  },
});

/**
 * One version of the publication of an area and period. A draft captures the live picture
 * (`underlag`, unsuppressed); adoption adds the suppressed content (`publicerat`) and its
 * hash, after which the row never changes — but for being marked ERSATT when a correction
 * is adopted (the code asks for nothing else, and database triggers refuse it).
 */
@Directive('@key(fields: "id")')
@ObjectType('Publicering', {
  description:
    'En version av den lägesbild som rådet fastställer för ett område och en period (år eller ' +
    'halvår): utkast, fastställd eller ersatt av en rättelse. Id:t är ' +
    '"<område>-<period>-v<version>", t.ex. "norrmalm-2016-H2-v1".',
})
@Unique({
  name: 'publicering_omrade_period_version_unique',
  properties: ['omradeId', 'period', 'version'],
})
@Index({ name: 'publicering_omrade_status_idx', properties: ['omradeId', 'status'] })
// Partial: one draft per area and period (Migration0001Publicering); MikroORM compares
// an index given as SQL by its name only.
@Index({
  name: 'publicering_en_utkast',
  expression:
    "create unique index publicering_en_utkast on publicering (omrade_id, period) where status = 'UTKAST'",
})
@Entity({ tableName: 'publicering' })
export class Publicering extends BaseEntity {
  /** "<område>-<period>-v<version>": longer than BaseEntity's 64, as the migration says. */
  @PrimaryKey({ type: 'string', length: 120 })
  override id!: string;

  @Field(() => String, { description: 'Områdets id, t.ex. "norrmalm".' })
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  /** The period as text ("2016-H2"); served as the Period scalar by a field resolver. */
  @Property({ type: 'string', length: 16 })
  period: string;

  @Field(() => Int, {
    description: 'Versionens nummer för området och perioden, från 1; en rättelse får nästa.',
  })
  @Property({ type: 'integer' })
  version: number;

  @Field(() => PubliceringStatus)
  @Property({ type: 'string', length: 12 })
  status: PubliceringStatus = PubliceringStatus.UTKAST;

  /** The role that made the draft (SAMORDNARE); who exactly is in the audit log. */
  @Property({ type: 'string', length: 40 })
  skapadAv: string;

  @Field(() => String, {
    nullable: true,
    description: 'Mötesdatumet då rådet fastställde versionen (ÅÅÅÅ-MM-DD); null för ett utkast.',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  faststalld: string | null = null;

  /**
   * When the adoption was recorded (ISO 8601): the order versions were adopted in, which the
   * meeting date (`faststalld`, given by the council) need not be.
   */
  @Property({ type: 'string', length: 30, nullable: true })
  faststalldTid: string | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Mötet där versionen fastställdes, t.ex. "Trygghets- och säkerhetsrådets möte 14 december 2016".',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  mote: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Varför versionen rättar den föregående (version 2 och senare).',
  })
  @Property({ type: 'text', nullable: true })
  rattelseOrsak: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  foregaendeId: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  ersattAvId: string | null = null;

  @Field(() => Int, {
    description:
      'Röjandetröskeln: antal från 1 till tröskeln visas som "fåtal" för läsare utan behörighet.',
  })
  @Property({ type: 'integer' })
  troskel: number;

  /** The live picture as captured for the draft, every number: never shown uncleared. */
  @Property({ type: 'json' })
  underlag: Underlag;

  /** The content after disclosure control, set at adoption: what the export carries. */
  @Property({ type: 'json', nullable: true })
  publicerat: PubliceratInnehall | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'sha256 (hex) av den kanoniska JSON-exporten; null för ett utkast. Samma som export.hash.',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  hash: string | null = null;

  constructor(
    fields: Pick<
      Publicering,
      'omradeId' | 'period' | 'version' | 'skapadAv' | 'troskel' | 'underlag'
    >,
  ) {
    super(publiceringId(fields.omradeId, fields.period, fields.version));
    this.omradeId = fields.omradeId;
    this.period = fields.period;
    this.version = fields.version;
    this.skapadAv = fields.skapadAv;
    this.troskel = fields.troskel;
    this.underlag = fields.underlag;
  }
}

/** "norrmalm-2016-H2-v1": readable, and stable for the seed's adopted version. */
export function publiceringId(omradeId: string, period: string, version: number): string {
  return `${omradeId}-${period}-v${version}`;
}
