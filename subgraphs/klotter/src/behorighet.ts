import { LEVANDE_BEHORIGA, type Partner } from '@lagesbild/domain';

/**
 * Klotter's live data — reports, their counts per area, environment, reporter and category,
 * the SLA outcomes, at any period, and the Open311 listing — reach the readers the domain
 * clears for it (LEVANDE_BEHORIGA.klotter: the three reporters, trafikkontoret, SISAB and MTR,
 * who file the reports and follow up their contractors; the council, the coordinator,
 * analysts and ADMIN); every GraphQL field that shows them carries `@LevandeData(KLOTTER)`
 * from the kit and the Open311 GET asks the same rule. A reporter sees the others' counts
 * too, as the shared picture shows them side by side. The police, schools and the council's
 * other actors read the adopted lägesbild ("one vit makt tag at a school" points at a place
 * and its people).
 */
export const KLOTTER: Partner = 'klotter';

export const KLOTTERDATA_BEHORIGA = LEVANDE_BEHORIGA[KLOTTER];
