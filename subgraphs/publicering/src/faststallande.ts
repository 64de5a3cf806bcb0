import { type PubliceratInnehall, rubrikAvId } from '@lagesbild/publicering';
import { exportera } from '@lagesbild/publicering/export';
import { type PubliceradVersion, skyddaVidFaststallande } from '@lagesbild/publicering/skydd';
import type { EntityManager } from '@mikro-orm/core';
import { Publicering, PubliceringStatus } from './entities';

/**
 * Every earlier adopted version of the area, replaced ones included, all periods: what a
 * reader may already combine with the new version. Each with the sums of its own tables
 * and the threshold it was adopted with; the sums that tie periods together (a year and its
 * halves) come with the new version's Underlag and are added by skydd.ts from the cell ids.
 */
export async function publiceratTidigare(
  em: EntityManager,
  omradeId: string,
  utom: string,
): Promise<PubliceradVersion[]> {
  const tidigare = await em.find(
    Publicering,
    {
      omradeId,
      status: { $in: [PubliceringStatus.FASTSTALLD, PubliceringStatus.ERSATT] },
      id: { $ne: utom },
    },
    // In the order they were adopted: where two versions disagree, the later one's fact wins.
    // Not by meeting date: the council may adopt a version at a meeting dated before the
    // adoption of another.
    { orderBy: { faststalldTid: 'asc', version: 'asc' } },
  );
  return tidigare
    .filter((p) => p.publicerat !== null)
    .map((p) => ({
      celler: (p.publicerat as PubliceratInnehall).celler,
      relationer: p.underlag.relationer,
      troskel: p.troskel,
    }));
}

/**
 * Adopts a draft: disclosure control over the new version and everything the area has
 * published (skyddaVidFaststallande, which throws SkyddError when nothing within the new
 * version can protect a cell), the suppressed content and its hash stored, and the version
 * it corrects marked ERSATT (by the database's trigger). Run inside the mutation's transaction (and the seed's): the
 * whole adoption lands, or nothing does.
 */
export async function faststall(
  em: EntityManager,
  p: Publicering,
  beslut: { motesdatum: string; mote: string; troskel: number },
): Promise<Publicering> {
  const tidigare = await publiceratTidigare(em, p.omradeId, p.id);
  const celler = await skyddaVidFaststallande(p.underlag, tidigare, beslut.troskel, {
    rubrik: rubrikAvId,
  });
  const innehall: PubliceratInnehall = {
    omradeId: p.omradeId,
    period: p.period,
    version: p.version,
    faststalld: beslut.motesdatum,
    mote: beslut.mote,
    troskel: beslut.troskel,
    avsnitt: p.underlag.avsnitt,
    celler,
    relationer: p.underlag.relationer.map(({ restVarde: _r, ...r }) => r),
    nivaer: p.underlag.nivaer,
  };
  p.status = PubliceringStatus.FASTSTALLD;
  p.faststalld = beslut.motesdatum;
  p.faststalldTid = new Date().toISOString();
  p.mote = beslut.mote;
  p.troskel = beslut.troskel;
  p.publicerat = innehall;
  p.hash = exportera(innehall).hash;
  // The database checks the step (every section confirmed; the first adopted version of the
  // area and period, or the correction of the one in force) and, for a correction, marks the
  // version it corrects ERSATT in the same statement (Migration0002Livscykel).
  await em.flush();
  if (p.foregaendeId) {
    // The row as it now is, in this unit of work too (its snapshot included).
    const ersatt = await em.findOne(Publicering, p.foregaendeId, { refresh: true });
    if (ersatt?.status !== PubliceringStatus.ERSATT || ersatt.ersattAvId !== p.id) {
      throw new Error(`${p.foregaendeId} was not replaced by ${p.id}`);
    }
  }
  return p;
}
