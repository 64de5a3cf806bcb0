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
 * default 3, nonsense refused by the domain's parser. An explicit value wins, as in
 * loadSubgraphConfig.
 */
export function loadDiskretionTroskel(
  name: string,
  override: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (override !== undefined) return override;
  const prefix = name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return parseDiskretionTroskel(env[`${prefix}_DISKRETION_TROSKEL`]);
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
