import { readFileSync } from 'node:fs';
import type { Underlag } from '@lagesbild/publicering';
import { seedOnce } from '@lagesbild/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { Bekraftelse, Publicering } from '../entities';
import { faststall } from '../faststallande';
import * as S from './norrmalm-2016-H2';

/** The captured live picture the seed adopts (see norrmalm-2016-H2.ts). */
export function seedUnderlag(): Underlag {
  return JSON.parse(readFileSync(new URL(`./${S.UNDERLAG_FIL}`, import.meta.url), 'utf8'));
}

/**
 * The adopted 2016-H2 lägesbild of Norrmalm, once per database, the way it came about: a
 * draft from the captured picture, the four sections confirmed, adopted on 14 December 2016
 * with disclosure control computed now, at the given threshold, over what the area has
 * published (nothing, in an empty database).
 */
export async function seedPublicering(em: EntityManager, troskel: number): Promise<boolean> {
  return seedOnce(em, S.SEED_KEY, async (tx) => {
    const underlag = seedUnderlag();
    const p = new Publicering({
      omradeId: S.OMRADE_ID,
      period: S.PERIOD,
      version: 1,
      skapadAv: S.SKAPAD_AV,
      troskel,
      underlag,
    });
    // When the picture was captured: the draft's own time is not in the document.
    p.skapad = underlag.hamtad;
    tx.persist(p);
    for (const b of S.BEKRAFTELSER) tx.persist(new Bekraftelse(p.id, b.partner, b.roll));
    await tx.flush();
    await faststall(tx, p, { motesdatum: S.MOTESDATUM, mote: S.MOTE, troskel });
  });
}
