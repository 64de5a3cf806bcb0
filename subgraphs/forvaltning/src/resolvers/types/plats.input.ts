import { IngaKontrolltecken, IngaPersonuppgifter, Textlangd } from '@lagesbild/subgraph-kit';
import { IsLatitude, IsLongitude, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

@InputType({ description: 'En ny plats i platsregistret.' })
export class RegistreraPlatsInput {
  @Field(() => String, {
    description: 'Områdets id, t.ex. "norrmalm" (utan hänsyn till skiftläge).',
  })
  // The register is förvaltning's own (its resolver answers an unknown area, empty too,
  // with the areas it knows); here only the id's length.
  @Textlangd(0, 64, 'område anges med sitt id, t.ex. "norrmalm"')
  omradeId!: string;

  @Field(() => String)
  @Textlangd(2, 200, 'namnet ska vara 2–200 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Gatuadress; platsens id räknas från den när den finns.',
  })
  @IsOptional()
  @Textlangd(2, 200, 'adressen ska vara 2–200 tecken')
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
  @Textlangd(1, 200, 'delAv ska vara 1–200 tecken')
  delAv?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Textlangd(0, 500, 'beskrivningen får vara högst 500 tecken')
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
