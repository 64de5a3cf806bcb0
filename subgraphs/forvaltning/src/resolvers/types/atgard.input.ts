import { IngaKontrolltecken, IngaPersonuppgifter, Textlangd } from '@lagesbild/subgraph-kit';
import { IsEnum, IsInt, IsOptional, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AtgardStatus } from '../../entities';

@InputType({ description: 'Ny status för en åtgärd (eller ett av dess delsteg), med kommentar.' })
export class UppdateraAtgardStatusInput {
  @Field(() => ID)
  @Textlangd(1, 64, 'åtgärdens id saknas')
  atgardId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Delstegets nummer, om ändringen gäller ett delsteg.',
  })
  @IsOptional()
  @IsInt({ message: 'delstegets nummer är ett heltal' })
  @Min(1, { message: 'delstegen numreras från 1' })
  delstegNr?: number | null;

  @Field(() => AtgardStatus)
  @IsEnum(AtgardStatus, { message: 'okänd status' })
  status!: AtgardStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Statusen i klartext, t.ex. "Pågår t.o.m. 2018"; annars statusens namn. En åtgärd med ' +
      'delsteg visar i stället en text som räknas fram ur delstegens status (Atgard.statusText).',
  })
  @IsOptional()
  @Textlangd(2, 300, 'statustexten ska vara 2–300 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  statusText?: string | null;

  @Field(() => String, { description: 'Varför statusen ändras (visas i uppföljningen).' })
  @Textlangd(3, 1000, 'kommentaren ska vara 3–1000 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  kommentar!: string;
}
