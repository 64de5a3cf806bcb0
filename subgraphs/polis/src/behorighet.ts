import { LEVANDE_BEHORIGA, type Partner } from '@lagesbild/domain';

/**
 * The police's live data — events, their counts at any period, assessments — reach the
 * readers the domain clears for it (LEVANDE_BEHORIGA.polis: the police, the council, the
 * coordinator, analysts and ADMIN); every field that shows them carries
 * `@LevandeData(POLIS)` from the kit, and everyone else reads the adopted lägesbild. "One
 * attack at a mosque in Norrmalm this half-year" points at an event and its people: no
 * "fåtal" here that another period or a list beside it could undo. The police's potential
 * targets stay SKYDDAD besides (PolisLage.maltavlor).
 */
export const POLIS: Partner = 'polis';

export const POLISDATA_BEHORIGA = LEVANDE_BEHORIGA[POLIS];
