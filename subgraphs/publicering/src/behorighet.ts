import {
  AVSNITT_AGARE,
  harLevandeBehorighet,
  PARTNERS,
  type Partner,
  Roll,
} from '@lagesbild/domain';
import type { Viewer } from '@lagesbild/subgraph-kit';
import { type Publicering, PubliceringStatus } from './entities';

/**
 * Who reads a draft: the coordinator who made it, the council that adopts it, the analyst,
 * ADMIN, and the partners who confirm its sections. Adopted and replaced versions are read
 * by everyone signed in (the council's other actors, SAMVERKANSPART, included); what each
 * reader sees of a partner's cells follows the domain's LEVANDE_BEHORIGA.
 */
export const UTKAST_LASARE: readonly Roll[] = Object.freeze([
  // Once each: the coordinator is also förvaltning's section owner.
  ...new Set([
    Roll.SAMORDNARE,
    Roll.RADET,
    Roll.ANALYTIKER,
    Roll.ADMIN,
    ...PARTNERS.flatMap((p) => AVSNITT_AGARE[p]),
  ]),
]);

export function marLasa(viewer: Viewer, p: Publicering): boolean {
  if (p.status !== PubliceringStatus.UTKAST) return true;
  return viewer.roller.some((r) => UTKAST_LASARE.includes(r));
}

/** Cleared for the partner's live figures: sees its true numbers in every version. */
export function behorigFor(viewer: Viewer, partner: Partner): boolean {
  return harLevandeBehorighet(viewer.roller, partner);
}

/** Cleared for every partner: may compare an adopted version with today's live picture. */
export function behorigForAlla(viewer: Viewer): boolean {
  return PARTNERS.every((p) => behorigFor(viewer, p));
}

/** May confirm the partner's section: its own organisation (AVSNITT_AGARE). */
export function marBekrafta(viewer: Viewer, partner: Partner): boolean {
  return viewer.roller.some((r) => AVSNITT_AGARE[partner].includes(r));
}
