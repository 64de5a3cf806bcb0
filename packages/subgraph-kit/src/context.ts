import type { IncomingMessage } from 'node:http';
import { DISKRETION_STANDARDTROSKEL } from '@lagesbild/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Granskningsrad, Svarscachepost } from './granskning';
import { GranskningsloggPost } from './granskningslogg.entity';
import { type Viewer, viewerFromPrincipal } from './viewer';

/**
 * What every resolver gets: everything one request knows, carried here and nowhere else
 * (no module-level map keyed by a request or a context). A write runs with a context of
 * its own derived from this one (medTransaktion), never by changing this one.
 */
export interface KitContext<TLoaders = unknown> {
  /** A fresh fork per request; inside a write, the write's transaction. */
  em: EntityManager;
  /** Loaders over `em`: the request's, or inside a write the transaction's. */
  loaders: TLoaders;
  viewer: Viewer;
  /** The id the gateway gave this question; every log line about it carries it. */
  requestId: string | null;
  /**
   * The caller's `Authorization` header as it arrived (already verified), for a subgraph
   * that asks the gateway on the caller's behalf with the caller's own rights (publicering
   * captures the live picture this way); never logged, never stored.
   */
  authorization?: string | null;
  /**
   * Counts from 1 up to this reach a reader without clearance as "fåtal", for a subgraph
   * that applies the domain's disclosure rule itself (publicering); from its definition.
   */
  diskretionTroskel: number;
  /** Makes this request's loaders over another EntityManager (a write's transaction). */
  skapaLoaders: LoaderFactory<TLoaders>;
  /** The request's audit bookkeeping: operation name, batched read entries, cache replay. */
  granskning: Granskningsforlopp;
  /** Only inside a write (medTransaktion): what that write's audit entry adds. */
  skrivning?: Skrivning;
}

/** The operation name the audit log writes when the client gave none. */
export const ANONYM_OPERATION = 'anonym';

/**
 * What the audit keeps about one operation (`ctx.granskning`): one object per GraphQL
 * operation, shared by the operation's context and every write's context derived from it.
 * An HTTP request may carry a batch of operations (a JSON array; Apollo Server runs them
 * concurrently, each with its own shallow copy of the one context): granskningPlugin gives
 * each copy its own object, so each entry names its own operation, while `delad` — the
 * pending read entries — is the HTTP request's, so the batch's reads of one tick go as one
 * INSERT.
 */
export interface Granskningsforlopp {
  /** The client's operation name, once graphql-js has picked the operation. */
  operation: string;
  /** Only when the gateway's response cache asked (see revision.ts). */
  svarscache?: Svarscachepost;
  /** The HTTP request's, shared by every operation of a batch. */
  delad: DeladGranskning;
}

/**
 * What the operations of one HTTP request share in the audit: the read entries not yet
 * written, all of them written with ONE INSERT when the answer is complete and before it
 * is sent (skrivLasningar, called by the service); an answer whose entries cannot be
 * written is not sent.
 */
export interface DeladGranskning {
  /** The request's own EntityManager (never a write's transaction): it writes the entries. */
  em: EntityManager;
  /** Read entries outside any write, in the order they were made. */
  vantande: Granskningsrad[];
}

/** A fresh operation's audit bookkeeping over the HTTP request's shared part. */
export function nyGranskning(delad: DeladGranskning): Granskningsforlopp {
  return { operation: ANONYM_OPERATION, delad };
}

/**
 * One write's own part of the context: what its audit entry adds (granskningsDetalj), and
 * the reads made inside its transaction, written in that transaction with the write's own
 * entry (they commit or roll back with it).
 */
export interface Skrivning {
  detalj?: string;
  lasningar: Granskningsrad[];
}

export type LoaderFactory<TLoaders> = (em: EntityManager) => TLoaders;

export interface ContextOptions<TLoaders> {
  loaders: LoaderFactory<TLoaders>;
  /** Default DISKRETION_STANDARDTROSKEL. */
  diskretionTroskel?: number;
}

/** A request's context: a fresh audit bookkeeping, loaders over `em`. */
export function skapaKontext<TLoaders>(
  em: EntityManager,
  options: ContextOptions<TLoaders>,
  request: { viewer: Viewer; requestId: string | null; authorization?: string | null },
): KitContext<TLoaders> {
  return {
    em,
    loaders: options.loaders(em),
    viewer: request.viewer,
    requestId: request.requestId,
    authorization: request.authorization ?? null,
    diskretionTroskel: options.diskretionTroskel ?? DISKRETION_STANDARDTROSKEL,
    skapaLoaders: options.loaders,
    granskning: nyGranskning({ em, vantande: [] }),
  };
}

/**
 * The context function a subgraph's service calls per GraphQL request; `principal` is the
 * caller as the service's authentication returned them (none: anonymous).
 */
export function contextFactory<TLoaders>(
  orm: MikroORM,
  options: LoaderFactory<TLoaders> | ContextOptions<TLoaders>,
) {
  const opts = typeof options === 'function' ? { loaders: options } : options;
  return async (req: IncomingMessage, principal?: unknown): Promise<KitContext<TLoaders>> => {
    // A fork per request: its identity map lives as long as the request, never longer.
    const requestId = req.headers['x-request-id'];
    return skapaKontext(orm.em.fork(), opts, {
      viewer: viewerFromPrincipal(principal),
      requestId: typeof requestId === 'string' ? requestId : null,
      authorization: req.headers.authorization ?? null,
    });
  };
}

/**
 * Runs `fn` in one transaction with a context of its own: the same request (viewer,
 * request id, audit bookkeeping), the transaction as `em`, loaders made on it (SQLite has
 * one connection, and a loader on the outer EntityManager would wait for the transaction
 * that waits for it), and a fresh write part (`skrivning`). The request's context is left
 * as it was: fields resolved beside or after the write read through the request's own
 * EntityManager.
 */
export function medTransaktion<TLoaders, T>(
  ctx: KitContext<TLoaders>,
  fn: (tx: KitContext<TLoaders>) => Promise<T>,
): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const skrivning: Skrivning = { lasningar: [] };
    const result = await fn({ ...ctx, em, loaders: ctx.skapaLoaders(em), skrivning });
    // Reads made inside the write and not written with its entry (auditedWrite writes them
    // with it): in the transaction, before it commits.
    await skrivPoster(em, skrivning.lasningar.splice(0));
    return result;
  });
}

// Entries per INSERT: 7 parameters each, 28 000 in all, below SQLite's 32 766 and
// PostgreSQL's 65 535 bound parameters per statement.
export const POSTER_PER_INSERT = 4000;

/** Writes audit entries, one INSERT per POSTER_PER_INSERT entries; nothing for none. */
export async function skrivPoster(em: EntityManager, poster: Granskningsrad[]): Promise<void> {
  for (let i = 0; i < poster.length; i += POSTER_PER_INSERT) {
    await em.insertMany(GranskningsloggPost, poster.slice(i, i + POSTER_PER_INSERT));
  }
}

/**
 * Writes the HTTP request's pending read entries (every operation of a batch) with one
 * INSERT. The service calls it when the answer is complete and before it sends it; when it
 * throws, the answer must not be sent: a classified read that is not in the log does not
 * happen.
 */
export async function skrivLasningar(ctx: KitContext<unknown>): Promise<void> {
  const delad = ctx.granskning.delad;
  await skrivPoster(delad.em, delad.vantande.splice(0));
}
