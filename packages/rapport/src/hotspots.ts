import { type Lagesbild, PARTNER_NAMN, type PartnerFalt } from './types';

export interface Hotspot {
  platsId: string;
  namn: string;
  /** Per partner, what it recorded at the place in the period. */
  uppgifter: { partner: PartnerFalt; partnerNamn: string; vad: string[] }[];
}

/**
 * The places that appear in two or more partners' data for the period — through the shared
 * Plats id every partner computes alike — with what each recorded there. Most partners
 * first, then by name.
 */
export function hotspots(l: Lagesbild): Hotspot[] {
  const byPlats = new Map<string, { namn: string; uppgifter: Map<PartnerFalt, string[]> }>();
  const note = (
    partner: PartnerFalt,
    plats: { id: string; namn: string | null } | null,
    vad: string,
  ) => {
    if (!plats) return;
    const entry = byPlats.get(plats.id) ?? { namn: plats.namn ?? plats.id, uppgifter: new Map() };
    if (plats.namn) entry.namn = plats.namn;
    entry.uppgifter.set(partner, [...(entry.uppgifter.get(partner) ?? []), vad]);
    byPlats.set(plats.id, entry);
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
      uppgifter: [...e.uppgifter.entries()].map(([partner, vad]) => ({
        partner,
        partnerNamn: PARTNER_NAMN[partner],
        vad,
      })),
    }))
    .sort((a, b) => b.uppgifter.length - a.uppgifter.length || a.namn.localeCompare(b.namn, 'sv'));
}
