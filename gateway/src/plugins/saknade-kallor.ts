import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';

/**
 * A partner's source (its subgraph) that did not answer: the gateway answers with what the
 * others gave and names the missing ones (docs/architecture.md#the-rules: one subgraph
 * down or slow never blanks the council's picture).
 */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** Why a source is missing: it timed out, could not be reached, or answered HTTP 5xx. */
export type Orsak = 'TIDSGRANS' | 'ONABAR' | 'SERVERFEL';

/**
 * Thrown by the subgraph data source's fetch path. Apollo Gateway pushes an error thrown
 * by a data source into the response as it is — without the service's name and without a
 * path — so the data source, which knows both, turns this into the subgraph-shaped errors
 * below instead of letting it escape.
 */
export class KallaOtillganglig extends Error {
  constructor(
    readonly kalla: string,
    readonly orsak: Orsak,
    readonly detalj: { tidsgransMs?: number; status?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(meddelande(kalla, orsak, detalj), options);
    this.name = 'KallaOtillganglig';
  }

  /**
   * One error per field the failed fetch was to provide, in the shape of a subgraph's
   * own errors: Apollo Gateway then adds `serviceName` and turns `_entities` paths into
   * the caller's paths (`lagesbild.polis`), exactly as for errors a subgraph reports.
   */
  toSubgraphErrors(query: string | undefined): GraphQLFormattedError[] {
    const extensions = {
      code: SUBGRAPH_UNAVAILABLE,
      kalla: this.kalla,
      orsak: this.orsak,
      ...this.detalj,
    };
    const paths = query ? fetchedFieldPaths(parse(query, { noLocation: true })) : [];
    if (paths.length === 0) return [{ message: this.message, extensions }];
    return paths.map((path) => ({ message: this.message, path, extensions }));
  }
}

function meddelande(kalla: string, orsak: Orsak, detalj: KallaOtillganglig['detalj']): string {
  switch (orsak) {
    case 'TIDSGRANS':
      return `Källan ${kalla} svarade inte (tidsgräns ${detalj.tidsgransMs} ms).`;
    case 'SERVERFEL':
      return `Källan ${kalla} svarade med ett serverfel (HTTP ${detalj.status}).`;
    case 'ONABAR':
      return `Källan ${kalla} går inte att nå just nu.`;
  }
}

/**
 * The response paths of the fields a gateway fetch selects: its root fields, or for an
 * entity fetch the entity's fields under `_entities[0]` (one error per field, not per
 * entity: the first entity's path names the field, serviceName names the source).
 * Runs only when a fetch failed; it parses the fetch's query text then, because the
 * planner keeps no document in its fetch nodes unless told to (for every plan, always).
 */
function fetchedFieldPaths(document: DocumentNode): (string | number)[][] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let root: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      root ??= definition.selectionSet;
    }
  }
  if (!root) return [];
  const fieldsOf = (set: SelectionSetNode, into: Map<string, SelectionSetNode | undefined>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        if (selection.name.value !== '__typename') into.set(name, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        fieldsOf(selection.selectionSet, into);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) fieldsOf(fragment.selectionSet, into);
      }
    }
    return into;
  };
  const top = fieldsOf(root, new Map());
  const entities = top.get('_entities');
  if (entities) {
    return [...fieldsOf(entities, new Map()).keys()].map((name) => ['_entities', 0, name]);
  }
  return [...top.keys()].map((name) => [name]);
}

/**
 * Adds `extensions.saknadeKallor` — the graph names of the sources that did not answer,
 * sorted and unique — to a response whose errors include SUBGRAPH_UNAVAILABLE. A source
 * that answered with a refusal (FORBIDDEN with the partner in `kalla`: the reader is not
 * cleared for its live data) did answer and is not named. A response without errors costs
 * one property check; the hooks object is made once.
 */
export function saknadeKallorPlugin(): ApolloServerPlugin<BaseContext> {
  const hooks: GraphQLRequestListener<BaseContext> = {
    async willSendResponse({ response }) {
      if (response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      if (!result.errors) return;
      let saknade: Set<string> | undefined;
      for (const error of result.errors) {
        const kalla = error.extensions?.kalla;
        if (error.extensions?.code === SUBGRAPH_UNAVAILABLE && typeof kalla === 'string') {
          saknade ??= new Set();
          saknade.add(kalla);
        }
      }
      if (saknade) result.extensions = { ...result.extensions, saknadeKallor: [...saknade].sort() };
    },
  };
  return { requestDidStart: async () => hooks };
}
