/** Classification of a record; decides which roles may read it (see ROLL_KLASSNING). */
export enum Klassning {
  OPPEN = 'OPPEN',
  BEGRANSAD = 'BEGRANSAD',
  SKYDDAD = 'SKYDDAD',
}

export const KLASSNING_NAMN: Record<Klassning, string> = {
  [Klassning.OPPEN]: 'Öppen',
  [Klassning.BEGRANSAD]: 'Begränsad',
  [Klassning.SKYDDAD]: 'Skyddad',
};

const RANK: Record<Klassning, number> = {
  [Klassning.OPPEN]: 0,
  [Klassning.BEGRANSAD]: 1,
  [Klassning.SKYDDAD]: 2,
};

/** Numeric order of classifications, so "may read" is a plain comparison. */
export function klassningRank(k: Klassning): number {
  return RANK[k];
}
