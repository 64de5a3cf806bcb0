import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '@lagesbild/auth';
import { satisfiesScopes, scopesFor } from '@lagesbild/domain';
import {
  type ArgumentNode,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Access rules read from the supergraph: federation's `@requiresScopes` and
 * `@authenticated`, keyed by `Type.field` for fields and `Type` for types. Apollo's Node
 * gateway does not enforce them (it refuses to load a supergraph that declares them "for:
 * SECURITY"), so the gateway reads them here and checks every operation itself.
 */
export interface Behorighetskrav {
  /** Alternatives of scope sets (federation's `[[…]]`): any one list, fully held, suffices. */
  scopes: Map<string, string[][]>;
  /** What needs a signed-in caller (`@authenticated`). */
  autentiserad: Set<string>;
}

const SPEC = {
  requiresScopes: 'https://specs.apollo.dev/requiresScopes/',
  authenticated: 'https://specs.apollo.dev/authenticated/',
} as const;

function stringArg(args: readonly ArgumentNode[] | undefined, name: string): string | undefined {
  const v = args?.find((a) => a.name.value === name)?.value;
  return v?.kind === Kind.STRING || v?.kind === Kind.ENUM ? v.value : undefined;
}

function isLinkTo(directive: DirectiveNode, spec: string): boolean {
  return (
    directive.name.value === 'link' && !!stringArg(directive.arguments, 'url')?.startsWith(spec)
  );
}

/**
 * The name a linked spec's directive has in this supergraph: `@link(as:)` renames it,
 * otherwise it is the spec's own name (both specs are linked without a namespace prefix).
 */
function directiveNames(doc: DocumentNode): { requiresScopes: string; authenticated: string } {
  const names = { requiresScopes: 'requiresScopes', authenticated: 'authenticated' };
  for (const def of doc.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const d of def.directives ?? []) {
      for (const key of ['requiresScopes', 'authenticated'] as const) {
        const alias = isLinkTo(d, SPEC[key]) ? stringArg(d.arguments, 'as') : undefined;
        if (alias) names[key] = alias;
      }
    }
  }
  return names;
}

function scopesArg(directive: ConstDirectiveNode): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === 'scopes')?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) =>
    inner.kind === Kind.LIST
      ? inner.values.flatMap((s) => (s.kind === Kind.STRING ? [s.value] : []))
      : [],
  );
}

/** Reads every `@requiresScopes` / `@authenticated` of the supergraph, by Type.field and Type. */
export function lasBehorighetskrav(supergraphSdl: string): Behorighetskrav {
  const doc = parse(supergraphSdl);
  const names = directiveNames(doc);
  const krav: Behorighetskrav = { scopes: new Map(), autentiserad: new Set() };
  const note = (key: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const d of directives ?? []) {
      if (d.name.value === names.authenticated) krav.autentiserad.add(key);
      if (d.name.value === names.requiresScopes) {
        // Two declarations of one element (a type and its extension) both apply.
        krav.scopes.set(key, mergeAll(krav.scopes.get(key), scopesArg(d)));
      }
    }
  };
  for (const def of doc.definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.INTERFACE_TYPE_EXTENSION &&
      def.kind !== Kind.SCALAR_TYPE_DEFINITION &&
      def.kind !== Kind.ENUM_TYPE_DEFINITION
    ) {
      continue;
    }
    const type = def.name.value;
    note(type, def.directives);
    if ('fields' in def)
      for (const f of def.fields ?? []) note(`${type}.${f.name.value}`, f.directives);
  }
  return krav;
}

/** Both requirements hold: every pair of alternatives, combined (what federation does). */
function mergeAll(a: string[][] | undefined, b: string[][]): string[][] {
  if (!a) return b;
  return a.flatMap((x) => b.map((y) => [...new Set([...x, ...y])]));
}

/**
 * The supergraph as Apollo Gateway will load it: the `for: SECURITY` purpose dropped from
 * the requiresScopes and authenticated links (the gateway refuses security features it
 * does not implement; this gateway implements these two itself, see behorighetPlugin). Any
 * other security feature is left as it is, so the gateway still refuses what nobody enforces.
 */
export function forApolloGateway(supergraphSdl: string): string {
  const doc = parse(supergraphSdl);
  let changed = false;
  const edited = visit(doc, {
    Directive(node) {
      if (!isLinkTo(node, SPEC.requiresScopes) && !isLinkTo(node, SPEC.authenticated)) return;
      if (!node.arguments?.some((a) => a.name.value === 'for')) return;
      changed = true;
      return { ...node, arguments: node.arguments.filter((a) => a.name.value !== 'for') };
    },
  });
  return changed ? `${print(edited)}\n` : supergraphSdl;
}

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
      const returned = typeInfo.getType();
      if (returned) need(getNamedType(returned).name);
    },
  });
  for (const root of [operation, ...usedFragments(operation, fragments)]) visit(root, visitor);
  return [...behov.values()];
}

function visaKrav(scopes: string[][]): string {
  return scopes.map((all) => all.join(' och ')).join(' eller ');
}

/** The requirements the caller does not meet, as Swedish text for the refusal. */
export function saknadBehorighet(behov: readonly Behov[], viewer: Principal | undefined): string[] {
  const held: ReadonlySet<string> = scopesFor(viewer?.roller ?? []);
  const saknas: string[] = [];
  for (const b of behov) {
    if (b.autentiserad && !viewer) saknas.push(`${b.element} (kräver inloggning)`);
    else if (b.scopes && !satisfiesScopes(held, b.scopes)) {
      saknas.push(`${b.element} (kräver ${visaKrav(b.scopes)})`);
    }
  }
  return saknas;
}

/**
 * The gateway's own check of `@requiresScopes` / `@authenticated`: before the query is
 * planned, so before any subgraph is called, an operation that reads a field the caller
 * may not read is refused as a whole with FORBIDDEN. The subgraph that owns the field
 * checks again (type-graphql's `@Authorized`). `kravNu` gives the requirements of the
 * supergraph being served (replaced on every reload); the per-document walk is cached, so
 * a repeated operation costs a set lookup per restricted field.
 */
export function behorighetPlugin(
  kravNu: () => Behorighetskrav,
): ApolloServerPlugin<{ viewer?: Principal }> {
  let cacheFor: Behorighetskrav | undefined;
  let cache = new WeakMap<DocumentNode, Map<string, Behov[]>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, schema, contextValue }) {
          const krav = kravNu();
          if (krav !== cacheFor) {
            cacheFor = krav;
            cache = new WeakMap();
          }
          let perOperation = cache.get(document);
          if (!perOperation) {
            perOperation = new Map();
            cache.set(document, perOperation);
          }
          const key = operationName ?? '';
          let behov = perOperation.get(key);
          if (!behov) {
            behov = behovFor(schema, document, operationName, krav);
            perOperation.set(key, behov);
          }
          if (behov.length === 0) return;
          const saknas = saknadBehorighet(behov, contextValue.viewer);
          if (saknas.length === 0) return;
          throw new GraphQLError(
            `Din roll har inte behörighet att ${vadSomSaknas(saknas)}. ` +
              'Frågan har inte skickats till någon källa.',
            {
              extensions: {
                code: 'FORBIDDEN',
                saknadBehorighet: saknas,
                http: { status: 403 },
              },
            },
          );
        },
      };
    },
  };
}

/**
 * "utföra Mutation.x" for a write, "läsa Typ.falt" for a read: a refused mutation is not a
 * refused read, and the message should say which the reader tried.
 */
export function vadSomSaknas(saknas: readonly string[]): string {
  const andringar = saknas.filter((s) => s.startsWith('Mutation.'));
  const lasningar = saknas.filter((s) => !s.startsWith('Mutation.'));
  const delar: string[] = [];
  if (andringar.length > 0) delar.push(`utföra ${andringar.join(', ')}`);
  if (lasningar.length > 0) delar.push(`läsa ${lasningar.join(', ')}`);
  return delar.join(' eller ');
}
