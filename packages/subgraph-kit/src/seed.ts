import type { EntityManager } from '@mikro-orm/core';
import { SeedLogg } from './seed-logg.entity';

/**
 * Loads a seed set once per database, in one transaction: either all of it lands and is
 * logged, or nothing does. A later start finds the log and leaves the data (and whatever
 * the partner has changed since) alone.
 */
export async function seedOnce(
  em: EntityManager,
  nyckel: string,
  load: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    if (await tx.findOne(SeedLogg, { nyckel })) return false;
    await load(tx);
    tx.persist(new SeedLogg(nyckel));
    await tx.flush();
    return true;
  });
}
