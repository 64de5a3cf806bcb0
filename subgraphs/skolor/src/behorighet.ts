import { AVSNITT_AGARE, LEVANDE_BEHORIGA, type Partner, Roll } from '@lagesbild/domain';
import { harLevandeBehorighetFor, type Viewer } from '@lagesbild/subgraph-kit';

/**
 * The schools' live data — the survey's aggregates at any period, its results per question
 * — reach the readers the domain clears for it (LEVANDE_BEHORIGA.skolor: the education
 * administration that owns the survey, the council, the coordinator, analysts and ADMIN);
 * every field that shows them carries `@LevandeData(SKOLOR)` from the kit. A single school
 * (SKOLA) is not cleared: it reads its own answers, and the adopted lägesbild like the
 * other partners. The register (schools, surveys and their questions) stays open.
 */
export const SKOLOR: Partner = 'skolor';

export const SKOLDATA_BEHORIGA = LEVANDE_BEHORIGA[SKOLOR];

/**
 * Every school's own answers and the schools' free-text observations say which school saw
 * what: the survey's owner (the section's owner, AVSNITT_AGARE.skolor) and ADMIN read them;
 * a school reads its own. The council needs the picture, not which school.
 */
export const SKOLSVAR_BEHORIGA: readonly Roll[] = Object.freeze([
  ...AVSNITT_AGARE[SKOLOR],
  Roll.ADMIN,
]);

export function harSkolsvarsbehorighet(viewer: Viewer): boolean {
  return viewer.roller.some((r) => SKOLSVAR_BEHORIGA.includes(r));
}

/** A school's own answers: the survey's owner and ADMIN, or the school itself (SKOLA and its id). */
export function marSeSkolansSvar(viewer: Viewer, skolaId: string): boolean {
  if (harSkolsvarsbehorighet(viewer)) return true;
  return viewer.roller.includes(Roll.SKOLA) && viewer.skolaId === skolaId;
}

/** May the viewer read any school's answers at all: cleared for the schools' data, or a school. */
export function marLasaSkolsvar(viewer: Viewer): boolean {
  return harLevandeBehorighetFor(viewer, SKOLOR) || viewer.roller.includes(Roll.SKOLA);
}
