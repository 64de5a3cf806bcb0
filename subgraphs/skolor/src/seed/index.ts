import { parsePeriod } from '@lagesbild/domain';
import { seedOnce } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Enkat, EnkatStatus, Fraga, Skola, Svar, Svarsuppsattning } from '../entities';
import * as S from './norrmalm-2017';

/** Loads the source document's data into an empty database, once (see seedOnce). */
export async function seedSkolor(em: EntityManager): Promise<boolean> {
  return seedOnce(em, S.SEED_KEY, async (tx) => {
    for (const r of S.RESPONDENTER) {
      const skola = new Skola(r.id, r.namn, S.OMRADE_ID);
      skola.anonym = true;
      tx.persist(skola);
    }
    const enkat = new Enkat(S.ENKAT.id, S.OMRADE_ID, parsePeriod(S.ENKAT.period), S.ENKAT.titel);
    // The survey was answered and reported in the plan, so it is closed; when is not known.
    enkat.status = EnkatStatus.STANGD;
    tx.persist(enkat);
    const fraga = new Fraga(S.FRAGA.id, enkat.id, S.FRAGA.nr, S.FRAGA.text, S.FRAGA.typ);
    fraga.miljo = S.FRAGA.miljo;
    tx.persist(fraga);
    for (const s of S.SVAR) {
      const uppsattning = new Svarsuppsattning(`${s.skolaId}-svar`, enkat.id, s.skolaId);
      tx.persist(uppsattning);
      const svar = new Svar(`${s.skolaId}-svar-1`, uppsattning, fraga.id);
      svar.ja = s.ja;
      svar.text = s.text;
      tx.persist(svar);
    }
    await tx.flush();
  });
}
