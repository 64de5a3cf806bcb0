import { type Diskretion, Roll } from '@lagesbild/domain';
import { diskretionFor } from '@lagesbild/subgraph-kit';
import type { Context } from './resolvers/context';

/**
 * Who sees klotter's small counts (reports per area, environment, reporter, category, and
 * their SLA outcomes) as numbers: the council, analysts and the coordinator who act on the
 * picture, ADMIN, and the three reporters — trafikkontoret, SISAB and MTR — who file the
 * reports and follow up their contractors. Kept simple on purpose: a reporter sees the
 * others' counts too, as the shared picture shows them side by side; narrowing that to
 * "its own" would need a per-reporter rule the domain's rule does not have. Police and
 * schools get 1…threshold as "fåtal" ("one vit makt tag at a school" points at a place
 * and its people). The data owners' decision; this list is the one place to change it.
 */
export const KLOTTERDATA_BEHORIGA: readonly Roll[] = Object.freeze([
  Roll.RADET,
  Roll.ANALYTIKER,
  Roll.SAMORDNARE,
  Roll.ADMIN,
  Roll.TRAFIKKONTORET,
  Roll.SISAB,
  Roll.MTR,
]);

export function diskretion(ctx: Context): Diskretion {
  return diskretionFor(
    ctx.viewer,
    KLOTTERDATA_BEHORIGA,
    ctx.loaders.installningar.diskretionTroskel,
  );
}
