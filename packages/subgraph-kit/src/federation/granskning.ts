/**
 * The audit log's GraphQL type, defined once: every subgraph exposes its own log under its
 * own query name, all returning this type, so `@shareable`.
 */
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Granskningstyp } from '../granskningslogg.entity';

registerEnumType(Granskningstyp, {
  name: 'Granskningstyp',
  description: 'LASNING: en läsning av en BEGRANSAD eller SKYDDAD post. SKRIVNING: en ändring.',
});

@Directive('@shareable')
@ObjectType({
  description:
    'En post i en tjänsts granskningslogg: vem som läste en klassad post eller skrev något, ' +
    'med vilka roller, i vilken operation och när. Loggen kan bara kompletteras.',
})
export class Granskningshandelse {
  @Field(() => ID, { description: 'Löpnummer i tjänstens logg; används som `after`.' })
  id!: string;

  @Field(() => String, { description: 'När, ISO 8601 (UTC).' })
  tidpunkt!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Vem: tokenets subjekt, eller för ett importkommando operativsystemets användare och dator ("os:anna@server").',
  })
  subjekt!: string | null;

  @Field(() => [String], {
    description:
      'Rollerna personen hade, eller IMPORTKOMMANDO för en import som en operatör körde.',
  })
  roller!: string[];

  @Field(() => String, {
    description:
      'GraphQL-operationens namn eller "anonym"; utanför GraphQL t.ex. "open311:POST /requests", "import:http klotter klotter" (en partners uppladdning) eller "import:kommando csv klotter" (en operatörs kommando).',
  })
  operation!: string;

  @Field(() => Granskningstyp)
  typ!: Granskningstyp;

  @Field(() => String, {
    description:
      'Vad: t.ex. "Incident:norrmalm-2016-ia-1", "registreraIncident Incident:…" eller, för en import, "Incident:… ny, fil.csv rad 2".',
  })
  vad!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Frågans request id; för ett importkommando körningens id, gemensamt för dess poster.',
  })
  requestId!: string | null;
}
