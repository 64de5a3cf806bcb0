import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A partner's confirmation of its section of a draft: which role confirmed, when, and its
 * comment. One per publication and partner; who exactly is in the audit log.
 */
@Unique({
  name: 'bekraftelse_publicering_partner_unique',
  properties: ['publiceringId', 'partner'],
})
@Entity({ tableName: 'bekraftelse' })
export class Bekraftelse extends BaseEntity {
  /** "<publication's id>-<partner>": longer than BaseEntity's 64, as the migration says. */
  @PrimaryKey({ type: 'string', length: 140 })
  override id!: string;

  @Property({ type: 'string', length: 120 })
  publiceringId: string;

  @Property({ type: 'string', length: 20 })
  partner: string;

  @Property({ type: 'string', length: 40 })
  roll: string;

  /** ISO timestamp; null where the source does not say when (the seed's 2016 confirmations). */
  @Property({ type: 'string', length: 30, nullable: true })
  tid: string | null = null;

  @Property({ type: 'text', nullable: true })
  kommentar: string | null = null;

  constructor(publiceringId: string, partner: string, roll: string) {
    super(`${publiceringId}-${partner}`);
    this.publiceringId = publiceringId;
    this.partner = partner;
    this.roll = roll;
  }
}
