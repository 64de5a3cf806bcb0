import { Miljo, type Period, PeriodScalar } from '@lagesbild/domain';
import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  IsoDatum,
  KantOmrade,
  PeriodHarBorjat,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { HandelseTyp } from '../../entities';
import { OMRADE_ID } from './bedomning.input';

/** The longest text each field takes, on every channel (the JSON feed import too). */
export const RUBRIK_MAX = 300;
export const BESKRIVNING_MAX = 4000;
export const PLATSBESKRIVNING_MAX = 300;

@InputType({ description: 'En händelse i det offentliga rummet. Ange datum eller period.' })
export class RegistreraHandelseInput {
  @Field(() => String)
  @Matches(OMRADE_ID, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  @KantOmrade()
  omradeId!: string;

  @Field(() => String, { nullable: true, description: 'ÅÅÅÅ-MM-DD, när dagen är känd.' })
  @IsOptional()
  @IsoDatum()
  datum?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Perioden, när dagen inte är känd.' })
  @PeriodHarBorjat()
  @IsOptional()
  period?: Period | null;

  @Field(() => HandelseTyp)
  @IsEnum(HandelseTyp, { message: 'okänd händelsetyp' })
  typ!: HandelseTyp;

  @Field(() => String)
  @Textlangd(3, RUBRIK_MAX, `rubriken ska vara 3–${RUBRIK_MAX} tecken`)
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  rubrik!: string;

  @Field(() => String, { description: 'Vad som hände; inga namn eller personuppgifter.' })
  @Textlangd(5, BESKRIVNING_MAX, `beskrivningen ska vara 5–${BESKRIVNING_MAX} tecken`)
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  beskrivning!: string;

  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'Platsnamn eller adresser; id räknas med platsId(), som i platsregistret.',
  })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'högst 20 platser per händelse' })
  @Textlangd(2, 200, 'varje plats ska vara 2–200 tecken', { each: true })
  @IngaPersonuppgifter({ each: true })
  @IngaKontrolltecken({ each: true })
  platser?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Platsen i ord, när den inte är en registrerad plats.',
  })
  @IsOptional()
  @Textlangd(
    2,
    PLATSBESKRIVNING_MAX,
    `platsbeskrivningen ska vara 2–${PLATSBESKRIVNING_MAX} tecken`,
  )
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  platsbeskrivning?: string | null;

  @Field(() => Miljo, { nullable: true, defaultValue: Miljo.OSPECIFICERAD })
  @IsOptional()
  @IsEnum(Miljo, { message: 'okänd miljö' })
  miljo?: Miljo;

  @Field(() => Boolean, { nullable: true, description: 'Om våld förekom; utelämna när okänt.' })
  @IsOptional()
  @IsBoolean({ message: 'anges som sant eller falskt' })
  vald?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Arrangerande gruppering, om känd.' })
  @IsOptional()
  @Textlangd(1, 64, 'gruppering anges med sitt id')
  grupperingId?: string | null;
}
