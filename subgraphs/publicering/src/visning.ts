import {
  type Miljo,
  type Niva,
  PARTNER_NAMN,
  PARTNERS,
  type Partner,
  parsePeriod,
  type Rapporteringsstatus,
} from '@lagesbild/domain';
import {
  type Andring,
  type Cell,
  cellAndringar,
  nivaAndringar,
  type PubliceratInnehall,
  UTKAST_DOLT_VISNING,
  type VisadCell,
  visningUtanSkydd,
} from '@lagesbild/publicering';
import type { Viewer } from '@lagesbild/subgraph-kit';
import { behorigFor } from './behorighet';
import { type Publicering, PubliceringStatus, Undertryckning } from './entities';
import {
  Andring as AndringTyp,
  PubliceradCell,
  PubliceradNiva,
  PubliceratAvsnitt,
} from './types/publicering.type';

type PubliceradeCeller = PubliceratInnehall['celler'];

/**
 * Whether the reader sees nothing of the partner's section of this version until adoption:
 * a draft holds the live picture unsuppressed, and a reader not cleared for the partner's
 * live figures must learn nothing of them from it — no number, no state (RAPPORTERAT_NOLL
 * says the count is 0), not even the longer period the partner reported for.
 */
function doltUtkast(p: Publicering, viewer: Viewer, partner: Partner): boolean {
  return p.status === PubliceringStatus.UTKAST && !behorigFor(viewer, partner);
}

/**
 * One cell as this reader may see it. A draft: the true number to a reader cleared for the
 * partner's live figures, else nothing until adoption (no number, no state). An adopted or
 * replaced version: the true number to a cleared reader (told what was hidden from the
 * others), the published, suppressed cell to everyone else.
 */
function cellFor(
  p: Publicering,
  cell: Cell,
  publicerad: PubliceradeCeller[number] | undefined,
  viewer: Viewer,
): PubliceradCell {
  const behorig = behorigFor(viewer, cell.partner);
  const utkast = p.status === PubliceringStatus.UTKAST;
  const undertryckt = publicerad?.undertryckt ? Undertryckning[publicerad.undertryckt] : null;
  let antal: number | null;
  let visning: string;
  if (behorig) {
    antal = cell.varde;
    visning = visningUtanSkydd(cell);
  } else if (utkast || !publicerad) {
    antal = null;
    visning = UTKAST_DOLT_VISNING;
  } else {
    antal = publicerad.antal;
    visning = publicerad.visning;
  }
  return Object.assign(new PubliceradCell(), {
    id: cell.id,
    period: parsePeriod(cell.period),
    matt: cell.matt,
    dimension: cell.dimension,
    nyckel: cell.nyckel,
    antal,
    visning,
    undertryckt: utkast ? null : undertryckt,
    rapporteringsstatus: doltUtkast(p, viewer, cell.partner)
      ? null
      : (cell.status as Rapporteringsstatus),
  });
}

function publiceradeCeller(p: Publicering): Map<string, PubliceradeCeller[number]> {
  return new Map((p.publicerat?.celler ?? []).map((c) => [c.id, c]));
}

/**
 * Every partner's section, in the picture's order, with its cells as the reader sees them.
 * A draft's section the reader is not cleared for: no state, and only the cells of the
 * publication's own period — always the same cells, so their list tells nothing — not those
 * of a longer period, which are there only when the partner reported for one.
 */
export function avsnittFor(p: Publicering, viewer: Viewer): PubliceratAvsnitt[] {
  const publicerade = publiceradeCeller(p);
  return PARTNERS.map((partner) => {
    const a = p.underlag.avsnitt.find((x) => x.partner === partner);
    const dolt = doltUtkast(p, viewer, partner);
    return Object.assign(new PubliceratAvsnitt(), {
      partner,
      partnerNamn: PARTNER_NAMN[partner],
      rapporteringsstatus: dolt ? null : a?.rapporteringsstatus,
      grovrePeriod: !dolt && a?.grovrePeriod ? parsePeriod(a.grovrePeriod) : null,
      celler: p.underlag.celler
        .filter((c) => c.partner === partner && (!dolt || c.period === p.period))
        .map((c) => cellFor(p, c, publicerade.get(c.id), viewer)),
    });
  });
}

/**
 * The police's levels: published with an adopted version (words, never suppressed), but in
 * a draft they are the police's live assessment, for readers cleared for it only (null).
 */
export function nivaerFor(p: Publicering, viewer: Viewer): PubliceradNiva[] | null {
  if (doltUtkast(p, viewer, 'polis')) return null;
  return p.underlag.nivaer.map((n) =>
    Object.assign(new PubliceradNiva(), {
      miljo: n.miljo as Miljo,
      bosatta: n.bosatta as Niva | null,
      folkbokforda: n.folkbokforda as Niva | null,
      utsattaForBrott: n.utsattaForBrott as Niva | null,
      resor: n.resor as Niva | null,
    }),
  );
}

/**
 * The cells a reader can compare, of the partners given, as the reader sees them.
 */
function jamforbaraCeller(
  p: Publicering,
  viewer: Viewer,
  partners: ReadonlySet<Partner>,
): VisadCell[] {
  const publicerade = publiceradeCeller(p);
  return p.underlag.celler
    .filter((c) => partners.has(c.partner))
    .map((c) => {
      const v = cellFor(p, c, publicerade.get(c.id), viewer);
      return {
        id: c.id,
        period: c.period,
        partner: c.partner as Partner,
        matt: c.matt,
        dimension: c.dimension,
        nyckel: c.nyckel,
        visning: v.visning,
      };
    });
}

export function somTyp(andringar: Andring[]): AndringTyp[] {
  return andringar.map((a) => Object.assign(new AndringTyp(), a));
}

/**
 * Field by field against the version it corrects, as this reader sees both. Where either is
 * a draft, only what the reader may see in both: the partners it is cleared for (a hidden
 * section compared with a published one would read as changed, and a change in it would
 * tell something of it), the police's levels only to readers cleared for the police.
 */
export function andringarFor(
  p: Publicering,
  foregaende: Publicering,
  viewer: Viewer,
): AndringTyp[] {
  const utkast =
    p.status === PubliceringStatus.UTKAST || foregaende.status === PubliceringStatus.UTKAST;
  const partners = new Set(PARTNERS.filter((x) => !utkast || behorigFor(viewer, x)));
  return somTyp([
    ...cellAndringar(
      jamforbaraCeller(foregaende, viewer, partners),
      jamforbaraCeller(p, viewer, partners),
    ),
    ...(partners.has('polis')
      ? nivaAndringar(p.period, foregaende.underlag.nivaer, p.underlag.nivaer)
      : []),
  ]);
}
