import { IngaKontrolltecken, IngaPersonuppgifter } from '@lagesbild/subgraph-kit';
import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Ett nytt stadsdelsområde (Stockholm har tretton).' })
export class RegistreraOmradeInput {
  @Field(() => String, { description: 'Id i små bokstäver utan å, ä, ö, t.ex. "kungsholmen".' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'id skrivs med a–z, 0–9 och bindestreck, t.ex. "hagersten-alvsjo"',
  })
  @Length(2, 64, { message: 'id ska vara 2–64 tecken' })
  id!: string;

  @Field(() => String)
  @Length(2, 200, { message: 'namnet ska vara 2–200 tecken' })
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namn!: string;

  @Field(() => String, { defaultValue: 'Stockholm' })
  @Length(2, 100, { message: 'kommunen ska vara 2–100 tecken' })
  kommun!: string;

  @Field(() => String, { description: 'Ansvarig nämnd, t.ex. "Kungsholmens stadsdelsnämnd".' })
  @Length(2, 200, { message: 'nämnden ska vara 2–200 tecken' })
  namnd!: string;
}
