import type { Miljo, Period } from '@lagesbild/domain';
import { badUserInput } from '@lagesbild/subgraph-kit';
import type { Kategori, Rapportor } from '../entities';
import { lasMarkor, type Sida } from '../loaders';
import type { Context } from './context';

export const STORSTA_SIDA = 500;

/** Checks the page arguments and loads the page through the batching loader. */
export function laddaSida(
  ctx: Context,
  key: {
    omradeId: string;
    period?: Period | null;
    rapportor?: Rapportor | null;
    kategori?: Kategori | null;
    miljo?: Miljo | null;
    first: number;
    after?: string | null;
  },
): Promise<Sida> {
  if (!Number.isInteger(key.first) || key.first < 1 || key.first > STORSTA_SIDA) {
    throw badUserInput(`first ska vara mellan 1 och ${STORSTA_SIDA}.`, [
      { field: 'first', reason: `mellan 1 och ${STORSTA_SIDA}` },
    ]);
  }
  if (key.after != null && lasMarkor(key.after) === null) {
    throw badUserInput('Okänd markör; använd nastaMarkor från föregående sida.', [
      { field: 'after', reason: 'okänd markör' },
    ]);
  }
  return ctx.loaders.sida.load({
    omradeId: key.omradeId,
    period: key.period ?? null,
    rapportor: key.rapportor ?? null,
    kategori: key.kategori ?? null,
    miljo: key.miljo ?? null,
    forsta: key.first,
    efter: key.after ?? null,
  });
}
