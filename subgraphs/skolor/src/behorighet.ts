import { type Diskretion, harDiskretionsbehorighet, Roll } from '@lagesbild/domain';
import { diskretionFor, type Viewer } from '@lagesbild/subgraph-kit';

/**
 * Who sees school data in full: small counts as numbers, the schools' free-text
 * observations and every school's own answers. The education administration owns the
 * survey, and ADMIN runs the system. Everyone else — the council and coordinator
 * included, and a single school — gets small counts as "fåtal": a school's staff are
 * many and unvetted (see ROLL_KLASSNING), and the council needs the picture, not which
 * school. A school (role SKOLA) still sees its own answers. The full role model is a
 * later issue; this list is the one place to change.
 */
export const SKOLDATA_BEHORIGA: readonly Roll[] = Object.freeze([
  Roll.UTBILDNINGSFORVALTNING,
  Roll.ADMIN,
]);

export function harSkoldatabehorighet(viewer: Viewer): boolean {
  return harDiskretionsbehorighet(viewer.roller, SKOLDATA_BEHORIGA);
}

export function diskretion(viewer: Viewer, troskel: number): Diskretion {
  return diskretionFor(viewer, SKOLDATA_BEHORIGA, troskel);
}

/** A school's own answers: cleared roles, or the school itself (role SKOLA and its id). */
export function marSeSkolansSvar(viewer: Viewer, skolaId: string): boolean {
  if (harSkoldatabehorighet(viewer)) return true;
  return viewer.roller.includes(Roll.SKOLA) && viewer.skolaId === skolaId;
}
