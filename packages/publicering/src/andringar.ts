/**
 * What changed between two versions of a publication, or between an adopted version and
 * today's live picture: field by field, as a reader sees each field ("3" → "4", "fåtal" →
 * "ej redovisad", "Ej bedömd" → "Ett fåtal"). Pure; the caller decides what the reader may
 * see of each side (an uncleared reader compares suppressed cells only).
 */
import { MILJOER } from '@lagesbild/domain';
import type { Bedomningsniva, Cell, PubliceratInnehall, Underlag } from './modell';
import { nivaRubrik, nivaVisning, rubrik, visningUtanSkydd } from './text';

/** One field that differs: its id, its Swedish heading, and what it read before and after. */
export interface Andring {
  cell: string;
  rubrik: string;
  /** null: the field was not there before. */
  fran: string | null;
  /** null: the field is not there any more. */
  till: string | null;
}

/** A cell as one reader sees it: enough to name it and what it reads. */
export type VisadCell = Pick<
  Cell,
  'id' | 'period' | 'partner' | 'matt' | 'dimension' | 'nyckel'
> & {
  visning: string;
};

/** An unsuppressed Underlag's cells as they read with every number. */
export function visadeCellerUtanSkydd(underlag: Pick<Underlag, 'celler'>): VisadCell[] {
  return underlag.celler.map((c) => ({ ...namn(c), visning: visningUtanSkydd(c) }));
}

/** An adopted content's cells as published (suppressed). */
export function visadeCellerPublicerade(innehall: Pick<PubliceratInnehall, 'celler'>): VisadCell[] {
  return innehall.celler.map((c) => ({ ...namn(c), visning: c.visning }));
}

function namn(c: VisadCell | Cell | PubliceratInnehall['celler'][number]) {
  return {
    id: c.id,
    period: c.period,
    partner: c.partner,
    matt: c.matt,
    dimension: c.dimension,
    nyckel: c.nyckel,
  };
}

/** Cell by cell, in the order of `efter` and then the cells only `fore` had. */
export function cellAndringar(fore: readonly VisadCell[], efter: readonly VisadCell[]): Andring[] {
  const foreId = new Map(fore.map((c) => [c.id, c]));
  const efterId = new Set(efter.map((c) => c.id));
  const ut: Andring[] = [];
  for (const c of efter) {
    const f = foreId.get(c.id);
    if (f && f.visning === c.visning) continue;
    ut.push({ cell: c.id, rubrik: rubrik(c), fran: f?.visning ?? null, till: c.visning });
  }
  for (const f of fore) {
    if (!efterId.has(f.id)) ut.push({ cell: f.id, rubrik: rubrik(f), fran: f.visning, till: null });
  }
  return ut;
}

const NIVA_FALT = ['bosatta', 'folkbokforda', 'utsattaForBrott', 'resor'] as const;

/** The police's levels, environment by environment and field by field. */
export function nivaAndringar(
  period: string,
  fore: readonly Bedomningsniva[],
  efter: readonly Bedomningsniva[],
): Andring[] {
  const ut: Andring[] = [];
  for (const miljo of MILJOER) {
    const f = fore.find((n) => n.miljo === miljo);
    const e = efter.find((n) => n.miljo === miljo);
    for (const falt of NIVA_FALT) {
      const fran = nivaVisning(f?.[falt] ?? null);
      const till = nivaVisning(e?.[falt] ?? null);
      if (fran === till) continue;
      ut.push({
        cell: `${period}|polis|niva|${falt}=${miljo}`,
        rubrik: nivaRubrik(period, miljo, falt),
        fran,
        till,
      });
    }
  }
  return ut;
}

/**
 * Two unsuppressed pictures of one area and period (an adopted version's Underlag and
 * today's), every field with its number.
 */
export function underlagAndringar(fore: Underlag, efter: Underlag): Andring[] {
  return [
    ...cellAndringar(visadeCellerUtanSkydd(fore), visadeCellerUtanSkydd(efter)),
    ...nivaAndringar(efter.period, fore.nivaer, efter.nivaer),
  ];
}

/** Two adopted contents as the public reads them (suppressed). */
export function innehallsAndringar(fore: PubliceratInnehall, efter: PubliceratInnehall): Andring[] {
  return [
    ...cellAndringar(visadeCellerPublicerade(fore), visadeCellerPublicerade(efter)),
    ...nivaAndringar(efter.period, fore.nivaer, efter.nivaer),
  ];
}
