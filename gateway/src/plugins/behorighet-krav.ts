import {
  type ArgumentNode,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  Kind,
  parse,
  print,
  visit,
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
 * does not implement; this gateway implements these two itself, see medBehorighet). Any
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
