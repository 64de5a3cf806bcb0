/**
 * CSV import of incidents from the city's incident reporting (IA, earlier RISK):
 * `id;datum;period;plats;miljo;typ;beskrivning;system;klassning`. The same rules as
 * `registreraIncident` (its input class and incidentProblem); the key is the reporting
 * system's own id within the area, so the same file twice adds nothing.
 */
import { createHash } from 'node:crypto';
import { Klassning, type Roll, tryParsePeriod } from '@lagesbild/domain';
import { IngaKontrolltecken, IngaPersonuppgifter, Textlangd } from '@lagesbild/subgraph-kit';
import { type CsvImporter, enumVarde, ImportAnvandningsfel } from '@lagesbild/subgraph-kit/import';
import { Incident, IncidentSystem, Omrade } from '../entities';
import { incidentProblem, klassningProblem, nyIncident } from '../registrering';
import { RegistreraIncidentInput } from '../resolvers/types/incident.input';

export class IncidentRad extends RegistreraIncidentInput {
  @Textlangd(1, 100, 'id:t ska vara 1–100 tecken')
  @IngaPersonuppgifter()
  @IngaKontrolltecken()
  id!: string;
}

/** The stored id of an imported incident: the same area and source id give the same row. */
export function importeradIncidentId(omradeId: string, id: string): string {
  return `incident-${createHash('sha1').update(`${omradeId}\n${id}`).digest('hex')}`;
}

export const incidentImporter: CsvImporter<IncidentRad> = {
  namn: 'incidenter',
  posttyp: 'Incident',
  radklass: IncidentRad,
  obligatoriska: ['id', 'miljo', 'typ', 'beskrivning'],
  valfria: ['datum', 'period', 'plats', 'system', 'klassning'],
  tolka(rad, { omradeId }) {
    rad.omradeId = omradeId;
    // The mutation's defaults (its GraphQL input's defaultValue), so both paths store alike.
    rad.system ??= IncidentSystem.IA;
    rad.klassning ??= Klassning.BEGRANSAD;
    for (const f of ['miljo', 'typ', 'system', 'klassning'] as const) {
      if (rad[f] !== undefined) (rad as unknown as Record<string, unknown>)[f] = enumVarde(rad[f]);
    }
    if (rad.period !== undefined) {
      const text = rad.period as unknown as string;
      rad.period = tryParsePeriod(text) ?? (text as never);
    }
  },
  check(rad, { avsandare }) {
    if (typeof rad.period === 'string') {
      return [`period: "${rad.period}" är ingen period (t.ex. 2017, 2017-H1, 2017-T2, 2017-05)`];
    }
    const problem = incidentProblem(rad);
    // Clearance to write, for a writer a token names (the command's operator has none).
    const klassning = avsandare ? klassningProblem(rad, avsandare.roller as Roll[]) : null;
    return [
      ...(problem ? [`${problem.field}: ${problem.reason}`] : []),
      ...(klassning ? [`klassning: ${klassning.message}`] : []),
    ];
  },
  nyckel: (rad) => rad.id.trim(),
  async forbered(em, { omradeId }) {
    if (!(await em.findOne(Omrade, { id: omradeId }))) {
      throw new ImportAnvandningsfel(
        `Okänt område "${omradeId}": området finns inte i förvaltningens register.`,
      );
    }
  },
  async skriv(tx, rader, { omradeId }) {
    const ids = rader.map((r) => importeradIncidentId(omradeId, r.nyckel));
    const finns = new Set(
      (await tx.find(Incident, { id: { $in: ids } }, { fields: ['id'] })).map((i) => i.id),
    );
    return rader.map((r, i) => {
      const id = ids[i] as string;
      if (finns.has(id)) return 'finns';
      tx.persist(nyIncident(id, r.data));
      r.postId = id;
      return 'ny';
    });
  },
};
