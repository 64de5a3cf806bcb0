/**
 * The registry of subgraphs: every service that serves part of the graph, with its name
 * (also its federation graph name, its package `@lagesbild/<name>` and the prefix of its
 * variables, `<NAME>_PORT`), its default port, its folder, and — for a partner whose section
 * the live picture shows — what the picture knows of it (./partner). Composition, the
 * launcher, the import command, the deployment file, the subgraphs' own configuration, the
 * access rules, the dashboard, the meeting report, the gateway's response cache and the
 * tests read this list: adding a subgraph is one entry here and its folder under `subgraphs/`.
 */
import {
  FORVALTNING_PARTNER,
  KLOTTER_PARTNER,
  type PartnerEntry,
  POLIS_PARTNER,
  SKOLOR_PARTNER,
} from './partner';

export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  dir: string;
  /**
   * The partner whose section of the live picture the subgraph serves (its field on
   * `Lagesbild` and `MiljoLage`), or null for a subgraph without one (the council's
   * publications).
   */
  partner: PartnerEntry | null;
}

const REGISTER = [
  {
    name: 'forvaltning',
    defaultPort: 4001,
    dir: 'subgraphs/forvaltning',
    partner: FORVALTNING_PARTNER,
  },
  { name: 'polis', defaultPort: 4002, dir: 'subgraphs/polis', partner: POLIS_PARTNER },
  { name: 'skolor', defaultPort: 4003, dir: 'subgraphs/skolor', partner: SKOLOR_PARTNER },
  { name: 'klotter', defaultPort: 4004, dir: 'subgraphs/klotter', partner: KLOTTER_PARTNER },
  // The council's adopted lägesbild: no section of its own in the live picture.
  { name: 'publicering', defaultPort: 4005, dir: 'subgraphs/publicering', partner: null },
] as const satisfies readonly SubgraphEntry[];

export const SUBGRAPHS: readonly SubgraphEntry[] = REGISTER;

/** The field on Lagesbild of every partner in the registry. */
export type PartnerFalt = NonNullable<(typeof REGISTER)[number]['partner']>['falt'];

/** The partners of a registry, in the order the picture shows them. */
export function partnerRegister(subgraphs: readonly SubgraphEntry[] = SUBGRAPHS): PartnerEntry[] {
  return subgraphs.flatMap((s) => (s.partner ? [s.partner] : []));
}

/** The partners of the registry, in the order the picture shows them. */
export const PARTNER_REGISTER: readonly PartnerEntry[] = Object.freeze(partnerRegister());

/** One value per partner of a registry, keyed by its field. */
export function perPartner<T>(
  varde: (p: PartnerEntry) => T,
  partners: readonly PartnerEntry[] = PARTNER_REGISTER,
): Record<string, T> {
  return Object.fromEntries(partners.map((p) => [p.falt, varde(p)]));
}

/** The dashboard's operations that are not one partner's own. */
const DASHBOARD_OPERATIONER = ['Omraden', 'Dashboard', 'DashboardHandlingsplan'] as const;
/** The meeting report's operation (packages/rapport). */
const RAPPORT_OPERATION = 'LagesbildRapport';

/**
 * The read operations of the dashboard and the report, whose answers the gateway's response
 * cache may keep: the dashboard's own, each partner's, then the report's.
 */
export function cachebaraOperationer(
  partners: readonly PartnerEntry[] = PARTNER_REGISTER,
): string[] {
  return [
    ...DASHBOARD_OPERATIONER,
    ...partners.flatMap((p) => p.operationer ?? []),
    RAPPORT_OPERATION,
  ];
}

export const CACHEBARA_OPERATIONER: readonly string[] = Object.freeze(cachebaraOperationer());

export const GATEWAY_DEFAULT_PORT = 4000;

/** The registry entry of a subgraph; an unknown name is a programming error. */
export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`"${name}" is not in the subgraph registry (SUBGRAPHS).`);
  return entry;
}

export function defaultUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.defaultPort}/graphql`;
}
