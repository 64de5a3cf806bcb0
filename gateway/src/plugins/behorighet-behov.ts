import type { Principal } from '@lagesbild/auth';
import { satisfiesScopes, scopesFor } from '@lagesbild/domain';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Behorighetskrav } from './behorighet-krav';

/** What one operation reads that has a requirement: `Type.field` or `Type`, and the rule. */
export interface Behov {
  element: string;
  scopes?: string[][];
  autentiserad?: boolean;
}

function usedFragments(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const seen = new Map<string, FragmentDefinitionNode>();
  const walk = (set: SelectionSetNode) => {
    visit(set, {
      FragmentSpread(node) {
        const name = node.name.value;
        const def = fragments.get(name);
        if (!def || seen.has(name)) return;
        seen.set(name, def);
        walk(def.selectionSet);
      },
    });
  };
  walk(operation.selectionSet);
  return [...seen.values()];
}

/**
 * Walks the operation (and the fragments it spreads, inline fragments and aliases
 * included) with graphql's TypeInfo against the API schema and lists each field or
 * returned type that has a requirement, once.
 */
export function behovFor(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  krav: Behorighetskrav,
): Behov[] {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return [];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const behov = new Map<string, Behov>();
  const need = (element: string) => {
    if (behov.has(element)) return;
    const scopes = krav.scopes.get(element);
    const autentiserad = krav.autentiserad.has(element);
    if (scopes || autentiserad) {
      behov.set(element, {
        element,
        ...(scopes ? { scopes } : {}),
        ...(autentiserad ? { autentiserad } : {}),
      });
    }
  };
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!parent || node.name.value.startsWith('__')) return;
      need(`${parent.name}.${node.name.value}`);
      // Selected on an interface: the field's rule on any type it may resolve on counts.
      if (isAbstractType(parent)) {
        for (const t of schema.getPossibleTypes(parent)) need(`${t.name}.${node.name.value}`);
      }
      const returned = typeInfo.getType();
      if (returned) need(getNamedType(returned).name);
    },
    // A fragment on a type with a rule reads that type.
    InlineFragment(node) {
      if (node.typeCondition) need(node.typeCondition.name.value);
    },
    FragmentDefinition(node) {
      need(node.typeCondition.name.value);
    },
  });
  for (const root of [operation, ...usedFragments(operation, fragments)]) visit(root, visitor);
  return [...behov.values()];
}

function visaKrav(scopes: string[][]): string {
  return scopes.map((all) => all.join(' och ')).join(' eller ');
}

/**
 * The requirements of one operation the caller does not meet, by element (`Type.field` or
 * `Type`), each as Swedish text naming the element and what it needs.
 */
export function saknadeKrav(
  behov: readonly Behov[],
  viewer: Principal | undefined,
): Map<string, string> {
  const held: ReadonlySet<string> = scopesFor(viewer?.roller ?? []);
  const saknas = new Map<string, string>();
  for (const b of behov) {
    if (b.autentiserad && !viewer) saknas.set(b.element, `${b.element} (kräver inloggning)`);
    else if (b.scopes && !satisfiesScopes(held, b.scopes)) {
      saknas.set(b.element, `${b.element} (kräver ${visaKrav(b.scopes)})`);
    }
  }
  return saknas;
}

/** The requirements the caller does not meet, as Swedish text. */
export function saknadBehorighet(behov: readonly Behov[], viewer: Principal | undefined): string[] {
  return [...saknadeKrav(behov, viewer).values()];
}
