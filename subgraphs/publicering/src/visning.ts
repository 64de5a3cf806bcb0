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
 * One cell as this reader may see it. A draft: the true number to a reader cleared for the
 * partner's live figures, else nothing until adoption. An adopted or replaced version: the
 * true number to a cleared reader (told what was hidden from the others), the published,
 * suppressed cell to everyone else.
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
    rapporteringsstatus: cell.status as Rapporteringsstatus,
  });
}

function publiceradeCeller(p: Publicering): Map<string, PubliceradeCeller[number]> {
  return new Map((p.publicerat?.celler ?? []).map((c) => [c.id, c]));
}

/** Every partner's section, in the picture's order, with its cells as the reader sees them. */
export function avsnittFor(p: Publicering, viewer: Viewer): PubliceratAvsnitt[] {
  const publicerade = publiceradeCeller(p);
  return PARTNERS.map((partner) => {
    const a = p.underlag.avsnitt.find((x) => x.partner === partner);
    return Object.assign(new PubliceratAvsnitt(), {
      partner,
      partnerNamn: PARTNER_NAMN[partner],
      rapporteringsstatus: a?.rapporteringsstatus,
      grovrePeriod: a?.grovrePeriod ? parsePeriod(a.grovrePeriod) : null,
      celler: p.underlag.celler
        .filter((c) => c.partner === partner)
        .map((c) => cellFor(p, c, publicerade.get(c.id), viewer)),
    });
  });
}

export function nivaerFor(p: Publicering): PubliceradNiva[] {
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
 * The cells a reader can compare: in a draft only those of partners the reader is cleared
 * for (a change in a hidden cell would tell something of it), in an adopted version every
 * cell as the reader sees it.
 */
function jamforbaraCeller(p: Publicering, viewer: Viewer): VisadCell[] {
  const publicerade = publiceradeCeller(p);
  return p.underlag.celler
    .filter((c) => p.status !== PubliceringStatus.UTKAST || behorigFor(viewer, c.partner))
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

/** Field by field against the version it corrects, as this reader sees both. */
export function andringarFor(
  p: Publicering,
  foregaende: Publicering,
  viewer: Viewer,
): AndringTyp[] {
  return somTyp([
    ...cellAndringar(jamforbaraCeller(foregaende, viewer), jamforbaraCeller(p, viewer)),
    ...nivaAndringar(p.period, foregaende.underlag.nivaer, p.underlag.nivaer),
  ]);
}
