import {
  buildFederatedSchema,
  type FederatedSchema,
  granskningsloggResolver,
} from '@lagesbild/subgraph-kit';
import {
  LagesbildRef,
  MiljoLageRef,
  OmradeRef,
  PlatsRef,
  sharedReferences,
} from '@lagesbild/subgraph-kit/federation';
import { BedomningResolver } from './resolvers/bedomning.resolver';
import { GrupperingResolver } from './resolvers/gruppering.resolver';
import { HandelseResolver } from './resolvers/handelse.resolver';
import {
  LagesbildPolisResolver,
  MiljoLagePolisResolver,
  PolisLageResolver,
  PolisMiljoResolver,
} from './resolvers/lagesbild.resolver';
import { MaltavlaResolver } from './resolvers/maltavla.resolver';
import { OmradePolisResolver } from './resolvers/omrade.resolver';
import { PlatsPolisResolver } from './resolvers/plats.resolver';

export const SUBGRAPH_NAME = 'polis';

/** The admin's view of this subgraph's audit log (`granskningsloggPolis`). */
const GranskningsloggResolver = granskningsloggResolver(SUBGRAPH_NAME);

/** The polis subgraph's schema, built from code: what the server serves and composition reads. */
export function buildSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      GranskningsloggResolver,
      BedomningResolver,
      HandelseResolver,
      GrupperingResolver,
      MaltavlaResolver,
      LagesbildPolisResolver,
      MiljoLagePolisResolver,
      PolisLageResolver,
      PolisMiljoResolver,
      OmradePolisResolver,
      PlatsPolisResolver,
    ],
    // Reached only through @FieldResolver classes: type-graphql would drop them otherwise.
    orphanedTypes: [LagesbildRef, MiljoLageRef, OmradeRef, PlatsRef],
    references: sharedReferences,
  });
}
