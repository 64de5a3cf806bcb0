/**
 * Who reads what of the partners' live data (issue 14). A partner's live aggregates and
 * record lists — its counts at any period, its records — reach only the readers cleared for
 * that partner: the owner, the council (RADET), the coordinator (SAMORDNARE), the analyst
 * (ANALYTIKER) and ADMIN. Everyone else — the other partners reading a partner's section, a
 * single school, the council's other actors (SAMVERKANSPART) — gets no live figure of that
 * partner at all and reads the adopted lägesbild (the publication), where disclosure control
 * was applied once, over everything published. A count that is not there cannot be
 * differenced across periods, nor undone by a list beside it.
 *
 * The one place that decides it: every subgraph asks `harLevandeBehorighet`, through the
 * kit's `kravLevandeBehorighet`, on every channel (GraphQL and Open311).
 */
import type { Roll } from './roller';

import { PARTNER_REGISTER, type PartnerFalt, perPartner } from './subgrafer';

/** A partner whose section the live picture shows: its field in the registry (SUBGRAPHS). */
export type Partner = PartnerFalt;

/** The partners in the order the picture shows them. */
export const PARTNERS: readonly Partner[] = Object.freeze(
  PARTNER_REGISTER.map((p) => p.falt as Partner),
);

export const PARTNER_NAMN: Record<Partner, string> = perPartner((p) => p.namn);

/** The partner's name in the genitive, for a sentence ("Polisens siffror …"). */
export const PARTNER_GENITIV: Record<Partner, string> = perPartner((p) => p.genitiv);

/** Readers cleared for a partner's live aggregates and record lists. */
export const LEVANDE_BEHORIGA: Record<Partner, readonly Roll[]> = perPartner((p) =>
  Object.freeze([...p.levandeBehoriga]),
);

/** Who confirms a partner's section of a publication (its own organisation). */
export const AVSNITT_AGARE: Record<Partner, readonly Roll[]> = perPartner((p) =>
  Object.freeze([...p.avsnittAgare]),
);

/** May a reader with these roles read the partner's live counts and records? */
export function harLevandeBehorighet(roller: readonly Roll[], partner: Partner): boolean {
  const behoriga = LEVANDE_BEHORIGA[partner];
  // An unknown partner (an untyped string at run time) clears nobody.
  return behoriga !== undefined && roller.some((r) => behoriga.includes(r));
}

/** The partners a reader with these roles is not cleared for, in the picture's order. */
export function ejBehorigaPartner(roller: readonly Roll[]): Partner[] {
  return PARTNERS.filter((p) => !harLevandeBehorighet(roller, p));
}

/**
 * What a reader not cleared for the partner is told, e.g. "Polisens siffror och register
 * visas bara för de behöriga (POLIS, RADET, SAMORDNARE, ANALYTIKER, ADMIN). Läs den
 * fastställda lägesbilden."
 */
export function ejLevandeBehorigText(partner: Partner): string {
  return (
    `${PARTNER_GENITIV[partner]} siffror och register visas bara för de behöriga ` +
    `(${LEVANDE_BEHORIGA[partner].join(', ')}). Läs den fastställda lägesbilden.`
  );
}
