import {
  buildFederatedSchema,
  type FederatedSchema,
  granskningsloggResolver,
} from '@lagesbild/subgraph-kit';
import {
  AtervandareResolver,
  FaltobservationResolver,
  KontaktResolver,
} from './resolvers/antal.resolver';
import { AtgardResolver, HandlingsplanResolver } from './resolvers/handlingsplan.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { lagesbildReferences } from './resolvers/lagesbild.reference';
import {
  ForvaltningLageResolver,
  ForvaltningMiljoResolver,
  LagesbildResolver,
  MiljoLageResolver,
} from './resolvers/lagesbild.resolver';
import { OmradeResolver } from './resolvers/omrade.resolver';
import { platsReferences } from './resolvers/plats.reference';
import { PlatsResolver } from './resolvers/plats.resolver';

export const SUBGRAPH_NAME = 'forvaltning';

/** The admin's view of this subgraph's audit log (`granskningsloggForvaltning`). */
const GranskningsloggResolver = granskningsloggResolver(SUBGRAPH_NAME);

/** The förvaltning subgraph's schema, built from code: what the server serves and composition reads. */
export function buildSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      GranskningsloggResolver,
      OmradeResolver,
      PlatsResolver,
      IncidentResolver,
      HandlingsplanResolver,
      AtgardResolver,
      LagesbildResolver,
      MiljoLageResolver,
      ForvaltningLageResolver,
      ForvaltningMiljoResolver,
      KontaktResolver,
      AtervandareResolver,
      FaltobservationResolver,
    ],
    references: { ...platsReferences, ...lagesbildReferences },
  });
}
