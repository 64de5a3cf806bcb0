import { parsePeriod, platsId } from '@lagesbild/domain';
import { seedOnce } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Klotteranmalan, Nollrapport } from '../entities';
import { beraknaSla } from '../sla';
import * as S from './norrmalm-2017';

/** Loads the source document's graffiti facts into an empty database, once (see seedOnce). */
export async function seedKlotter(em: EntityManager): Promise<boolean> {
  return seedOnce(em, S.SEED_KEY, async (tx) => {
    for (const a of S.ANMALNINGAR) {
      const row = new Klotteranmalan(a.id, S.OMRADE_ID, parsePeriod(a.period), a);
      Object.assign(row, {
        beskrivning: a.beskrivning,
        platsId: platsId(a.plats),
        platsText: a.platsText,
        anteckningar: a.anteckningar,
      });
      Object.assign(row, beraknaSla(row));
      tx.persist(row);
    }
    for (const n of S.NOLLRAPPORTER) {
      const row = new Nollrapport(n.id, S.OMRADE_ID, parsePeriod(n.period), n.rapportor);
      row.kommentar = n.kommentar;
      tx.persist(row);
    }
    await tx.flush();
  });
}
