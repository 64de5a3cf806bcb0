import type { OperationDefinitionNode } from 'graphql';

/**
 * In-flight deduplication: identical subgraph queries in flight at the same time, with the
 * same token, are sent once and the answer handed to each caller (SUBGRAPH_DEDUPE). Never a
 * mutation, never across tokens, never after the answer came: nothing here is a cache.
 */

/**
 * Whether the client's operation is a read, from the parsed operation Apollo Server chose
 * (its type), not the text: a query's plan has only query fetches. A request that is not a
 * client's operation (a health check, a schema load) is not shared.
 */
export function arLasning(
  operation: Pick<OperationDefinitionNode, 'operation'> | undefined,
): boolean {
  return operation?.operation === 'query';
}

/**
 * The key identical requests share, or undefined when this one must be sent on its own.
 * Only among callers with the same token: a subgraph filters by the token's roles, so
 * another token's answer may hold what this one may not read. The request id is not in the
 * key: the shared request carries the first caller's. A request for the response cache
 * (its header) asks the subgraph for revision and audit rows, so it is shared only with
 * its like. Audit: the owning subgraph logs reads of classified records per request it
 * gets, so identical concurrent reads with the same token are one entry (README, Audit).
 */
export function delningsnyckel(options: {
  dedupe: boolean;
  lasning: boolean;
  headers: Record<string, string>;
  /** Headers besides the token that change the subgraph's answer. */
  variantHeaders?: readonly string[];
  body: string;
}): string | undefined {
  if (!options.dedupe || !options.lasning) return undefined;
  const variant = (options.variantHeaders ?? []).map((h) => options.headers[h] ?? '');
  return [options.headers.authorization ?? '', ...variant, options.body].join('\n');
}

/**
 * Raised once, when every caller of an operation in flight has left. A flag and its
 * listeners: an AbortController and its signal cost about 4 µs per operation, a plan sends
 * a dozen operations per picture, and nothing here needs an AbortSignal.
 */
export class Overgiven {
  private listeners: (() => void)[] | undefined = [];

  get raised(): boolean {
    return this.listeners === undefined;
  }

  /** Calls `listener` once when raised; not at all if it already was. */
  on(listener: () => void): void {
    this.listeners?.push(listener);
  }

  off(listener: () => void): void {
    const i = this.listeners?.indexOf(listener) ?? -1;
    if (i >= 0) this.listeners?.splice(i, 1);
  }

  raise(): void {
    const listeners = this.listeners;
    if (!listeners) return;
    this.listeners = undefined;
    for (const listener of listeners) listener();
  }
}

/** A request in flight that others may wait for. */
export interface Flykt {
  readonly answer: Promise<unknown>;
  /** Raised when its last caller has gone. */
  readonly overgiven: Overgiven;
}

/**
 * The requests in flight by key. A flight is forgotten the moment it settles or is given up:
 * an answer is shared only among callers that were already waiting for it, an error
 * likewise (each gets the error it would have got alone).
 */
export class IFlykt<F extends Flykt> {
  private readonly flights = new Map<string, F>();

  /** The flight for `key`: the one in the air (`delad` true), or a new one `start` begins. */
  dela(key: string, start: () => F): { flight: F; delad: boolean } {
    const existing = this.flights.get(key);
    if (existing) return { flight: existing, delad: true };
    const started = start();
    this.flights.set(key, started);
    const forget = () => {
      if (this.flights.get(key) === started) this.flights.delete(key);
    };
    started.answer.then(forget, forget);
    started.overgiven.on(forget);
    return { flight: started, delad: false };
  }

  get size(): number {
    return this.flights.size;
  }
}
