import { DISKRETION_TROSKEL, type Env, environment, envPrefix, readOne } from '@lagesbild/config';
import { DISKRETION_STANDARDTROSKEL, parseDiskretionTroskel } from '@lagesbild/domain';
import { loadSubgraphConfig, type SubgraphConfig, type SubgraphConfigInput } from './config';

/**
 * What a subgraph that applies the domain's disclosure rule itself (see `diskretion.ts` in
 * packages/domain) needs: its threshold from configuration, given to the kit in the
 * subgraph's definition and carried in every request's context (`ctx.diskretionTroskel`).
 * The partners' subgraphs apply none: their live counts reach cleared readers only (see levande.ts).
 */
export interface DiskretionInstallningar {
  /** Counts from 1 up to this reach a reader without clearance as "fåtal". */
  diskretionTroskel: number;
}

export const STANDARD_DISKRETION: DiskretionInstallningar = Object.freeze({
  diskretionTroskel: DISKRETION_STANDARDTROSKEL,
});

/**
 * The threshold from `<SUBGRAPH>_DISKRETION_TROSKEL` (e.g. POLIS_DISKRETION_TROSKEL),
 * default 3, read by the subgraph schema's integer rule (the domain's parser adds the default). An explicit value wins, as in
 * loadSubgraphConfig.
 */
export function loadDiskretionTroskel(
  name: string,
  override: number | undefined,
  env: Env = environment(),
): number {
  if (override !== undefined) return override;
  const variable = `${envPrefix(name)}_DISKRETION_TROSKEL`;
  return parseDiskretionTroskel(readOne(DISKRETION_TROSKEL, variable, env));
}

/** A subgraph's configuration with its disclosure threshold. */
export type DiskretionSubgraphConfig = SubgraphConfig & DiskretionInstallningar;

/**
 * loadSubgraphConfig plus `<SUBGRAPH>_DISKRETION_TROSKEL`: what each subgraph that serves
 * protected counts reads in its config.ts, an explicit override winning as for the rest.
 */
export function loadDiskretionSubgraphConfig(
  input: Omit<SubgraphConfigInput, 'overrides'> & {
    overrides?: Partial<Omit<DiskretionSubgraphConfig, 'name'>>;
  },
): DiskretionSubgraphConfig {
  const { diskretionTroskel, ...overrides } = input.overrides ?? {};
  return {
    ...loadSubgraphConfig({ ...input, overrides }),
    diskretionTroskel: loadDiskretionTroskel(input.name, diskretionTroskel, input.env),
  };
}
