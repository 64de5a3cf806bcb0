import { createHash } from 'node:crypto';
import type { Principal } from '@lagesbild/auth';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Kalla } from './svarscache-kallor';
import { byteMatare, posterMatare } from './svarscache-matning';

/**
 * The response cache's policy: which requests may be answered from memory, under which key,
 * which answers may be kept, and how many. Nothing here talks to a subgraph.
 */

/**
 * A read the cache may answer: decided from the parsed operation Apollo Server chose
 * (its type `query`, not the text's first word), and only a named operation on the list.
 */
export function arCachebarLasning(
  operation: Pick<OperationDefinitionNode, 'operation'> | undefined,
  operationName: string | null | undefined,
  operations: ReadonlySet<string>,
): operationName is string {
  return operation?.operation === 'query' && !!operationName && operations.has(operationName);
}

/**
 * Everything that changes an answer: the supergraph served, the operation and its
 * variables, and from the token the roles and school — not the subject, which goes only
 * into the audit rows every hit writes anew.
 */
export function cachenyckel(
  supergraf: string,
  queryHash: string,
  operationName: string,
  variables: Record<string, unknown> | undefined,
  viewer: Pick<Principal, 'roller' | 'skolaId'>,
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        supergraf,
        queryHash,
        operationName,
        variables ?? {},
        [...viewer.roller].sort(),
        viewer.skolaId,
      ]),
    )
    .digest('base64url');
}

/** One kept answer and the sources it was built from. */
export interface Post {
  result: FormattedExecutionResult;
  kallor: Kalla[];
  bytes: number;
}

/**
 * Never an error or a partial answer (a missing source is always reported with errors),
 * nor one a source answered without its revision (it could not be checked later).
 */
export function kanLagras(result: FormattedExecutionResult, okandKalla: boolean): boolean {
  return (
    !okandKalla && !result.errors?.length && !!result.data && !result.extensions?.saknadeKallor
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A kept answer: a frozen copy, so no later plugin can change what the next caller gets. */
export function post(result: FormattedExecutionResult, kallor: Kalla[]): Post {
  const text = JSON.stringify(result);
  return {
    result: deepFreeze(JSON.parse(text) as FormattedExecutionResult),
    kallor,
    bytes: Buffer.byteLength(text),
  };
}

/**
 * lru-cache bounded by entries and by the answers' JSON size together, least recently used
 * out first; an answer larger than the whole budget is not kept. Reports its size as metrics.
 */
export class SvarsLru {
  private readonly lru: LRUCache<string, Post>;

  constructor(maxEntries: number, maxBytes: number) {
    this.lru = new LRUCache<string, Post>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (p) => Math.max(1, p.bytes),
    });
  }

  get(key: string): Post | undefined {
    return this.lru.get(key);
  }

  set(key: string, value: Post): void {
    // lru-cache keeps the previous value when the new one is too large; this cache drops it.
    this.lru.delete(key);
    this.lru.set(key, value);
    this.report();
  }

  delete(key: string): void {
    this.lru.delete(key);
    this.report();
  }

  clear(): void {
    this.lru.clear();
    this.report();
  }

  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  private report(): void {
    posterMatare.set(this.lru.size);
    byteMatare.set(this.lru.calculatedSize);
  }
}
