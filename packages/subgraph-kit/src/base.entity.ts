import { PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** Every record: a string id (portable across SQLite and PostgreSQL) and its timestamps. */
@ObjectType()
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 64 })
  id: string;

  // ISO 8601 text, not a datetime column: libSQL's driver hands MikroORM a number where
  // the snapshot holds a Date, so every loaded row looked changed and was rewritten on flush.
  @Property({ type: 'string', length: 30 })
  skapad: string = new Date().toISOString();

  @Property({ type: 'string', length: 30, onUpdate: () => new Date().toISOString() })
  andrad: string = new Date().toISOString();

  constructor(id: string) {
    this.id = id;
  }
}

/**
 * A record that belongs to an area and a half-open date range [fran, till), derived from
 * its period or date; a query for period P sees the records whose range lies inside P.
 */
@ObjectType()
export abstract class PeriodEntity extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  @Field(() => String, {
    description: 'Perioden (eller dagen) som posten rapporterades för, som den skrevs.',
  })
  @Property({ type: 'string', length: 16 })
  period: string;

  @Property({ type: 'string', length: 10 })
  fran: string;

  @Property({ type: 'string', length: 10 })
  till: string;

  constructor(id: string, omradeId: string, period: { text: string; fran: string; till: string }) {
    super(id);
    this.omradeId = omradeId;
    this.period = period.text;
    this.fran = period.fran;
    this.till = period.till;
  }
}
