import { IngaKontrolltecken, IngaPersonuppgifter, KantOmrade } from '@lagesbild/subgraph-kit';
import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({
  description:
    'Ett stadsdelsområde till registret: ett av Stockholms tretton (STADSDELSOMRADEN i domänpaketet).',
})
export class RegistreraOmradeInput {
  @Field(() => String, { description: 'Id i små bokstäver utan å, ä, ö, t.ex. "kungsholmen".' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'id skrivs med a–z, 0–9 och bindestreck, t.ex. "hagersten-alvsjo"',
  })
  @Length(2, 64, { message: 'id ska vara 2–64 tecken' })
  @KantOmrade()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Namnet, t.ex. "Hägersten-Älvsjö". Utelämnat: namnet ur registret över stadsdelsområden; ' +
      'angivet måste det vara samma.',
  })
  @IsOptional()
  @Length(2, 200, { message: 'namnet ska vara 2–200 tecken' })
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namn?: string | null;

  @Field(() => String, { defaultValue: 'Stockholm' })
  @Length(2, 100, { message: 'kommunen ska vara 2–100 tecken' })
  @IngaPersonuppgifter()
  kommun!: string;

  @Field(() => String, { description: 'Ansvarig nämnd, t.ex. "Kungsholmens stadsdelsnämnd".' })
  @Length(2, 200, { message: 'nämnden ska vara 2–200 tecken' })
  @IngaPersonuppgifter()
  namnd!: string;
}
