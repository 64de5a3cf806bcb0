import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  KantOmrade,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Huvudman } from '../../entities';

@InputType({ description: 'En skola i stadsdelsområdet (utbildningsförvaltningen).' })
export class RegistreraSkolaInput {
  @Field(() => String, { description: 'Stadsdelsområdets id, t.ex. "norrmalm".' })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  @KantOmrade()
  omradeId!: string;

  @Field(() => String, { description: 'Skolans namn (en organisation, aldrig en person).' })
  @Textlangd(2, 200, 'namnet ska vara 2–200 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  namn!: string;

  @Field(() => Huvudman, { nullable: true })
  @IsOptional()
  @IsEnum(Huvudman, { message: 'okänd huvudman' })
  huvudman?: Huvudman | null;
}

@InputType({ description: 'Svaret på en fråga: ja, ett alternativ eller text efter frågans typ.' })
export class SvarInput {
  @Field(() => ID)
  @Textlangd(1, 64, 'frågans id saknas')
  fragaId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Ja/nej-frågor.' })
  @IsOptional()
  @IsBoolean({ message: 'ja anges som true eller false' })
  ja?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Flervalsfrågor: det valda alternativet.' })
  @IsOptional()
  @Textlangd(1, 200, 'alternativet ska vara 1–200 tecken')
  alternativ?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Fritextfrågor, eller vad skolan iakttagit vid ett ja. Inga personuppgifter.',
  })
  @IsOptional()
  @Textlangd(2, 2000, 'texten ska vara 2–2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  text?: string | null;
}

@InputType({
  description:
    'En skolas svar på en enkät. Ett nytt svar ersätter det förra så länge enkäten är öppen.',
})
export class LamnaSvarInput {
  @Field(() => ID)
  @Textlangd(1, 64, 'enkätens id saknas')
  enkatId!: string;

  @Field(() => ID, { description: 'Den svarande skolan; måste vara läsarens egen skola.' })
  @Textlangd(1, 64, 'skolans id saknas')
  skolaId!: string;

  @Field(() => [SvarInput])
  @ArrayMinSize(1, { message: 'minst ett svar' })
  @ArrayMaxSize(100, { message: 'högst 100 svar' })
  @ValidateNested({ each: true })
  svar!: SvarInput[];
}
