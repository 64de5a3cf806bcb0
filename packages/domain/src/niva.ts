/**
 * Qualitative levels as the police state them. The police say "ett fåtal individer",
 * so the system stores the level itself rather than inventing a number it was never given.
 */
export enum Niva {
  INGA = 'INGA',
  FATAL = 'FATAL',
  NAGRA = 'NAGRA',
  MANGA = 'MANGA',
  OKAND = 'OKAND',
}

export const NIVA_NAMN: Record<Niva, string> = {
  [Niva.INGA]: 'Inga',
  [Niva.FATAL]: 'Ett fåtal',
  [Niva.NAGRA]: 'Några',
  [Niva.MANGA]: 'Många',
  [Niva.OKAND]: 'Okänt',
};

export const NIVA_BESKRIVNING: Record<Niva, string> = {
  [Niva.INGA]: 'Polisen har inga uppgifter om förekomst under perioden.',
  [Niva.FATAL]: 'Polisen bedömer att det rör sig om ett fåtal individer eller händelser.',
  [Niva.NAGRA]: 'Polisen bedömer att det rör sig om några individer eller händelser.',
  [Niva.MANGA]: 'Polisen bedömer att det rör sig om många individer eller händelser.',
  [Niva.OKAND]: 'Polisen har bedömt miljön men kan inte ange nivån (inte detsamma som ej bedömd).',
};
