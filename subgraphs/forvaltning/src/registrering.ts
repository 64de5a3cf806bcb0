/**
 * The write rules for an incident, shared by the mutation and the CSV import, so both
 * accept and refuse the same things.
 */
import { dayRange, platsId } from '@lagesbild/domain';
import type { FieldProblem } from '@lagesbild/subgraph-kit';
import { Incident, IncidentSystem } from './entities';
import type { RegistreraIncidentInput } from './resolvers/types/incident.input';

export interface IncidentProblem extends FieldProblem {
  /** The whole sentence, for the GraphQL error. */
  message: string;
}

/** What class-validator cannot see: a date or a period (one of them), not in the future. */
export function incidentProblem(
  input: Pick<RegistreraIncidentInput, 'datum' | 'period'>,
  idag: string = new Date().toISOString().slice(0, 10),
): IncidentProblem | null {
  if ((input.datum != null) === (input.period != null)) {
    return {
      message: 'Ange antingen datum eller period för incidenten, inte båda och inte ingen.',
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

/** The incident an input describes (checked with incidentProblem first), unsaved. */
export function nyIncident(id: string, input: RegistreraIncidentInput): Incident {
  const range = input.datum
    ? { text: input.datum, ...dayRange(input.datum) }
    : (input.period as NonNullable<typeof input.period>);
  const incident = new Incident(id, input.omradeId, range, {
    miljo: input.miljo,
    typ: input.typ,
    beskrivning: input.beskrivning.trim(),
    system: input.system ?? IncidentSystem.IA,
  });
  incident.datum = input.datum ?? null;
  if (input.plats) {
    incident.platsId = platsId(input.plats);
    incident.platsText = input.plats.trim();
  }
  if (input.klassning) incident.klassning = input.klassning;
  return incident;
}
