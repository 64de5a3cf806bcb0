import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum Granskningstyp {
  LASNING = 'LASNING',
  SKRIVNING = 'SKRIVNING',
}

/**
 * One entry of the audit log (kit_granskningslogg): who read a classified record or wrote
 * something, under which roles and operation, and when. Append-only: the database refuses
 * UPDATE and DELETE (see Kit0002Granskningslogg), so entries are only ever inserted.
 */
@Index({ name: 'kit_granskningslogg_tidpunkt_idx', properties: ['tidpunkt'] })
@Entity({ tableName: 'kit_granskningslogg' })
export class GranskningsloggPost {
  // An increasing integer, not a UUID: it orders the log and is the paging cursor.
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 30 })
  tidpunkt!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  subjekt!: string | null;

  /** The viewer's roles, comma separated. */
  @Property({ type: 'string', length: 200 })
  roller!: string;

  @Property({ type: 'string', length: 200 })
  operation!: string;

  @Property({ type: 'string', length: 12 })
  typ!: Granskningstyp;

  @Property({ type: 'string', length: 500 })
  vad!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId!: string | null;
}
