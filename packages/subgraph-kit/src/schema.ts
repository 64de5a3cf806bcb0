import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Klassning, Miljo, Niva, PeriodScalar, Rapporteringsstatus } from '@lagesbild/domain';
import { type GraphQLSchema, parse } from 'graphql';
import {
  type BuildSchemaOptions,
  buildSchema,
  createResolversMap,
  type NonEmptyArray,
  registerEnumType,
} from 'type-graphql';
import { RoleAuthChecker } from './auth';
import { auditMutations } from './granskning';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ' +
  '["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", ' +
  '"@tag", "@override", "@authenticated", "@requiresScopes", "@policy"])';

let enumsRegistered = false;

/** The shared value types, registered once per process with the same names everywhere. */
export function registerDomainTypes(): void {
  if (enumsRegistered) return;
  enumsRegistered = true;
  registerEnumType(Miljo, {
    name: 'Miljo',
    description: 'Våldsbejakande extremistmiljö (or an anti-democratic or unspecified one).',
  });
  registerEnumType(Niva, {
    name: 'Niva',
    description: "The police's qualitative level: the source says 'ett fåtal', not a number.",
  });
  registerEnumType(Rapporteringsstatus, {
    name: 'Rapporteringsstatus',
    description: 'Rapporterat, rapporterat noll, eller ingen rapport för perioden.',
  });
  registerEnumType(Klassning, {
    name: 'Klassning',
    description: 'Classification of a record and so who may read it.',
  });
}

export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never) => unknown }
>;

export interface FederatedSchemaInput {
  // biome-ignore lint/complexity/noBannedTypes: type-graphql's own resolver list type.
  resolvers: NonEmptyArray<Function>;
  /** Entity stubs only reachable through field resolvers (type-graphql drops them otherwise). */
  // biome-ignore lint/complexity/noBannedTypes: as above.
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type; batch them through loaders. */
  references?: ReferenceResolvers;
  extra?: Partial<BuildSchemaOptions>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL, federation link included: what composition reads. */
  sdl: string;
}

/**
 * type-graphql classes → a Federation 2 subgraph schema: build with type-graphql, print
 * with directives (graphql-js drops them), link the federation spec, and hand SDL plus
 * type-graphql's resolvers and the batched reference resolvers to `buildSubgraphSchema`.
 */
export async function buildFederatedSchema(input: FederatedSchemaInput): Promise<FederatedSchema> {
  registerDomainTypes();
  const typeGraphqlSchema = await buildSchema({
    resolvers: input.resolvers,
    orphanedTypes: input.orphanedTypes ?? [],
    skipCheck: true,
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    authChecker: RoleAuthChecker,
    scalarsMap: [],
    ...input.extra,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(input.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference } as never;
  }
  // Every successful write is logged, in the write's transaction.
  auditMutations(resolvers.Mutation as never);
  // Scalars need their parse/serialize functions in the SDL-built schema too.
  resolvers.Period = PeriodScalar as never;
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}
