import { Miljo, type Period, PeriodScalar } from '@lagesbild/domain';
import {
  IngaKontrolltecken,
  IngaPersonuppgifter,
  KantOmrade,
  PeriodHarBorjat,
  Textlangd,
} from '@lagesbild/subgraph-kit';
import { IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Kategori, Rapportor } from '../../entities';
import { Tidpunkt } from './tidpunkt';

const OMRADE_ID = /^[a-z0-9-]{1,64}$/;

@InputType({
  description:
    'En klotteranmälan. Ange anmäld tid (eller, när den inte är känd, perioden). Skickas samma rapportörs id igen uppdateras bara tiderna.',
})
export class RegistreraKlotteranmalanInput {
  @Field(() => Rapportor)
  @IsEnum(Rapportor, { message: 'okänd rapportör' })
  rapportor!: Rapportor;

  @Field(() => String, { description: 'Rapportörens eget id för anmälan.' })
  @Textlangd(1, 100, 'rapportörens id ska vara 1–100 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  rapportorensId!: string;

  @Field(() => String, { description: 'Stadsdelsområdet, t.ex. "norrmalm".' })
  @Matches(OMRADE_ID, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  @KantOmrade()
  omradeId!: string;

  @Field(() => Kategori)
  @IsEnum(Kategori, { message: 'okänd kategori' })
  kategori!: Kategori;

  @Field(() => Miljo, { nullable: true, defaultValue: Miljo.OSPECIFICERAD })
  @IsOptional()
  @IsEnum(Miljo, { message: 'okänd miljö' })
  miljo?: Miljo;

  @Field(() => String, { description: 'Texten eller symbolen; inga namn eller personuppgifter.' })
  @Textlangd(1, 500, 'innehållet ska vara 1–500 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  innehall!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Textlangd(1, 2000, 'beskrivningen ska vara högst 2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  beskrivning?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Adress eller platsnamn; platsens id räknas med platsId().',
  })
  @IsOptional()
  @Textlangd(2, 300, 'platsen ska vara 2–300 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  plats?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'När klottret anmäldes (ISO 8601 med tidszon).',
  })
  @IsOptional()
  @Tidpunkt()
  anmaldTid?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Perioden, när tiden inte är känd.' })
  @PeriodHarBorjat()
  @IsOptional()
  period?: Period | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Tidpunkt()
  avropTid?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Tidpunkt()
  paPlatsTid?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Tidpunkt()
  borttagenTid?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'anges som sant eller falskt' })
  polisanmald?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Textlangd(1, 2000, 'anteckningarna ska vara högst 2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  anteckningar?: string | null;
}

@InputType({ description: 'Tider för en anmälan: avrop, på plats, sanerad (i den ordningen).' })
export class RegistreraKlottertiderInput {
  @Field(() => ID)
  @Textlangd(1, 64, 'ange anmälans id')
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Tidpunkt()
  avropTid?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Tidpunkt()
  paPlatsTid?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Tidpunkt()
  borttagenTid?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'anges som sant eller falskt' })
  polisanmald?: boolean | null;
}

@InputType({ description: 'Rapportören intygar att inga anmälningar inkom under perioden.' })
export class IntygaNollrapportInput {
  @Field(() => Rapportor)
  @IsEnum(Rapportor, { message: 'okänd rapportör' })
  rapportor!: Rapportor;

  @Field(() => String)
  @Matches(OMRADE_ID, { message: 'område anges med sitt id, t.ex. "norrmalm"' })
  @KantOmrade()
  omradeId!: string;

  @Field(() => PeriodScalar)
  @PeriodHarBorjat()
  period!: Period;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Textlangd(1, 2000, 'kommentaren ska vara högst 2000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  kommentar?: string | null;
}
