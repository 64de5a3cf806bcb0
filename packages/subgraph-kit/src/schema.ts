import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  Klassning,
  Miljo,
  Niva,
  PeriodLage,
  PeriodScalar,
  Rapporteringsstatus,
} from '@lagesbild/domain';
import { type ValidationError, validateOrReject } from 'class-validator';
import { type GraphQLSchema, parse } from 'graphql';
import {
  ArgumentValidationError,
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
    description:
      'Våldsbejakande extremistmiljö (eller en antidemokratisk men inte våldsbejakande, eller ospecificerad).',
  });
  registerEnumType(Niva, {
    name: 'Niva',
    description: 'Polisens kvalitativa nivå: källan säger "ett fåtal", inte ett antal.',
  });
  registerEnumType(Rapporteringsstatus, {
    name: 'Rapporteringsstatus',
    description:
      'Partnerns rapportering för perioden. Bara RAPPORTERAT och RAPPORTERAT_NOLL ger antal; ' +
      'annars är antalen null, aldrig 0.',
    valuesConfig: {
      RAPPORTERAT: { description: 'Rapporterat för perioden, med minst ett antal över noll.' },
      RAPPORTERAT_NOLL: { description: 'Rapporterat noll för perioden: antalen är 0.' },
      RAPPORTERAT_GROVRE_PERIOD: {
        description:
          'Rapporterat bara för en längre period som innehåller denna (t.ex. hela 2016 när ' +
          '2016-H2 efterfrågas): antalen är null här och visas för den längre perioden (grovrePeriod).',
      },
      EJ_RAPPORTERAT: { description: 'Ingen rapport för perioden: antalen är null.' },
    },
  });
  registerEnumType(PeriodLage, {
    name: 'PeriodLage',
    description: 'Om perioden är avslutad, pågår eller inte har börjat (räknat på dagens datum).',
    valuesConfig: {
      AVSLUTAD: { description: 'Perioden är slut.' },
      PAGAR: { description: 'Perioden pågår: siffrorna kan ändras.' },
      EJ_PABORJAD: { description: 'Perioden har inte börjat: ingen partner kan ha rapporterat.' },
    },
  });
  registerEnumType(Klassning, {
    name: 'Klassning',
    description: 'En posts klassning, och därmed vem som får läsa den.',
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

const VALIDATOR_OPTIONS = {
  forbidUnknownValues: false,
  stopAtFirstError: false,
  skipMissingProperties: true,
} as const;

/**
 * class-validator on the arguments that are input classes, and only on those: type-graphql's
 * own check runs it on every object argument, the `Period` scalar of every read included
 * (it has no rules to check). Same options and the same ArgumentValidationError as
 * type-graphql's check, so a refusal looks as before.
 */
async function validateInputClass(argValue: unknown, argType: unknown): Promise<void> {
  if (typeof argType !== 'function' || argValue === null || typeof argValue !== 'object') return;
  try {
    if (Array.isArray(argValue)) {
      await Promise.all(
        argValue
          .filter((v): v is object => v !== null && typeof v === 'object')
          .map((v) => validateOrReject(v, VALIDATOR_OPTIONS)),
      );
    } else {
      await validateOrReject(argValue, VALIDATOR_OPTIONS);
    }
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
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
    validateFn: validateInputClass,
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
