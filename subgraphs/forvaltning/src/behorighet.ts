import { type Diskretion, Roll } from '@lagesbild/domain';
import { diskretionFor } from '@lagesbild/subgraph-kit';
import type { Context } from './resolvers/context';

/**
 * Who sees förvaltning's small counts (incidents, contacts, field observations,
 * returnees) as numbers: the coordinator who keeps the data, the council and analysts
 * who work with the whole picture (all cleared for BEGRANSAD), and ADMIN. Everyone else
 * — the police, schools, the graffiti reporters — gets 1…threshold as "fåtal": "one
 * returnee in Norrmalm" points at someone. This list is förvaltning's decision as data
 * owner and the one place to change it.
 */
export const FORVALTNINGSDATA_BEHORIGA: readonly Roll[] = Object.freeze([
  Roll.SAMORDNARE,
  Roll.RADET,
  Roll.ANALYTIKER,
  Roll.ADMIN,
]);

export function diskretion(ctx: Context): Diskretion {
  return diskretionFor(
    ctx.viewer,
    FORVALTNINGSDATA_BEHORIGA,
    ctx.loaders.installningar.diskretionTroskel,
  );
}
