import { type Lagesbild, PARTNER_NAMN, type PartnerFalt, type PlatsRef } from './types';

export interface Hotspot {
  /** The place, or the larger place its records' places are part of. */
  platsId: string;
  namn: string;
  /** The parts of the place where something was recorded, by name (empty: the place itself). */
  delar: string[];
  /** Per partner, what it recorded at the place or its parts in the period. */
  uppgifter: { partner: PartnerFalt; partnerNamn: string; vad: string[] }[];
}

/**
 * The places that appear in two or more partners' data for the period — through the shared
 * Plats id every partner computes alike — with what each recorded there. A place that is
 * part of a larger one (Plats.delAv, on the place or in the area's register
 * omrade.platser: the park's playground, its metro entrance) counts as the larger place,
 * with the part named, so records next to each other meet. Only the
 * period's own records are read, never a longer period's (grovre). Most partners first,
 * then by name.
 */
export function hotspots(l: Lagesbild): Hotspot[] {
  // A place's larger place: its own delAv when the answer carries it, else the area's register.
  const register = new Map((l.omrade.platser ?? []).map((p) => [p.id, p.delAv ?? null]));
  const byPlats = new Map<
    string,
    { namn: string; delar: string[]; uppgifter: Map<PartnerFalt, string[]> }
  >();
  const note = (partner: PartnerFalt, plats: PlatsRef | null, vad: string) => {
    if (!plats) return;
    const hel = plats.delAv ?? register.get(plats.id) ?? null;
    const id = hel?.id ?? plats.id;
    const entry = byPlats.get(id) ?? {
      namn: (hel ? hel.namn : plats.namn) ?? id,
      delar: [] as string[],
      uppgifter: new Map<PartnerFalt, string[]>(),
    };
    if (hel?.namn) entry.namn = hel.namn;
    else if (!hel && plats.namn) entry.namn = plats.namn;
    const del = hel ? (plats.namn ?? plats.id) : null;
    if (del && !entry.delar.includes(del)) entry.delar.push(del);
    entry.uppgifter.set(partner, [
      ...(entry.uppgifter.get(partner) ?? []),
      del ? `${vad} (${del})` : vad,
    ]);
    byPlats.set(id, entry);
  };
  for (const i of l.forvaltning?.incidenter ?? []) {
    note('forvaltning', i.plats, `Incident: ${i.beskrivning}`);
  }
  for (const h of l.polis?.handelser ?? []) {
    for (const p of h.platser) note('polis', p, `${h.rubrik}${h.vald ? ' (våld)' : ''}`);
  }
  for (const a of l.klotter?.anmalningar.anmalningar ?? []) {
    note('klotter', a.plats, `Klotter: ${a.innehall}`);
  }
  return [...byPlats.entries()]
    .filter(([, e]) => e.uppgifter.size >= 2)
    .map(([platsId, e]) => ({
      platsId,
      namn: e.namn,
      delar: [...e.delar].sort((a, b) => a.localeCompare(b, 'sv')),
      uppgifter: [...e.uppgifter.entries()].map(([partner, vad]) => ({
        partner,
        partnerNamn: PARTNER_NAMN[partner],
        vad,
      })),
    }))
    .sort((a, b) => b.uppgifter.length - a.uppgifter.length || a.namn.localeCompare(b.namn, 'sv'));
}
