import { BaseEntity } from '@lagesbild/subgraph-kit';
import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Huvudman {
  KOMMUNAL = 'KOMMUNAL',
  FRISTAENDE = 'FRISTAENDE',
}
registerEnumType(Huvudman, {
  name: 'Huvudman',
  description: 'Skolans huvudman: kommunal eller fristående.',
});

/**
 * A school in the district. The source document names no school, so the seed holds
 * anonymous respondents ("Respondent 1" …) with huvudman unknown; nothing here says which
 * school answered what.
 */
@ObjectType({
  description:
    'En skola i stadsdelsområdet. Källdokumentet namnger inga skolor: de inlagda ' +
    'uppgifterna är anonyma respondenter ("Respondent 1" …) utan känd huvudman.',
})
@Index({ name: 'skola_omrade_id_namn_index', properties: ['omradeId', 'namn'] })
@Entity({ tableName: 'skola' })
export class Skola extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  namn: string;

  @Field(() => Huvudman, { nullable: true, description: 'Null när huvudmannen inte är känd.' })
  @Property({ type: 'string', length: 12, nullable: true })
  huvudman: Huvudman | null = null;

  @Field(() => String, { description: 'Stadsdelsområdets id, t.ex. "norrmalm".' })
  @Property({ type: 'string', length: 64 })
  omradeId: string;

  @Field(() => Boolean, {
    description: 'Sant för en anonym respondent, vars verkliga skola inte är känd.',
  })
  @Property({ type: 'boolean' })
  anonym: boolean = false;

  constructor(id: string, namn: string, omradeId: string) {
    super(id);
    this.namn = namn;
    this.omradeId = omradeId;
  }
}
