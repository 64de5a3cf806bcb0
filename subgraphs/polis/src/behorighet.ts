import { type Diskretion, Roll } from '@lagesbild/domain';
import { diskretionFor } from '@lagesbild/subgraph-kit';
import type { Context } from './resolvers/context';

/**
 * Who sees the police's small counts (events in public space) as numbers: the police
 * themselves, the council and analysts who work with the whole picture, and ADMIN. Not
 * the coordinator: förvaltning's data entry needs no police figures below the threshold.
 * Schools and graffiti reporters get 1…threshold as "fåtal": "one attack at a mosque in
 * Norrmalm this half-year" points at an event and its people. This list is the police's
 * decision as data owner and the one place to change it.
 */
export const POLISDATA_BEHORIGA: readonly Roll[] = Object.freeze([
  Roll.POLIS,
  Roll.RADET,
  Roll.ANALYTIKER,
  Roll.ADMIN,
]);

export function diskretion(ctx: Context): Diskretion {
  return diskretionFor(ctx.viewer, POLISDATA_BEHORIGA, ctx.loaders.installningar.diskretionTroskel);
}
