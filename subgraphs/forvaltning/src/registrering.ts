/**
 * The write rules for an incident, shared by the mutation and the CSV import, so both
 * accept and refuse the same things.
 */
import {
  dayRange,
  Klassning,
  klassningOverBehorighetFel,
  platsId,
  type Roll,
} from '@lagesbild/domain';
import { datumEllerPeriodProblem, type InputProblem } from '@lagesbild/subgraph-kit';
import { Incident, IncidentSystem } from './entities';
import type { RegistreraIncidentInput } from './resolvers/types/incident.input';

export type IncidentProblem = InputProblem;

/** What class-validator cannot see: a date or a period (one of them), not in the future. */
export function incidentProblem(
  input: Pick<RegistreraIncidentInput, 'datum' | 'period'>,
  idag?: string,
): IncidentProblem | null {
  return datumEllerPeriodProblem(input, 'incidenten', idag);
}

/**
 * Clearance to write (klassningOverBehorighetFel): the writer may not give the incident a
 * classification above its own. The default is the input's, BEGRANSAD.
 */
export function klassningProblem(
  input: Pick<RegistreraIncidentInput, 'klassning'>,
  roller: readonly Roll[],
): IncidentProblem | null {
  const fel = klassningOverBehorighetFel(roller, input.klassning ?? Klassning.BEGRANSAD);
  return fel
    ? { message: fel, field: 'klassning', reason: 'högre klassning än din behörighet' }
    : null;
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
