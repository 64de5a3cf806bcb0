import {
  buildFederatedSchema,
  type FederatedSchema,
  granskningsloggResolver,
} from '@lagesbild/subgraph-kit';
import {
  LagesbildRef,
  MiljoLageRef,
  OmradeRef,
  sharedReferences,
} from '@lagesbild/subgraph-kit/federation';
import { EnkatResolver, FragaResolver } from './resolvers/enkat.resolver';
import {
  LagesbildSkolorResolver,
  MiljoLageSkolorResolver,
  SkolorLageResolver,
  SkolorMiljoResolver,
} from './resolvers/lagesbild.resolver';
import {
  OmradeSkolorResolver,
  SkolaResolver,
  SvarsuppsattningResolver,
} from './resolvers/skola.resolver';

export const SUBGRAPH_NAME = 'skolor';

/** The admin's view of this subgraph's audit log (`granskningsloggSkolor`). */
const GranskningsloggResolver = granskningsloggResolver(SUBGRAPH_NAME);

/** The skolor subgraph's schema, built from code: what the server serves and composition reads. */
export function buildSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      GranskningsloggResolver,
      SkolaResolver,
      OmradeSkolorResolver,
      SvarsuppsattningResolver,
      EnkatResolver,
      FragaResolver,
      LagesbildSkolorResolver,
      MiljoLageSkolorResolver,
      SkolorLageResolver,
      SkolorMiljoResolver,
    ],
    // Reached only through @FieldResolver: type-graphql would drop them (STACK.md pitfall 5).
    orphanedTypes: [OmradeRef, LagesbildRef, MiljoLageRef],
    references: {
      Omrade: sharedReferences.Omrade,
      Lagesbild: sharedReferences.Lagesbild,
      MiljoLage: sharedReferences.MiljoLage,
    },
  });
}
