/**
 * The one register of areas every subgraph shares: Stockholm's stadsdelsområden (the
 * thirteen since 2020). Förvaltning's Omrade register is seeded from it and takes no id
 * outside it; every other subgraph checks an area id against it on every write channel
 * (mutations, CSV rows and import commands, Open311), so an id like "finns-inte" or
 * `x' OR 1=1--` is refused instead of stored. Ids are the names folded to lower-case ASCII
 * (omradeIdFranNamn): "Hägersten-Älvsjö" is "hagersten-alvsjo".
 */
import { omradeIdAv } from './omrade';

export interface Stadsdelsomrade {
  id: string;
  namn: string;
}

/** A name folded to an id: å ä ö → a a o, lower case, spaces to dashes. */
export function omradeIdFranNamn(namn: string): string {
  return namn
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-');
}

const NAMN = [
  'Rinkeby-Kista',
  'Spånga-Tensta',
  'Hässelby-Vällingby',
  'Bromma',
  'Kungsholmen',
  'Norrmalm',
  'Östermalm',
  'Södermalm',
  'Enskede-Årsta-Vantör',
  'Skarpnäck',
  'Farsta',
  'Hägersten-Älvsjö',
  'Skärholmen',
] as const;

/** Stockholm's stadsdelsområden; ids lower-case ASCII as förvaltning's register has them. */
export const STADSDELSOMRADEN: readonly Stadsdelsomrade[] = Object.freeze(
  NAMN.map((namn) => Object.freeze({ id: omradeIdFranNamn(namn), namn })),
);

const PER_ID = new Map(STADSDELSOMRADEN.map((o) => [o.id, o]));

/** The known ids, sorted, as an unknown area's message lists them. */
export const KANDA_OMRADE_IDN: readonly string[] = Object.freeze(
  STADSDELSOMRADEN.map((o) => o.id).sort(),
);

/** The area an id (as a reader may type it: "Norrmalm") names, or undefined. */
export function stadsdelsomrade(id: string): Stadsdelsomrade | undefined {
  return PER_ID.get(omradeIdAv(id));
}

/** Whether the id (after omradeIdAv folding) is one of Stockholm's stadsdelsområden. */
export function arKantOmrade(id: string): boolean {
  return typeof id === 'string' && PER_ID.has(omradeIdAv(id));
}

/**
 * The refusal of an unknown area, listing the ids a given register knows (förvaltning's
 * own, which may hold fewer than all), sorted.
 */
export function okantOmradeText(input: string, kanda: readonly string[]): string {
  const lista = kanda.length > 0 ? kanda.join(', ') : 'inga';
  return `Okänt område "${String(input).trim()}". Kända områden: ${lista}.`;
}

/** null when known, else `Okänt område "x". Kända områden: a, b, …` */
export function okantOmradeFel(input: string): string | null {
  return arKantOmrade(input) ? null : okantOmradeText(input, KANDA_OMRADE_IDN);
}
