import { LEVANDE_BEHORIGA, type Partner } from '@lagesbild/domain';

/**
 * Förvaltning's live data — incidents, contacts, field observations, returnees, its counts
 * at any period — reach the readers the domain clears for it (LEVANDE_BEHORIGA.forvaltning:
 * the coordinator who keeps the data, the council and analysts who work with the whole
 * picture, and ADMIN); every field that shows them carries `@LevandeData(FORVALTNING)` from
 * the kit, and everyone else — the police, schools, the graffiti reporters, the council's
 * other actors — reads the adopted lägesbild. "One returnee in Norrmalm" points at someone.
 * The register (areas, places, the action plan, the forums) stays open.
 */
export const FORVALTNING: Partner = 'forvaltning';

export const FORVALTNINGSDATA_BEHORIGA = LEVANDE_BEHORIGA[FORVALTNING];
