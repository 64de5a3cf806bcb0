/**
 * The write rules for an event, shared by `registreraHandelse` and the CSV import, so both
 * accept and refuse the same things.
 */
import { dayRange, Miljo, platsId } from '@lagesbild/domain';
import type { FieldProblem } from '@lagesbild/subgraph-kit';
import { Handelse, HandelsePlats } from './entities';
import type { RegistreraHandelseInput } from './resolvers/types/handelse.input';

export interface HandelseProblem extends FieldProblem {
  /** The whole sentence, for the GraphQL error. */
  message: string;
}

/** What class-validator cannot see: a date or a period (one of them), not in the future. */
export function handelseProblem(
  input: Pick<RegistreraHandelseInput, 'datum' | 'period'>,
  idag: string = new Date().toISOString().slice(0, 10),
): HandelseProblem | null {
  if ((input.datum != null) === (input.period != null)) {
    return {
      message: 'Ange antingen datum eller period för händelsen, inte båda och inte ingen.',
      field: 'datum',
      reason: 'ange datum eller period',
    };
  }
  if (input.datum && input.datum > idag) {
    return {
      message: `Datumet ${input.datum} ligger i framtiden.`,
      field: 'datum',
      reason: 'datumet ligger i framtiden',
    };
  }
  return null;
}

/** The places' ids (platsId, without repeats), or the problem with a name that has none. */
export function platsIdn(platser: readonly string[]): string[] | HandelseProblem {
  const ids: string[] = [];
  for (const namn of platser) {
    let id: string;
    try {
      id = platsId(namn);
    } catch {
      return {
        message: `Platsen "${namn}" saknar bokstäver och siffror.`,
        field: 'platser',
        reason: 'ange ett platsnamn eller en adress',
      };
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The event an input describes (checked first), and its places, unsaved. */
export function nyHandelse(
  id: string,
  input: RegistreraHandelseInput,
  platser: readonly string[],
): { handelse: Handelse; platser: HandelsePlats[] } {
  const range = input.datum
    ? { text: input.datum, ...dayRange(input.datum) }
    : (input.period as NonNullable<typeof input.period>);
  const handelse = new Handelse(id, input.omradeId, range, {
    typ: input.typ,
    rubrik: input.rubrik.trim(),
    beskrivning: input.beskrivning.trim(),
    miljo: input.miljo ?? Miljo.OSPECIFICERAD,
  });
  handelse.datum = input.datum ?? null;
  handelse.vald = input.vald ?? null;
  handelse.grupperingId = input.grupperingId ?? null;
  handelse.platsbeskrivning = input.platsbeskrivning?.trim() || null;
  return { handelse, platser: platser.map((p) => new HandelsePlats(handelse.id, p)) };
}
