import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Which seed sets a database has received, so the source document loads once only. */
@Entity({ tableName: 'kit_seed_logg' })
export class SeedLogg {
  @PrimaryKey({ type: 'string', length: 100 })
  nyckel: string;

  @Property({ type: 'string', length: 30 })
  laddad: string = new Date().toISOString();

  constructor(nyckel: string) {
    this.nyckel = nyckel;
  }
}
