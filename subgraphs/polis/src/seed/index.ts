import { dayRange, parsePeriod, platsId } from '@lagesbild/domain';
import { seedOnce } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Bedomning, Gruppering, Handelse, HandelsePlats, Maltavla } from '../entities';
import * as S from './norrmalm-2017';

/** Loads the source document's police facts into an empty database, once (see seedOnce). */
export async function seedPolis(em: EntityManager): Promise<boolean> {
  return seedOnce(em, S.SEED_KEY, async (tx) => {
    const omrade = S.OMRADE_ID;
    const period = parsePeriod(S.BEDOMNING_PERIOD);
    for (const b of S.BEDOMNINGAR) {
      const id = `${omrade}-${period.text}-${b.miljo}-v1`.toLowerCase();
      const row = new Bedomning(id, omrade, period, {
        miljo: b.miljo,
        version: 1,
        text: b.text,
        publicerad: S.BEDOMNING_PUBLICERAD,
        utgivare: S.UTGIVARE,
      });
      Object.assign(row, {
        bosatta: b.bosatta,
        folkbokforda: b.folkbokforda,
        utsattaForBrott: b.utsattaForBrott,
        resor: b.resor,
      });
      tx.persist(row);
    }

    for (const g of S.GRUPPERINGAR) {
      const row = new Gruppering(g.id, omrade, g);
      row.platsIds = g.platsIds;
      row.verksamhetsomrade = g.verksamhetsomrade;
      tx.persist(row);
    }

    for (const h of S.HANDELSER) {
      const range = h.datum
        ? { text: h.datum, ...dayRange(h.datum) }
        : parsePeriod(h.period as string);
      const row = new Handelse(h.id, omrade, range, h);
      row.datum = h.datum ?? null;
      row.vald = h.vald;
      row.grupperingId = h.grupperingId ?? null;
      row.platsbeskrivning = h.platsbeskrivning ?? null;
      tx.persist(row);
      for (const namn of h.platser) tx.persist(new HandelsePlats(h.id, platsId(namn)));
    }

    for (const m of S.MALTAVLOR) {
      const row = new Maltavla(m.id, omrade, m.namn, m.beskrivning);
      row.platsId = m.plats ? platsId(m.plats) : null;
      tx.persist(row);
    }
    await tx.flush();
  });
}
