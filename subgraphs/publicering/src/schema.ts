import {
  buildFederatedSchema,
  type FederatedSchema,
  granskningsloggResolver,
} from '@lagesbild/subgraph-kit';
import { LagesbildRef, OmradeRef, sharedReferences } from '@lagesbild/subgraph-kit/federation';
import type { Publicering } from './entities';
import type { Context } from './resolvers/context';
import {
  LagesbildPubliceringResolver,
  lasta,
  OmradePubliceringResolver,
  PubliceringResolver,
} from './resolvers/publicering.resolver';

export const SUBGRAPH_NAME = 'publicering';

/** The admin's view of this subgraph's audit log (`granskningsloggPublicering`). */
const GranskningsloggResolver = granskningsloggResolver(SUBGRAPH_NAME);

/**
 * The publicering subgraph's schema, built from code: what the server serves and
 * composition reads. It has no section of its own in the live picture; it adds the adopted
 * version to `Lagesbild` and an area's publications to `Omrade`.
 */
export function buildSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      GranskningsloggResolver,
      PubliceringResolver,
      LagesbildPubliceringResolver,
      OmradePubliceringResolver,
    ],
    // Reached only through @FieldResolver: type-graphql would drop them.
    orphanedTypes: [OmradeRef, LagesbildRef],
    references: {
      Omrade: sharedReferences.Omrade,
      Lagesbild: sharedReferences.Lagesbild,
      Publicering: {
        __resolveReference: async (
          ref: { id: string },
          ctx: Context,
        ): Promise<Publicering | null> => {
          const p = await ctx.loaders.publicering.load(ref.id);
          return p ? ((await lasta(ctx, [p]))[0] ?? null) : null;
        },
      },
    },
  });
}
