/**
 * Deterministic place id, so every partner derives the same key for "Sveavägen 73"
 * without asking the place register. Changing this function changes every id in every
 * partner's database: treat it as frozen.
 */
export function platsId(nameOrAddress: string): string {
  const id = nameOrAddress
    .trim()
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Letters that NFD does not decompose but that Nordic and German names carry.
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (id === '') {
    throw new Error(
      `Platsnamnet är tomt eller saknar bokstäver och siffror: "${nameOrAddress}". Ange ett namn eller en adress, t.ex. "Sveavägen 73".`,
    );
  }
  return id;
}
