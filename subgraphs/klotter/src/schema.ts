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
import { KlotteranmalanResolver } from './resolvers/klotteranmalan.resolver';
import {
  KlotterLageResolver,
  KlotterMiljoResolver,
  LagesbildKlotterResolver,
  MiljoLageKlotterResolver,
} from './resolvers/lagesbild.resolver';
import { NollrapportResolver } from './resolvers/nollrapport.resolver';
import { OmradeKlotterResolver } from './resolvers/omrade.resolver';
import { PlatsKlotterResolver } from './resolvers/plats.resolver';

export const SUBGRAPH_NAME = 'klotter';

/** The admin's view of this subgraph's audit log (`granskningsloggKlotter`). */
const GranskningsloggResolver = granskningsloggResolver(SUBGRAPH_NAME);

/** The klotter subgraph's schema, built from code: what the server serves and composition reads. */
export function buildSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      GranskningsloggResolver,
      KlotteranmalanResolver,
      NollrapportResolver,
      LagesbildKlotterResolver,
      MiljoLageKlotterResolver,
      KlotterLageResolver,
      KlotterMiljoResolver,
      OmradeKlotterResolver,
      PlatsKlotterResolver,
    ],
    orphanedTypes: [LagesbildRef, MiljoLageRef, OmradeRef, PlatsRef],
    references: sharedReferences,
  });
}
