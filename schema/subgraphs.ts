/**
 * The subgraph registry lives in packages/domain (`SUBGRAPHS`, with each partner's entry
 * beside its subgraph), where the subgraphs' own configuration reads it too; re-exported
 * here for the scripts and tests that import it from schema/.
 */
export {
  CACHEBARA_OPERATIONER,
  defaultUrl,
  GATEWAY_DEFAULT_PORT,
  PARTNER_REGISTER,
  type PartnerEntry,
  SUBGRAPHS,
  type SubgraphEntry,
  subgraphEntry,
} from '@lagesbild/domain';
