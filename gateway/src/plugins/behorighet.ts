import type { Principal } from '@lagesbild/auth';
import { type DocumentNode, getVariableValues } from 'graphql';
import type { GatewayExecutor, GatewayInterface, GatewayRequest } from '../apollo-interna';
import { type Behov, behovFor, saknadeKrav } from './behorighet-behov';
import { type Filtrering, filtrera, Ifyllnad, utanMarkor } from './behorighet-filter';
import type { Behorighetskrav } from './behorighet-krav';

/**
 * Authorization at the gateway, in four files: the rules read from the supergraph
 * (behorighet-krav.ts), what one operation needs and what the caller lacks
 * (behorighet-behov.ts), the operation filtered and the answer filled in
 * (behorighet-filter.ts), and here the executor that runs them around Apollo Gateway's.
 */

export { type Behov, behovFor, saknadBehorighet, saknadeKrav } from './behorighet-behov';
export {
  type Filtrering,
  filtrera,
  Ifyllnad,
  UNAUTHORIZED_FIELD_OR_TYPE,
  vadSomSaknas,
} from './behorighet-filter';
export { type Behorighetskrav, forApolloGateway, lasBehorighetskrav } from './behorighet-krav';

/**
 * The gateway's own enforcement of `@requiresScopes` / `@authenticated`, with Apollo
 * Router's semantics: before the operation is planned, what the caller may not read is
 * removed from it (see filtrera); the rest is planned and run; the answer names each removed
 * field with `null` and an error (UNAUTHORIZED_FIELD_OR_TYPE, the Swedish text naming the
 * field and what it needs, the path). An operation left with nothing — only fields the
 * caller may not read or writes it may not make — is answered `data: null` with the errors,
 * and no subgraph is called. The subgraph that owns a field checks again (type-graphql's
 * `@Authorized`): a subgraph called directly still refuses what the gateway would remove.
 *
 * It wraps Apollo Gateway's executor, so the filtered operation is what is planned: its
 * query plan is cached under the filtered text's hash, never under the caller's (a plan
 * for one reader's filtered operation is never used for another reader's). `kravNu` gives
 * the rules of the supergraph being served; the walks are cached per parsed document.
 */
export function medBehorighet(
  gateway: GatewayInterface,
  kravNu: () => Behorighetskrav,
): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      return {
        ...loaded,
        executor: loaded.executor && behorighetExecutor(loaded.executor, kravNu),
      };
    },
  };
}

export function behorighetExecutor(
  executor: GatewayExecutor,
  kravNu: () => Behorighetskrav,
): GatewayExecutor {
  let cacheFor: Behorighetskrav | undefined;
  let behovCache = new WeakMap<DocumentNode, Map<string, Behov[]>>();
  let filterCache = new WeakMap<DocumentNode, Map<string, Filtrering | null>>();
  return async (rc: GatewayRequest) => {
    const krav = kravNu();
    if (krav !== cacheFor) {
      cacheFor = krav;
      behovCache = new WeakMap();
      filterCache = new WeakMap();
    }
    const { document, operation, schema } = rc;
    const operationName = rc.request.operationName;
    let perOperation = behovCache.get(document);
    if (!perOperation) {
      perOperation = new Map();
      behovCache.set(document, perOperation);
    }
    let behov = perOperation.get(operationName ?? '');
    if (!behov) {
      behov = behovFor(schema, document, operationName, krav);
      perOperation.set(operationName ?? '', behov);
    }
    if (behov.length === 0) return executor(rc);
    const saknas = saknadeKrav(behov, (rc.context as { viewer?: Principal }).viewer);
    if (saknas.size === 0) return executor(rc);
    let filtreringar = filterCache.get(document);
    if (!filtreringar) {
      filtreringar = new Map();
      filterCache.set(document, filtreringar);
    }
    const key = `${operationName ?? ''}\n${[...saknas.keys()].sort().join('\n')}`;
    let filtrering = filtreringar.get(key);
    if (filtrering === undefined) {
      filtrering = filtrera(schema, document, operation, saknas) ?? null;
      filtreringar.set(key, filtrering);
    }
    if (!filtrering) return executor(rc);
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      rc.request.variables ?? {},
    );
    // Variables that do not fit the operation: what the gateway answers them (HTTP 400),
    // and nothing is run.
    if (coerced.errors) return { errors: coerced.errors };
    const ifyllnad = new Ifyllnad(schema, document, filtrering, saknas, coerced.coerced ?? {});
    if (filtrering.tom) {
      // As Router: nothing is planned, no source is asked; every removed field is named.
      const { errors } = ifyllnad.svar(operation, {});
      return { data: null, errors };
    }
    const result = await executor({
      ...rc,
      document: filtrering.dokument,
      operation: filtrering.operation,
      source: filtrering.text,
      queryHash: filtrering.queryHash,
    });
    // Not run at all (the gateway refused the request): its answer as it is.
    if (result.data === undefined) return result;
    const { data, errors } = ifyllnad.svar(operation, result.data);
    const ovriga = (result.errors ?? []).map((e) => utanMarkor(e, filtrering.markor));
    return { ...result, data, errors: [...errors, ...ovriga] };
  };
}
