import { Miljo, type Period, PeriodScalar } from '@lagesbild/domain';
import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  IsoDatum,
  KantOmrade,
  PeriodHarBorjat,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { FragaTyp } from '../../entities';

@InputType({ description: 'En fråga: ja/nej (med miljö), flerval (med alternativ) eller fritext.' })
export class FragaInput {
  @Field(() => String)
  @Textlangd(5, 1000, 'frågan ska vara 5–1000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  text!: string;

  @Field(() => FragaTyp)
  @IsEnum(FragaTyp, { message: 'okänd frågetyp' })
  typ!: FragaTyp;

  @Field(() => Miljo, {
    nullable: true,
    description: 'Bara för ja/nej-frågor: miljön som frågan gäller tecken på.',
  })
  @IsOptional()
  @IsEnum(Miljo, { message: 'okänd miljö' })
  miljo?: Miljo | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Bara för flervalsfrågor: 2–20 alternativ.',
  })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'högst 20 alternativ' })
  @ArrayUnique({ message: 'alternativen måste vara olika' })
  @Textlangd(1, 200, 'ett alternativ ska vara 1–200 tecken', { each: true })
  @IngaPersonuppgifter({ each: true })
  @IngaKontrolltecken({ each: true })
  alternativ?: string[] | null;
}

@InputType({ description: 'En ny enkät till skolorna (utbildningsförvaltningen).' })
export class SkapaEnkatInput {
  @Field(() => String, { description: 'Stadsdelsområdets id, t.ex. "norrmalm".' })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  @KantOmrade()
  omradeId!: string;

  @Field(() => String)
  @Textlangd(3, 300, 'titeln ska vara 3–300 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  titel!: string;

  @Field(() => PeriodScalar, { description: 'Perioden som enkäten gäller, t.ex. "2018".' })
  @PeriodHarBorjat()
  period!: Period;

  @Field(() => String, { nullable: true, description: 'Utskicksdatum, ÅÅÅÅ-MM-DD.' })
  @IsOptional()
  @IsoDatum()
  skickad?: string | null;

  @Field(() => String, { nullable: true, description: 'Sista svarsdag, ÅÅÅÅ-MM-DD.' })
  @IsOptional()
  @IsoDatum()
  sistaSvarsdag?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Skolorna som enkäten skickas till; utelämnas när det inte är känt.',
  })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'högst 500 mottagare' })
  @ArrayUnique({ message: 'en skola står flera gånger bland mottagarna' })
  mottagare?: string[] | null;

  @Field(() => [FragaInput], { nullable: true, description: 'Frågorna i ordning.' })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'högst 100 frågor' })
  @ValidateNested({ each: true })
  fragor?: FragaInput[] | null;
}

@InputType({ description: 'En fråga till en öppen enkät; den får nästa nummer.' })
export class LaggTillFragaInput extends FragaInput {
  @Field(() => ID)
  @Textlangd(1, 64, 'enkätens id saknas')
  enkatId!: string;
}
