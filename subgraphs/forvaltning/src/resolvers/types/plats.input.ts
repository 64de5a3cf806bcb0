import { IngaKontrolltecken, IngaPersonuppgifter } from '@lagesbild/subgraph-kit';
import { IsLatitude, IsLongitude, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'En ny plats i platsregistret.' })
export class RegistreraPlatsInput {
  @Field(() => String, {
    description: 'Områdets id, t.ex. "norrmalm" (utan hänsyn till skiftläge).',
  })
  @Length(1, 64, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  omradeId!: string;

  @Field(() => String)
  @Length(2, 200, { message: 'namnet ska vara 2–200 tecken' })
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Gatuadress; platsens id räknas från den när den finns.',
  })
  @IsOptional()
  @Length(2, 200, { message: 'adressen ska vara 2–200 tecken' })
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  adress?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Id (eller namn/adress) för en registrerad plats i samma område som den nya platsen är en ' +
      'del av, t.ex. "observatorielunden" för en parklek i parken.',
  })
  @IsOptional()
  @Length(1, 200, { message: 'delAv ska vara 1–200 tecken' })
  delAv?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500, { message: 'beskrivningen får vara högst 500 tecken' })
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  beskrivning?: string | null;

  @Field(() => Float, { nullable: true, description: 'Latitud i WGS 84.' })
  @IsOptional()
  @IsLatitude({ message: 'latitud ska vara ett tal mellan -90 och 90' })
  @Min(55, { message: 'latitud ska ligga i Sverige (55–70)' })
  @Max(70, { message: 'latitud ska ligga i Sverige (55–70)' })
  lat?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitud i WGS 84.' })
  @IsOptional()
  @IsLongitude({ message: 'longitud ska vara ett tal mellan -180 och 180' })
  @Min(10, { message: 'longitud ska ligga i Sverige (10–25)' })
  @Max(25, { message: 'longitud ska ligga i Sverige (10–25)' })
  lon?: number | null;
}
