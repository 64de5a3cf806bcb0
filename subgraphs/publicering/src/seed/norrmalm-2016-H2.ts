/**
 * The source document's adopted lägesbild: the joint picture with the police "uppdateras
 * varje halvår", and the police's intelligence report is dated December 2016 (2016-H2). The
 * council adopted it at its meeting on 14 December 2016 — version 1, every section
 * confirmed by its owner. The document does not say when each partner confirmed, so the
 * confirmations carry no time; it gives no comment either.
 *
 * The figures are not written here: `norrmalm-2016-H2.underlag.json` is the live picture of
 * the seeded data as `pnpm --filter @lagesbild/publicering-subgraf seed:fanga` captured it
 * through the gateway (with the coordinator's rights), and the suppression is computed when
 * the seed loads, by the same function adoption uses.
 */
import { Roll } from '@lagesbild/domain';

export const SEED_KEY = 'publicering-norrmalm-2016-H2';
export const UNDERLAG_FIL = 'norrmalm-2016-H2.underlag.json';
export const OMRADE_ID = 'norrmalm';
export const PERIOD = '2016-H2';
export const MOTESDATUM = '2016-12-14';
export const MOTE = 'Trygghets- och säkerhetsrådets möte 14 december 2016';
export const SKAPAD_AV = Roll.SAMORDNARE;

/** Who confirmed each section: its owner (AVSNITT_AGARE); klotter by trafikkontoret, its reporter. */
export const BEKRAFTELSER: { partner: string; roll: Roll }[] = [
  { partner: 'forvaltning', roll: Roll.SAMORDNARE },
  { partner: 'polis', roll: Roll.POLIS },
  { partner: 'skolor', roll: Roll.UTBILDNINGSFORVALTNING },
  { partner: 'klotter', roll: Roll.TRAFIKKONTORET },
];
