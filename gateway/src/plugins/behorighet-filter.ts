import { createHash } from 'node:crypto';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  GraphQLError,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  type InlineFragmentNode,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** Apollo Router's code for a field or type removed from the operation before planning. */
export const UNAUTHORIZED_FIELD_OR_TYPE = 'UNAUTHORIZED_FIELD_OR_TYPE';

/**
 * What keeps the caller from one selected field: the field's own rule (on every type it may
 * resolve on, when selected on an interface) and the rule of the type it returns.
 */
function nekadFalt(
  schema: GraphQLSchema,
  saknas: ReadonlyMap<string, string>,
  parent: GraphQLCompositeType,
  name: string,
): string[] {
  const elements = [`${parent.name}.${name}`];
  if (isAbstractType(parent)) {
    for (const t of schema.getPossibleTypes(parent)) elements.push(`${t.name}.${name}`);
  }
  const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
  if (field) elements.push(getNamedType(field.type).name);
  return [...new Set(elements.flatMap((e) => saknas.get(e) ?? []))];
}

/** The operation as the gateway plans it when something was removed from it. */
export interface Filtrering {
  /** The chosen operation and the fragments it still spreads, nothing else. */
  dokument: DocumentNode;
  operation: OperationDefinitionNode;
  /** Its text and that text's sha256: Apollo Gateway keys its query plans by the hash. */
  text: string;
  queryHash: string;
  /** Nothing is left for any source to answer: no subgraph is asked at all. */
  tom: boolean;
  /** Each removed element (`Type.field`, or `Type` for a fragment on it) and what it needs. */
  borttagna: Map<string, string[]>;
  /** The alias of the `__typename` the gateway adds where a selection needs one. */
  markor: string;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

/** An alias no name in the document uses. */
function unikMarkor(document: DocumentNode): string {
  const names = new Set<string>();
  visit(document, {
    Name(node) {
      names.add(node.value);
    },
  });
  let markor = '_behorighet';
  while (names.has(markor)) markor = `${markor}_`;
  return markor;
}

/**
 * Apollo Router's filtering: every field the caller may not read (its rule, or its returned
 * type's) and every fragment on a type the caller may not read is removed from the
 * operation before it is planned. A selection left empty keeps its object with an aliased
 * `__typename`, so the removed fields are answered `null` where the object is; so does every
 * selection on an interface or union, so the answer can be read by its concrete type.
 * Undefined when nothing was removed.
 */
export function filtrera(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  saknas: ReadonlyMap<string, string>,
): Filtrering | undefined {
  const fragments = fragmentsOf(document);
  const markor = unikMarkor(document);
  const markorFalt: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: markor },
    name: { kind: Kind.NAME, value: '__typename' },
  };
  const borttagna = new Map<string, string[]>();
  const typInfo = new TypeInfo(schema);
  const nekadTyp = (typ: string): boolean => {
    const text = saknas.get(typ);
    if (text) borttagna.set(typ, [text]);
    return text !== undefined;
  };
  const visitor = visitWithTypeInfo(typInfo, {
    Field(node) {
      const parent = typInfo.getParentType();
      if (!parent || node.name.value.startsWith('__')) return undefined;
      const saknat = nekadFalt(schema, saknas, parent, node.name.value);
      if (saknat.length === 0) return undefined;
      borttagna.set(`${parent.name}.${node.name.value}`, saknat);
      return null;
    },
    InlineFragment(node) {
      const typ = node.typeCondition?.name.value;
      return typ && nekadTyp(typ) ? null : undefined;
    },
    FragmentSpread(node) {
      const typ = fragments.get(node.name.value)?.typeCondition.name.value;
      return typ && nekadTyp(typ) ? null : undefined;
    },
    SelectionSet: {
      leave(node) {
        const typ = typInfo.getParentType();
        if (node.selections.length > 0 && !(typ && isAbstractType(typ))) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === markor)) {
          return undefined;
        }
        return { ...node, selections: [...node.selections, markorFalt] };
      },
    },
  });
  const op = visit(operation, visitor);
  // Only the fragments the filtered operation still reaches: one spread only inside a
  // removed field is neither planned nor reported.
  const nyaFragment = new Map<string, FragmentDefinitionNode>();
  const kvar: SelectionSetNode[] = [op.selectionSet];
  for (let set = kvar.pop(); set; set = kvar.pop()) {
    visit(set, {
      FragmentSpread(node) {
        const f = fragments.get(node.name.value);
        if (!f || nyaFragment.has(node.name.value)) return;
        const ny = visit(f, visitor);
        nyaFragment.set(node.name.value, ny);
        kvar.push(ny.selectionSet);
      },
    });
  }
  if (borttagna.size === 0) return undefined;
  const anvanda = [...nyaFragment.values()];
  const dokument: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...anvanda] };
  const text = print(dokument);
  return {
    dokument,
    operation: op,
    text,
    queryHash: createHash('sha256').update(text).digest('hex'),
    tom: !harFalt(op.selectionSet, nyaFragment, markor, new Set()),
    borttagna,
    markor,
  };
}

/** Whether a selection still asks for a field, through its fragments, besides the marker. */
function harFalt(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  markor: string,
  sedda: Set<string>,
): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.alias?.value !== markor;
    if (s.kind === Kind.INLINE_FRAGMENT) return harFalt(s.selectionSet, fragments, markor, sedda);
    const f = fragments.get(s.name.value);
    if (!f || sedda.has(s.name.value)) return false;
    sedda.add(s.name.value);
    return harFalt(f.selectionSet, fragments, markor, sedda);
  });
}

/** A non-null position left without a value: its parent must become null (GraphQL's rule). */
const NULL_UPPAT = Symbol('null uppåt');
type Svar = unknown;

function arMutation(element: string): boolean {
  return element.startsWith('Mutation.');
}

function nekadText(saknat: readonly string[], element: string): string {
  const foljd = arMutation(element)
    ? 'Ändringen har inte skickats till någon källa.'
    : element.includes('.')
      ? 'Fältet har tagits bort ur frågan och besvaras med null.'
      : 'Fälten av typen har tagits bort ur frågan.';
  return `Din roll har inte behörighet att ${vadSomSaknas(saknat)}. ${foljd}`;
}

/**
 * Builds the caller's answer from the gateway's answer to the filtered operation, by the
 * operation the caller sent (aliases, fragments, @skip/@include as graphql-js collects
 * them): each removed field is `null` where its object is, with one error per position
 * naming the field and what it needs; a removed non-null field makes its nearest nullable
 * parent null, as GraphQL does. A removed field with no position in the answer (its parent
 * is null, or a list is empty) is named once, without a path.
 */
export class Ifyllnad {
  readonly fel: GraphQLError[] = [];
  private readonly rapporterade = new Set<string>();
  private readonly fragments: Map<string, FragmentDefinitionNode>;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly filtrering: Filtrering,
    private readonly saknas: ReadonlyMap<string, string>,
    private readonly variabler: Record<string, unknown>,
  ) {
    this.fragments = fragmentsOf(document);
  }

  /** The answer's data for `operation`, and every error of the removal. */
  svar(operation: OperationDefinitionNode, data: Record<string, unknown> | null | undefined) {
    const rot = this.schema.getRootType(operation.operation);
    let ut: Record<string, unknown> | null = null;
    if (rot && data) {
      const r = this.objekt(data, rot, [operation.selectionSet], []);
      ut = r === NULL_UPPAT ? null : (r as Record<string, unknown>);
    }
    for (const [element, saknat] of this.filtrering.borttagna) {
      if (this.rapporterade.has(element)) continue;
      this.fel.push(
        new GraphQLError(nekadText(saknat, element), {
          extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE, saknadBehorighet: saknat },
        }),
      );
    }
    return { data: ut, errors: this.fel };
  }

  private nekad(element: string, saknat: readonly string[], path: readonly (string | number)[]) {
    this.rapporterade.add(element);
    this.fel.push(
      new GraphQLError(nekadText(saknat, element), {
        path,
        extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE, saknadBehorighet: saknat },
      }),
    );
  }

  private inkluderas(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variabler)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variabler)?.if !== false;
  }

  private galler(villkor: GraphQLNamedType | undefined, typ: GraphQLObjectType): boolean {
    if (!villkor) return false;
    if (villkor === typ) return true;
    return isAbstractType(villkor) && this.schema.isSubType(villkor, typ);
  }

  private samla(
    set: SelectionSetNode,
    typ: GraphQLObjectType,
    sammanhang: GraphQLCompositeType,
    falt: Map<string, { noder: FieldNode[]; saknat?: { element: string; texter: string[] } }>,
    sedda: Set<string>,
    path: readonly (string | number)[],
  ): void {
    for (const s of set.selections) {
      if (!this.inkluderas(s)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        let post = falt.get(key);
        if (!post) {
          post = { noder: [] };
          falt.set(key, post);
        }
        post.noder.push(s);
        if (!post.saknat && !s.name.value.startsWith('__')) {
          const texter = nekadFalt(this.schema, this.saknas, sammanhang, s.name.value);
          if (texter.length > 0)
            post.saknat = { element: `${sammanhang.name}.${s.name.value}`, texter };
        }
        continue;
      }
      let villkorsnamn: string | undefined;
      let urval: SelectionSetNode;
      if (s.kind === Kind.INLINE_FRAGMENT) {
        villkorsnamn = s.typeCondition?.name.value;
        urval = s.selectionSet;
      } else {
        const f = this.fragments.get(s.name.value);
        if (!f || sedda.has(s.name.value)) continue;
        sedda.add(s.name.value);
        villkorsnamn = f.typeCondition.name.value;
        urval = f.selectionSet;
      }
      const villkor = villkorsnamn ? this.schema.getType(villkorsnamn) : sammanhang;
      if (!this.galler(villkor, typ) || !isCompositeType(villkor)) continue;
      const saknat = villkorsnamn ? this.saknas.get(villkorsnamn) : undefined;
      if (villkorsnamn && saknat) {
        this.nekad(villkorsnamn, [saknat], path);
        continue;
      }
      this.samla(urval, typ, villkor, falt, sedda, path);
    }
  }

  private objekt(
    value: Record<string, unknown>,
    statisk: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    path: readonly (string | number)[],
  ): Svar {
    const namn = isAbstractType(statisk) ? value[this.filtrering.markor] : statisk.name;
    const typ = typeof namn === 'string' ? this.schema.getType(namn) : undefined;
    if (!isObjectType(typ)) return value;
    const falt = new Map<
      string,
      { noder: FieldNode[]; saknat?: { element: string; texter: string[] } }
    >();
    const sedda = new Set<string>();
    for (const set of sets) this.samla(set, typ, typ, falt, sedda, path);
    const ut: Record<string, unknown> = {};
    let nullUppat = false;
    for (const [key, { noder, saknat }] of falt) {
      const def = typ.getFields()[noder[0]?.name.value ?? ''];
      if (key in value) {
        if (!def) {
          ut[key] = value[key];
          continue;
        }
        const under = noder.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
        const r = this.varde(value[key], def.type, under, [...path, key]);
        if (r === NULL_UPPAT) nullUppat = true;
        else ut[key] = r;
      } else if (saknat) {
        ut[key] = null;
        this.nekad(saknat.element, saknat.texter, [...path, key]);
        if (def && isNonNullType(def.type)) nullUppat = true;
      }
    }
    return nullUppat ? NULL_UPPAT : ut;
  }

  private varde(
    value: unknown,
    typ: GraphQLOutputType,
    sets: readonly SelectionSetNode[],
    path: readonly (string | number)[],
  ): Svar {
    if (isNonNullType(typ)) {
      const r = this.varde(value, typ.ofType, sets, path);
      return r === null ? NULL_UPPAT : r;
    }
    const r = this.inre(value, typ, sets, path);
    return r === NULL_UPPAT ? null : r;
  }

  private inre(
    value: unknown,
    typ: GraphQLOutputType,
    sets: readonly SelectionSetNode[],
    path: readonly (string | number)[],
  ): Svar {
    if (value === null || value === undefined) return value;
    if (isListType(typ)) {
      if (!Array.isArray(value)) return value;
      let nullUppat = false;
      const ut = value.map((v, i) => {
        const r = this.varde(v, typ.ofType, sets, [...path, i]);
        if (r === NULL_UPPAT) nullUppat = true;
        return r;
      });
      return nullUppat ? NULL_UPPAT : ut;
    }
    if (isLeafType(typ) || typeof value !== 'object') return value;
    return this.objekt(value as Record<string, unknown>, typ as GraphQLCompositeType, sets, path);
  }
}

/**
 * An error at the `__typename` the gateway asked for in place of removed fields (a source
 * that did not answer names every field it was to give) is the object's error: the path
 * stops at the object, so the caller never sees an alias it did not write.
 */
export function utanMarkor(error: GraphQLError, markor: string): GraphQLError {
  const i = error.path?.indexOf(markor) ?? -1;
  if (i < 0 || !error.path) return error;
  return new GraphQLError(error.message, {
    path: error.path.slice(0, i),
    extensions: error.extensions,
    ...(error.originalError ? { originalError: error.originalError } : {}),
  });
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
