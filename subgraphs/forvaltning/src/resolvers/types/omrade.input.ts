import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  KantOmrade,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import { IsOptional, Matches } from 'class-validator';
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
  @Textlangd(2, 64, 'id ska vara 2–64 tecken')
  @KantOmrade()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Namnet, t.ex. "Hägersten-Älvsjö". Utelämnat: namnet ur registret över stadsdelsområden; ' +
      'angivet måste det vara samma.',
  })
  @IsOptional()
  @Textlangd(2, 200, 'namnet ska vara 2–200 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namn?: string | null;

  @Field(() => String, { defaultValue: 'Stockholm' })
  @Textlangd(2, 100, 'kommunen ska vara 2–100 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  kommun!: string;

  @Field(() => String, { description: 'Ansvarig nämnd, t.ex. "Kungsholmens stadsdelsnämnd".' })
  @Textlangd(2, 200, 'nämnden ska vara 2–200 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namnd!: string;
}
