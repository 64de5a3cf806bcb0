import { Miljo, Niva, type Period, PeriodScalar } from '@lagesbild/domain';
import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  KantOmrade,
  PeriodHarBorjat,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { UTGIVARE_STANDARD } from '../../entities';

const NIVA_UTELAMNAD =
  'Utelämnad: samma nivå som i versionen som ersätts; OKAND när det inte finns någon.';

export const OMRADE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

@InputType({
  description:
    'En bedömning för ett område, ett halvår och en miljö. Finns redan en gällande bedömning ' +
    'blir den nya en ny version och den gamla markeras ersatt.',
})
export class PubliceraBedomningInput {
  @Field(() => String)
  @Matches(OMRADE_ID, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  @KantOmrade()
  omradeId!: string;

  @Field(() => PeriodScalar, { description: 'Halvåret, t.ex. "2016-H2".' })
  @PeriodHarBorjat()
  period!: Period;

  @Field(() => Miljo)
  @IsEnum(Miljo, { message: 'okänd miljö' })
  miljo!: Miljo;

  @Field(() => Niva, { nullable: true, description: NIVA_UTELAMNAD })
  @IsOptional()
  @IsEnum(Niva, { message: 'okänd nivå' })
  bosatta?: Niva;

  @Field(() => Niva, { nullable: true, description: NIVA_UTELAMNAD })
  @IsOptional()
  @IsEnum(Niva, { message: 'okänd nivå' })
  folkbokforda?: Niva;

  @Field(() => Niva, { nullable: true, description: NIVA_UTELAMNAD })
  @IsOptional()
  @IsEnum(Niva, { message: 'okänd nivå' })
  utsattaForBrott?: Niva;

  @Field(() => Niva, { nullable: true, description: NIVA_UTELAMNAD })
  @IsOptional()
  @IsEnum(Niva, { message: 'okänd nivå' })
  resor?: Niva;

  @Field(() => String, { description: 'Bedömningen i text; inga namn eller personuppgifter.' })
  @Textlangd(5, 4000, 'texten ska vara 5–4000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  text!: string;

  @Field(() => String, { description: 'ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM när bara månaden är känd.' })
  @Matches(/^\d{4}-\d{2}(-\d{2})?$/, {
    message: 'publiceringsdatum anges som ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM',
  })
  publicerad!: string;

  @Field(() => String, {
    nullable: true,
    defaultValue: UTGIVARE_STANDARD,
    description: 'Organisationen som publicerar (aldrig en person).',
  })
  @IsOptional()
  @Textlangd(2, 200, 'utgivaren ska vara 2–200 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  utgivare?: string;
}
