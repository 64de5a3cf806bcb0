import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { ApolloServerPlugin } from '@apollo/server';
import { Klassning } from '@lagesbild/domain';
import type { EntityManager } from '@mikro-orm/core';
import { type GraphQLFieldResolver, type GraphQLResolveInfo, getNamedType } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { KraverBehorighet, readable } from './auth';
import {
  ANONYM_OPERATION,
  type KitContext,
  medTransaktion,
  nyGranskning,
  skrivPoster,
} from './context';
import { badUserInput } from './errors';
import { Granskningshandelse } from './federation/granskning';
import { GranskningsloggPost, Granskningstyp } from './granskningslogg.entity';
import type { Viewer } from './viewer';

export { GranskningsloggPost, Granskningstyp } from './granskningslogg.entity';

/** A classified record whose read was logged: `Incident`, `norrmalm-ia-1`. */
export interface GranskadLasning {
  typ: string;
  id: string;
}

/**
 * What a subgraph tells the gateway's response cache about one answer: the revision read
 * before any data, and the classified reads the answer logged, to be logged again for
 * every answer the cache gives in its place.
 */
export interface Svarscachepost {
  revision: number;
  granskning: GranskadLasning[];
}

/** One audit entry before the database numbers it. */
export type Granskningsrad = Omit<GranskningsloggPost, 'id'>;
type Entry = Granskningsrad;

/**
 * The gateway names each subgraph fetch `<client operation>__<subgraph>__<n>`; the log
 * records the name the client chose, which is what a person reading the log recognises.
 */
export function clientOperationName(name: string | null | undefined): string {
  if (!name) return ANONYM_OPERATION;
  return name.replace(/^(.+)__[a-z0-9-]+__\d+$/i, '$1');
}

/**
 * Gives each operation its own audit bookkeeping and records its operation name once
 * graphql-js has picked it. Apollo Server hands every operation of a batched HTTP request
 * its own shallow copy of the one context: the copy's `granskning` is replaced here (the
 * pending reads, `delad`, stay the request's), so two operations running at once never
 * write each other's name. Must come before every plugin that uses `ctx.granskning`
 * (svarscachePlugin): Apollo Server calls `requestDidStart` in the plugins' order, and
 * this one does its work before its first await.
 */
export function granskningPlugin<
  TContext extends KitContext<unknown>,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.granskning = nyGranskning(contextValue.granskning.delad);
      return {
        async didResolveOperation(rc) {
          rc.contextValue.granskning.operation = clientOperationName(rc.operationName);
        },
      };
    },
  };
}

/** The gateway asked for this request's revision and audited reads (see revision.ts). */
export function begarSvarscache(ctx: KitContext, revision: number): void {
  ctx.granskning.svarscache = { revision, granskning: [] };
}

export function svarscacheOf(ctx: KitContext): Svarscachepost | undefined {
  return ctx.granskning.svarscache;
}

/**
 * The entries a cached answer replays: the same rows, word for word, that the read it
 * stands in for wrote — the caller's subject and roles, the client's operation name.
 */
export function aterladdaGranskning(
  viewer: KitContext['viewer'],
  requestId: string | null,
  operationName: string | null | undefined,
  lasningar: readonly GranskadLasning[],
): Entry[] {
  const operation = clientOperationName(operationName);
  return lasningar.map((l) =>
    entry({ viewer, requestId }, Granskningstyp.LASNING, `${l.typ}:${l.id}`, operation),
  );
}

function entry(
  ctx: Pick<KitContext, 'viewer' | 'requestId'>,
  typ: Granskningstyp,
  vad: string,
  operation: string,
): Entry {
  return {
    tidpunkt: new Date().toISOString(),
    subjekt: ctx.viewer.subject,
    roller: ctx.viewer.roller.join(','),
    operation,
    typ,
    vad: vad.slice(0, 500),
    requestId: ctx.requestId,
  };
}

/**
 * The classification filter with its audit: leaves out what the viewer may not read, and
 * logs every BEGRANSAD or SKYDDAD row that is returned. The entries of the whole HTTP
 * request (every loader batch, every operation of a batched request) become one INSERT,
 * written before the answer is sent (loggaLasningar gathers, skrivLasningar writes).
 * Nothing is written when no classified row is returned. If the entries cannot be written,
 * the answer is not sent: a classified read that is not in the log does not happen.
 */
export async function readableAndAudited<T extends { id: string; klassning: Klassning }>(
  ctx: KitContext,
  rows: T[],
  typeName: string,
): Promise<T[]> {
  const visible = readable(ctx.viewer.roller, rows);
  const classified = visible.filter((r) => r.klassning !== Klassning.OPPEN);
  await loggaLasningar(
    ctx,
    classified.map((r) => ({ typ: typeName, id: r.id })),
  );
  return visible;
}

/**
 * Logs reads the subgraph decides to log itself (publicering logs every read of a
 * publication, whatever its classification): one `LASNING` entry per read, `vad`
 * `<typ>:<id>`, replayed by the gateway's response cache like any other. The entries wait
 * for the request's one INSERT, written when the answer is complete and before it is sent
 * (skrivLasningar; an answer whose entries cannot be written is not sent); inside a write
 * they are written in its transaction, with its own entry.
 */
export async function loggaLasningar(
  ctx: KitContext,
  lasningar: readonly GranskadLasning[],
): Promise<void> {
  if (lasningar.length === 0) return;
  const state = ctx.granskning;
  if (state.svarscache) state.svarscache.granskning.push(...lasningar);
  const mal = ctx.skrivning?.lasningar ?? state.delad.vantande;
  for (const l of lasningar) {
    mal.push(entry(ctx, Granskningstyp.LASNING, `${l.typ}:${l.id}`, state.operation));
  }
}

function written(info: GraphQLResolveInfo, result: unknown, detalj?: string): string {
  const type = getNamedType(info.returnType).name;
  const id =
    result !== null && typeof result === 'object' && 'id' in result ? result.id : undefined;
  const vad =
    id === undefined || id === null
      ? `${info.fieldName} ${type}`
      : `${info.fieldName} ${type}:${String(id)}`;
  return detalj ? `${vad} ${detalj}` : vad;
}

/**
 * Names what a mutation wrote beyond the record it returns, in its audit entry: e.g.
 * publicering's `bekraftaAvsnitt` returns the publication, and adds `avsnitt polis` — the
 * entry reads `bekraftaAvsnitt Publicering:norrmalm-2016-v1 avsnitt polis`. Call it from
 * the Mutation field's resolver; it concerns that field's entry only.
 */
export function granskningsDetalj(ctx: KitContext, detalj: string): void {
  if (ctx.skrivning) ctx.skrivning.detalj = detalj;
}

/**
 * Runs a Mutation field and appends its audit entry in one transaction: the write and its
 * entry commit together or not at all, so no write is ever missing from the log and the
 * log never names a write that was rolled back. The resolver gets a context of its own
 * (medTransaktion): the transaction as `em` (its own `em.transactional` becomes a
 * savepoint), loaders on it, and its own `skrivning` for granskningsDetalj; the request's
 * context is not touched. A failed mutation (refused, bad input) logs nothing: it wrote
 * nothing.
 */
export async function auditedWrite<TLoaders, T>(
  ctx: KitContext<TLoaders>,
  info: GraphQLResolveInfo,
  resolve: (tx: KitContext<TLoaders>) => T | Promise<T>,
): Promise<T> {
  return medTransaktion(ctx, async (tx) => {
    const result = await resolve(tx);
    // The reads made inside the write first, as they happened, then the write's own entry.
    const poster = tx.skrivning?.lasningar.splice(0) ?? [];
    poster.push(
      entry(
        tx,
        Granskningstyp.SKRIVNING,
        written(info, result, tx.skrivning?.detalj),
        clientOperationName(info.operation.name?.value),
      ),
    );
    await skrivPoster(tx.em, poster);
    return result;
  });
}

/**
 * Wraps every Mutation field of a resolver map with auditedWrite — the kit's audit
 * middleware. Deliberately not a type-graphql global middleware: those wrap every field of
 * every type, and type-graphql then turns each plain property read into an async call; the
 * audit concerns Mutation fields only, so only they pay for it.
 */
export function auditMutations(
  mutation: Record<string, GraphQLFieldResolver<unknown, KitContext>> | undefined,
): void {
  if (!mutation) return;
  for (const [field, resolve] of Object.entries(mutation)) {
    if (typeof resolve !== 'function') continue;
    mutation[field] = (root, args, ctx, info) =>
      auditedWrite(ctx, info, (tx) => resolve(root, args, tx, info));
  }
}

/**
 * Who made a write that does not come through GraphQL (an HTTP endpoint such as Open311, an
 * import command), and under which operation name: what auditedWrite takes from the
 * request's context, given by hand.
 */
export interface Skrivare {
  subjekt: string | null;
  roller: readonly string[];
  operation: string;
  requestId: string | null;
}

/**
 * The kind written in the `roller` column for an operator's import command. Not a role
 * (no token carries it): it says the write came from a command run on the subgraph's own
 * machine, where the operating system, not a token, said who ran it.
 */
export const IMPORTKOMMANDO = 'IMPORTKOMMANDO';

/** The caller of an HTTP endpoint, as its verified token names them. */
export function skrivareFranViewer(
  viewer: Viewer,
  operation: string,
  requestId: string | null,
): Skrivare {
  return { subjekt: viewer.subject, roller: viewer.roller, operation, requestId };
}

/**
 * The operator running an import command: the operating-system user and host
 * (`os:anna@srv-klotter`), kind IMPORTKOMMANDO, and one id for the run in `requestId`, so
 * the admin can find every entry a run wrote.
 */
export function importkommandoSkrivare(operation: string): Skrivare {
  let anvandare: string;
  try {
    anvandare = userInfo().username;
  } catch {
    // A uid without a passwd entry (some containers): say so rather than guess.
    anvandare = `uid-${process.getuid?.() ?? 'okänd'}`;
  }
  return {
    subjekt: `os:${anvandare}@${hostname()}`,
    roller: [IMPORTKOMMANDO],
    operation,
    requestId: `import-${randomUUID()}`,
  };
}

/**
 * Appends one SKRIVNING entry per written record, in the caller's transaction: call it
 * with the EntityManager of the transaction that writes the records, so the records and
 * their entries commit together or not at all (a killed import leaves neither half).
 * Nothing is written for an empty list: a run that wrote nothing logs nothing.
 */
export async function loggaSkrivningar(
  tx: EntityManager,
  skrivare: Skrivare,
  vad: readonly string[],
): Promise<void> {
  await loggaPoster(tx, skrivare, Granskningstyp.SKRIVNING, vad);
}

/**
 * Logs the classified reads of an endpoint beside GraphQL (klotter's Open311 GET): one
 * `LASNING` entry per classified record returned, `vad` `<typ>:<id>` as readableAndAudited
 * writes it, with the caller from the token (skrivareFranViewer) and the endpoint as the
 * operation. Throws when the entries cannot be written: the caller must then not return
 * what it read. Nothing is written for an empty list.
 */
export async function loggaLasningarUtanforGraphql(
  em: EntityManager,
  lasare: Skrivare,
  lasningar: readonly GranskadLasning[],
): Promise<void> {
  await loggaPoster(
    em,
    lasare,
    Granskningstyp.LASNING,
    lasningar.map((l) => `${l.typ}:${l.id}`),
  );
}

async function loggaPoster(
  em: EntityManager,
  vem: Skrivare,
  typ: Granskningstyp,
  vad: readonly string[],
): Promise<void> {
  if (vad.length === 0) return;
  const tidpunkt = new Date().toISOString();
  const base = {
    tidpunkt,
    subjekt: vem.subjekt?.slice(0, 200) ?? null,
    roller: vem.roller.join(',').slice(0, 200),
    operation: vem.operation.slice(0, 200),
    typ,
    requestId: vem.requestId?.slice(0, 100) ?? null,
  };
  await skrivPoster(
    em,
    vad.map((v) => ({ ...base, vad: v.slice(0, 500) })),
  );
}

const MAX_FIRST = 1000;

function toGraphql(p: GranskningsloggPost): Granskningshandelse {
  return Object.assign(new Granskningshandelse(), {
    id: String(p.id),
    tidpunkt: p.tidpunkt,
    subjekt: p.subjekt,
    roller: p.roller ? p.roller.split(',') : [],
    operation: p.operation,
    typ: p.typ,
    vad: p.vad,
    requestId: p.requestId,
  });
}

/**
 * The admin's query over a subgraph's audit log, named after the subgraph
 * (`granskningsloggForvaltning`) so the four subgraphs' queries compose side by side.
 * Newest first; `after` is the id of the last entry already read.
 */
export function granskningsloggResolver(subgraph: string) {
  const queryName = `granskningslogg${subgraph.charAt(0).toUpperCase()}${subgraph.slice(1)}`;

  @Resolver()
  class GranskningsloggResolver {
    @KraverBehorighet('roll:ADMIN')
    @Query(() => [Granskningshandelse], {
      name: queryName,
      description: `Granskningsloggen för tjänsten ${subgraph}, nyast först (endast administratören).`,
    })
    async granskningslogg(
      @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null,
      @Arg('after', () => String, { nullable: true }) after: string | null,
      @Ctx() ctx: KitContext,
    ): Promise<Granskningshandelse[]> {
      const limit = first ?? 100;
      if (limit < 1 || limit > MAX_FIRST) {
        throw badUserInput(`first ska vara mellan 1 och ${MAX_FIRST}.`, [
          { field: 'first', reason: `mellan 1 och ${MAX_FIRST}` },
        ]);
      }
      if (after != null && !/^\d+$/.test(after)) {
        throw badUserInput('after ska vara id för en post i loggen.', [
          { field: 'after', reason: 'okänt id' },
        ]);
      }
      const rows = await ctx.em.find(
        GranskningsloggPost,
        after == null ? {} : { id: { $lt: Number(after) } },
        { orderBy: { id: 'desc' }, limit },
      );
      return rows.map(toGraphql);
    }
  }
  return GranskningsloggResolver;
}
