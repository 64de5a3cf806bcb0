import { Klassning, Miljo, type Period, PeriodScalar } from '@lagesbild/domain';
import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  IsoDatum,
  PeriodHarBorjat,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import { IsEnum, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IncidentSystem, IncidentTyp } from '../../entities';

@InputType({ description: 'En incident från incidentrapporteringen. Ange datum eller period.' })
export class RegistreraIncidentInput {
  @Field(() => String, {
    description: 'Områdets id, t.ex. "norrmalm" (utan hänsyn till skiftläge).',
  })
  // The register is förvaltning's own (its resolver answers an unknown area, empty too,
  // with the areas it knows); here only the id's length.
  @Textlangd(0, 64, 'område anges med sitt id, t.ex. "norrmalm"')
  omradeId!: string;

  @Field(() => String, { nullable: true, description: 'ÅÅÅÅ-MM-DD, när dagen är känd.' })
  @IsOptional()
  @IsoDatum()
  datum?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Perioden, när dagen inte är känd.' })
  @PeriodHarBorjat()
  @IsOptional()
  period?: Period | null;

  @Field(() => String, {
    nullable: true,
    description: 'Adress eller platsnamn; platsens id räknas med platsId().',
  })
  @IsOptional()
  @Textlangd(2, 300, 'platsen ska vara 2–300 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  plats?: string | null;

  @Field(() => Miljo)
  @IsEnum(Miljo, { message: 'okänd miljö' })
  miljo!: Miljo;

  @Field(() => IncidentTyp)
  @IsEnum(IncidentTyp, { message: 'okänd incidenttyp' })
  typ!: IncidentTyp;

  @Field(() => String, { description: 'Vad som hände; inga namn eller personuppgifter.' })
  @Textlangd(5, 2000, 'beskrivningen ska vara 5–2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  beskrivning!: string;

  @Field(() => IncidentSystem, { nullable: true, defaultValue: IncidentSystem.IA })
  @IsOptional()
  @IsEnum(IncidentSystem, { message: 'okänt system' })
  system?: IncidentSystem;

  @Field(() => Klassning, { nullable: true, defaultValue: Klassning.BEGRANSAD })
  @IsOptional()
  @IsEnum(Klassning, { message: 'okänd klassning' })
  klassning?: Klassning;
}
