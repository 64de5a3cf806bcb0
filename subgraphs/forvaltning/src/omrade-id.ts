import { omradeIdAv } from '@lagesbild/domain';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { Omrade } from './entities';
import type { Context } from './resolvers/context';

/**
 * An unknown area, as BAD_USER_INPUT: the message and `extensions.kandaOmraden` list every
 * known id (sorted), so the reader — or the dashboard — can say which areas there are
 * instead of treating the answer as an outage.
 */
export function okantOmrade(input: string, kanda: string[], field: string): GraphQLError {
  const lista = kanda.length > 0 ? kanda.join(', ') : 'inga';
  return new GraphQLError(`Okänt område "${input.trim()}". Kända områden: ${lista}.`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      fields: [{ field, reason: 'området finns inte i förvaltningens register' }],
      kandaOmraden: kanda,
    },
  });
}

async function kandaOmraden(em: EntityManager): Promise<string[]> {
  const omraden = await em.find(Omrade, {}, { fields: ['id'], orderBy: { id: 'asc' } });
  return omraden.map((o) => o.id);
}

/**
 * The canonical id of an area as a reader typed it ("Norrmalm" → "norrmalm"), or the
 * BAD_USER_INPUT of okantOmrade. Through the request's loader: a known area costs nothing
 * more when its fields are read.
 */
export async function kandOmradeId(input: string, ctx: Context, field: string): Promise<string> {
  const id = omradeIdAv(input);
  if (await ctx.loaders.omrade.load(id)) return id;
  throw okantOmrade(input, await kandaOmraden(ctx.em), field);
}

/** As kandOmradeId, inside a write's transaction. */
export async function kandOmradeIdI(tx: EntityManager, input: string, field: string) {
  const id = omradeIdAv(input);
  if (await tx.findOne(Omrade, { id })) return id;
  throw okantOmrade(input, await kandaOmraden(tx), field);
}
