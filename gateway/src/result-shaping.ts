import type { GraphQLError } from 'graphql';

/**
 * The gateway's result shaping: the answer a client gets, built from the subgraphs' merged
 * data along the client's operation. It does what Apollo Gateway 2.14.4's `computeResponse`
 * (dist/resultShaping.js) does, with the same answers and the same errors, and is installed
 * in its place (apollo-interna.ts, reach 6). Apollo's allocates on every field: an object
 * for each value it returns, two filtered arrays for `@skip`/`@include`, a closure per
 * assertion, a string per number it checks. Under the distinct-reader load that was 15 % of
 * the gateway's CPU and nearly half of what it allocated (bench/README.md, "Fourth pass").
 * Here a value's outcome is two flags on the walk, each selection of a kept operation is read
 * once (its name, type and directives), and nothing is built for a check that passes.
 *
 * result-shaping.test.ts holds the two to the same output on generated answers, valid and
 * broken (nulls in non-null fields, wrong leaf values, unknown typenames, missing fields).
 */

/**
 * The prototype of every object in the answer: itself without a prototype and without
 * properties, so like `Object.create(null)` nothing is inherited (a response name such as
 * `constructor` reads as absent, and `__proto__` is an own property). Unlike
 * `Object.create(null)`, which V8 makes a dictionary, an object made from it keeps fast
 * properties: the answer is built about 1.7 times and serialized about twice as fast
 * (bench/README.md, "Sixth pass").
 */
const RESULT_PROTOTYPE: object = Object.freeze(Object.create(null));

/** What this module reads of federation-internals' schema, types and operations. */
export interface FederationInternals {
  isNonNullType(type: unknown): type is { ofType: unknown };
  isListType(type: unknown): type is { ofType: unknown };
  isCompositeType(type: unknown): boolean;
  isObjectType(type: unknown): type is { name: string };
  isSubtype(maybeSuper: unknown, maybeSub: unknown): boolean;
  isValidLeafValue(schema: unknown, value: unknown, type: unknown): boolean;
  Variable: new (...args: never[]) => { name: string };
  typenameFieldName: string;
  ERRORS: { INVALID_GRAPHQL: { err(message: string, options: { path: unknown[] }): GraphQLError } };
}

interface Schema {
  type(name: string): unknown;
  schemaDefinition: { rootType(kind: unknown): unknown };
}

interface Directive {
  name: string;
  arguments(): { if?: unknown };
}

interface Element {
  appliedDirectives: readonly Directive[];
}

interface FieldElement extends Element {
  name: string;
  definition: { type: unknown; isSchemaIntrospectionField(): boolean };
  responseName(): string;
}

interface FragmentElement extends Element {
  typeCondition?: unknown;
}

interface Selection {
  kind: 'FieldSelection' | 'FragmentSelection';
  element: Element;
  selectionSet?: SelectionSet;
}

interface SelectionSet {
  selections(): readonly Selection[];
}

export interface ShapedOperation {
  schema(): Schema;
  selectionSet: SelectionSet;
  rootKind: unknown;
  collectDefaultedVariableValues(): Record<string, unknown>;
}

export interface ComputeResponseArgs {
  operation: ShapedOperation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: Selection) => unknown;
}

export type ComputeResponse = (args: ComputeResponseArgs) => {
  data: unknown;
  errors: GraphQLError[];
};

/** A selection's `@skip` and `@include`, or NONE when it has neither (nearly all). */
type Conditions = readonly [skip: Directive | undefined, include: Directive | undefined];
const NONE: Conditions = [undefined, undefined];

/**
 * One selection of a kept operation, read once: what the walk asks of it for every object,
 * without a call into federation-internals' getters per field and object.
 */
interface Step {
  readonly fragment: boolean;
  readonly selection: Selection;
  readonly conditions: Conditions;
  /** A field's response name; '' for a fragment. */
  readonly responseName: string;
  /** A field's name; '' for a fragment. */
  readonly name: string;
  readonly introspection: boolean;
  /** A field's type, or a fragment's type condition. */
  readonly type: unknown;
  readonly selectionSet: SelectionSet | undefined;
}

export function createComputeResponse(fed: FederationInternals): ComputeResponse {
  // Read once: federation-internals' index re-exports each of these through a getter.
  const {
    isNonNullType,
    isListType,
    isCompositeType,
    isObjectType,
    isSubtype,
    isValidLeafValue,
    Variable,
    ERRORS,
  } = fed;
  const TYPENAME = fed.typenameFieldName;
  const conditionsOf = (element: Element): Conditions => {
    let skip: Directive | undefined;
    let include: Directive | undefined;
    for (const d of element.appliedDirectives) {
      if (d.name === 'skip' && skip === undefined) skip = d;
      else if (d.name === 'include' && include === undefined) include = d;
    }
    return skip || include ? [skip, include] : NONE;
  };

  // Keyed by the kept operation's selection sets (apollo-interna.ts keeps one operation per
  // schema and document), which federation-internals never changes once built.
  const steps = new WeakMap<SelectionSet, readonly Step[]>();

  const stepsOf = (selectionSet: SelectionSet): readonly Step[] => {
    let found = steps.get(selectionSet);
    if (found === undefined) {
      found = selectionSet.selections().map((selection): Step => {
        const conditions = conditionsOf(selection.element);
        if (selection.kind === 'FieldSelection') {
          const field = selection.element as FieldElement;
          return {
            fragment: false,
            selection,
            conditions,
            responseName: field.responseName(),
            name: field.name,
            introspection: field.definition.isSchemaIntrospectionField(),
            type: field.definition.type,
            selectionSet: selection.selectionSet,
          };
        }
        return {
          fragment: true,
          selection,
          conditions,
          responseName: '',
          name: '',
          introspection: false,
          type: (selection.element as FragmentElement).typeCondition,
          selectionSet: selection.selectionSet,
        };
      });
      steps.set(selectionSet, found);
    }
    return found;
  };

  const hasOwn = Object.prototype.hasOwnProperty;

  /** One shaping: the request's schema, variables and errors, and each value's outcome. */
  class Shaping {
    readonly errors: GraphQLError[] = [];
    readonly path: (string | number)[] = [];
    /** Set by `value()`: the value is null where it may not be (the parent goes null). */
    invalid = false;
    /** Set by `value()`: an error was recorded at or below the value. */
    failed = false;

    constructor(
      readonly schema: Schema,
      readonly variables: Record<string, unknown>,
      readonly introspection: (selection: Selection) => unknown,
    ) {}

    ifValue(directive: Directive): unknown {
      const arg = directive.arguments().if;
      if (arg instanceof Variable) {
        const value = this.variables[arg.name];
        if (value === undefined || typeof value !== 'boolean') {
          throw new Error(`Unexpected value ${value} for variable ${arg} of ${directive}`);
        }
        return value;
      }
      return arg;
    }

    skipped(conditions: Conditions): boolean {
      if (conditions === NONE) return false;
      const [skip, include] = conditions;
      return Boolean((skip && this.ifValue(skip)) || (include && !this.ifValue(include)));
    }

    describeLast(currentType: unknown, parentType: unknown): string {
      const element = this.path[this.path.length - 1];
      if (element === undefined) throw new Error('Should not have been called on an empty path');
      return typeof element === 'string'
        ? `field ${parentType}.${element}`
        : `array element of type ${currentType} at index ${element}`;
    }

    error(message: string): void {
      this.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(this.path) }));
    }

    /** Fills `output` from `input` along `selectionSet`; false: null bubbles up. */
    apply(
      input: Record<string, unknown>,
      selectionSet: SelectionSet,
      output: Record<string, unknown>,
      parentType: unknown,
    ): boolean {
      for (const step of stepsOf(selectionSet)) {
        if (this.skipped(step.conditions)) continue;
        if (!step.fragment) {
          const responseName = step.responseName;
          const outputValue = output[responseName];
          if (step.introspection) {
            if (outputValue === undefined)
              output[responseName] = this.introspection(step.selection);
            continue;
          }
          let inputValue = hasOwn.call(input, responseName) ? input[responseName] : undefined;
          inputValue ??= null;
          if (step.name === TYPENAME) {
            if (outputValue === undefined) {
              if (inputValue === null && responseName !== TYPENAME) {
                inputValue = input[TYPENAME] ?? null;
              }
              const type =
                inputValue !== null && typeof inputValue === 'string'
                  ? (this.schema.type(inputValue) ?? parentType)
                  : parentType;
              if (!isObjectType(type)) return false;
              output[responseName] = type.name;
            }
            continue;
          }
          this.path.push(responseName);
          output[responseName] = this.value(
            outputValue,
            step.type,
            inputValue,
            step.selectionSet,
            parentType,
          );
          this.path.pop();
          if (this.invalid) return false;
        } else {
          const typename = input[TYPENAME];
          if (typename && typeof typename !== 'string') {
            throw new Error(`Got unexpected value for __typename: ${typename}`);
          }
          if (this.conditionApplies(step.type, typename, parentType)) {
            const ok = this.apply(
              input,
              step.selectionSet as SelectionSet,
              output,
              step.type ?? parentType,
            );
            if (!ok) return false;
          }
        }
      }
      return true;
    }

    conditionApplies(typeCondition: unknown, typename: unknown, parentType: unknown): boolean {
      if (!typeCondition) return true;
      if (typename) {
        const type = this.schema.type(typename as string);
        return !!type && isSubtype(typeCondition, type);
      }
      return isSubtype(typeCondition, parentType);
    }

    /**
     * The shaped value for one position; `invalid` and `failed` say how it went (as
     * Apollo's `{ updated, isInvalid, hasErrors }`).
     */
    value(
      outputValue: unknown,
      type: unknown,
      inputValue: unknown,
      selectionSet: SelectionSet | undefined,
      parentType: unknown,
    ): unknown {
      if (inputValue === undefined) {
        throw new Error('Should not pass undefined for `inputValue` to this method');
      }
      this.invalid = false;
      this.failed = false;
      if (outputValue === null || (outputValue !== undefined && !selectionSet)) {
        return outputValue;
      }
      if (isNonNullType(type)) {
        const updated = this.value(outputValue, type.ofType, inputValue, selectionSet, parentType);
        if (updated === null) {
          if (!this.failed) {
            this.error(
              `Cannot return null for non-nullable ${this.describeLast(type.ofType, parentType)}.`,
            );
          }
          this.invalid = true;
          this.failed = true;
          return null;
        }
        this.invalid = false;
        this.failed = false;
        return updated;
      }
      if (inputValue === null) return null;
      if (isListType(type)) {
        if (!Array.isArray(inputValue)) {
          throw new Error(
            `Invalid non-list value ${inputValue} returned by subgraph for list type ${type}`,
          );
        }
        if (outputValue !== undefined && !Array.isArray(outputValue)) {
          throw new Error(
            `Invalid non-list value ${outputValue} returned by subgraph for list type ${type}`,
          );
        }
        const n = inputValue.length;
        if (outputValue !== undefined && (outputValue as unknown[]).length !== n) {
          throw new Error(
            `[${inputValue}].length (${n}) !== [${outputValue}].length (${(outputValue as unknown[]).length})`,
          );
        }
        const updated = new Array<unknown>(n);
        let nullify = false;
        let failed = false;
        for (let i = 0; i < n; i++) {
          this.path.push(i);
          updated[i] = this.value(
            outputValue === undefined ? undefined : (outputValue as unknown[])[i],
            type.ofType,
            inputValue[i],
            selectionSet,
            parentType,
          );
          this.path.pop();
          nullify ||= this.invalid;
          failed ||= this.failed;
        }
        this.invalid = false;
        this.failed = failed;
        return nullify ? null : updated;
      }
      if (isCompositeType(type)) {
        if (!selectionSet)
          throw new Error(`Invalid empty selection set for composite type ${type}`);
        if (typeof inputValue !== 'object') {
          throw new Error(
            `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`,
          );
        }
        if (outputValue !== undefined && typeof outputValue !== 'object') {
          throw new Error(
            `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`,
          );
        }
        const object = inputValue as Record<string, unknown>;
        const inputTypename = object[TYPENAME];
        if (inputTypename !== undefined && typeof inputTypename !== 'string') {
          throw new Error(
            `Invalid non-string value ${inputTypename} for __typename at ${this.path}`,
          );
        }
        let objectType = type;
        if (inputTypename) {
          const named = this.schema.type(inputTypename);
          if (!named || !isCompositeType(named)) {
            this.error(
              `Invalid __typename found for object at ${this.describeLast(type, parentType)}.`,
            );
            this.invalid = false;
            this.failed = true;
            return null;
          }
          objectType = named;
        }
        const output =
          outputValue === undefined
            ? (Object.create(RESULT_PROTOTYPE) as Record<string, unknown>)
            : (outputValue as Record<string, unknown>);
        const ok = this.apply(object, selectionSet, output, objectType);
        this.invalid = false;
        this.failed = !ok;
        return ok ? output : null;
      }
      if (outputValue !== undefined) {
        throw new Error(`Excepted output to be undefined but got ${type} for type ${type}`);
      }
      const valid = isValidLeafValue(this.schema, inputValue, type);
      if (!valid) {
        this.error(`Invalid value found for ${this.describeLast(type, parentType)}.`);
      }
      this.invalid = false;
      this.failed = !valid;
      return valid ? inputValue : null;
    }
  }

  return ({ operation, variables, input, introspectionHandling }) => {
    if (!input) return { data: input, errors: [] };
    const schema = operation.schema();
    const shaping = new Shaping(
      schema,
      { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<
        string,
        unknown
      >,
      introspectionHandling,
    );
    const data = Object.create(RESULT_PROTOTYPE) as Record<string, unknown>;
    const ok = shaping.apply(
      input,
      operation.selectionSet,
      data,
      schema.schemaDefinition.rootType(operation.rootKind),
    );
    return { data: ok ? data : null, errors: shaping.errors };
  };
}
