/**
 * The subgraph registry lives in packages/domain (`SUBGRAPHS`), where the subgraphs' own
 * configuration reads it too; re-exported here for the scripts and tests that import it
 * from schema/.
 */
export {
  defaultUrl,
  GATEWAY_DEFAULT_PORT,
  SUBGRAPHS,
  type SubgraphEntry,
  subgraphEntry,
} from '@lagesbild/domain';
