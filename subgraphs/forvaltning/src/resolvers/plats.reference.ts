import { batchedReference, untrackedInstance } from '@lagesbild/subgraph-kit';
import { Plats } from '../entities';
import type { Context } from './context';

/**
 * A place no register row has yet still resolves, marked unregistered: partners compute
 * place ids themselves and must never get null back for a place they know. Every column
 * the resolvers read is set, and the instance is untracked as a read row is.
 */
export function unregisteredPlats(id: string): Plats {
  return untrackedInstance(Plats, {
    id,
    namn: null,
    adress: null,
    beskrivning: null,
    omradeId: null,
    delAvId: null,
    swerefN: null,
    swerefE: null,
    lat: null,
    lon: null,
    koordinatkalla: null,
  });
}

export async function resolvePlats(id: string, ctx: Context): Promise<Plats> {
  return (await ctx.loaders.plats.load(id)) ?? unregisteredPlats(id);
}

export const platsReferences = {
  Plats: batchedReference(
    (ctx: Context) => ctx.loaders.plats,
    (ref: { id: string }) => ref.id,
    (ref) => unregisteredPlats(ref.id),
  ),
  Omrade: batchedReference(
    (ctx: Context) => ctx.loaders.omrade,
    (ref: { id: string }) => ref.id,
  ),
};
