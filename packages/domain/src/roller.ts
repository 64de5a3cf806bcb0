import { KLASSNING_NAMN, Klassning, klassningRank } from './klassning';

export enum Roll {
  RADET = 'RADET',
  ANALYTIKER = 'ANALYTIKER',
  SAMORDNARE = 'SAMORDNARE',
  POLIS = 'POLIS',
  SKOLA = 'SKOLA',
  UTBILDNINGSFORVALTNING = 'UTBILDNINGSFORVALTNING',
  TRAFIKKONTORET = 'TRAFIKKONTORET',
  SISAB = 'SISAB',
  MTR = 'MTR',
  /** The council's other actors: församlingar, räddningstjänst, SL and others. */
  SAMVERKANSPART = 'SAMVERKANSPART',
  ADMIN = 'ADMIN',
}

export const ROLL_NAMN: Record<Roll, string> = {
  [Roll.RADET]: 'Trygghets- och säkerhetsrådet',
  [Roll.ANALYTIKER]: 'Analytiker',
  [Roll.SAMORDNARE]: 'Trygghets- och säkerhetssamordnare',
  [Roll.POLIS]: 'Polisen (lokalpolisområde Norrmalm)',
  [Roll.SKOLA]: 'Skola',
  [Roll.UTBILDNINGSFORVALTNING]: 'Utbildningsförvaltningen',
  [Roll.TRAFIKKONTORET]: 'Trafikkontoret',
  [Roll.SISAB]: 'SISAB',
  [Roll.MTR]: 'MTR',
  [Roll.SAMVERKANSPART]: 'Samverkanspart (församlingar, räddningstjänst, SL m.fl.)',
  [Roll.ADMIN]: 'Administratör',
};

/**
 * The highest classification each role may read. Contractors, single schools and the
 * council's other actors (SAMVERKANSPART) see only open records, since their staff are many
 * and not vetted for the council's material.
 */
export const ROLL_KLASSNING: Record<Roll, Klassning> = {
  [Roll.RADET]: Klassning.BEGRANSAD,
  [Roll.ANALYTIKER]: Klassning.BEGRANSAD,
  [Roll.SAMORDNARE]: Klassning.BEGRANSAD,
  [Roll.POLIS]: Klassning.SKYDDAD,
  [Roll.SKOLA]: Klassning.OPPEN,
  [Roll.UTBILDNINGSFORVALTNING]: Klassning.BEGRANSAD,
  [Roll.TRAFIKKONTORET]: Klassning.OPPEN,
  [Roll.SISAB]: Klassning.OPPEN,
  [Roll.MTR]: Klassning.OPPEN,
  [Roll.SAMVERKANSPART]: Klassning.OPPEN,
  [Roll.ADMIN]: Klassning.SKYDDAD,
};

/** Highest classification any of the roles grants; an anonymous viewer sees open records. */
export function clearance(roles: readonly Roll[]): Klassning {
  let best = Klassning.OPPEN;
  for (const roll of roles) {
    const k = ROLL_KLASSNING[roll];
    // Unknown strings can slip in from untyped token claims; they grant nothing.
    if (k !== undefined && klassningRank(k) > klassningRank(best)) best = k;
  }
  return best;
}

export function mayRead(roles: readonly Roll[], k: Klassning): boolean {
  return klassningRank(k) <= klassningRank(clearance(roles));
}

/**
 * Clearance to write: a writer may not give a record a classification higher than it may
 * itself read (it could not see what it wrote). null when the roles may write a record of
 * classification `k`, else the refusal in Swedish. Every channel that takes a classification
 * asks this one function (the mutation, the CSV rows, the HTTP import).
 */
export function klassningOverBehorighetFel(roles: readonly Roll[], k: Klassning): string | null {
  if (mayRead(roles, k)) return null;
  const egen = KLASSNING_NAMN[clearance(roles)];
  return `Klassningen ${KLASSNING_NAMN[k]} är en högre klassning än din behörighet (${egen}); välj en klassning du själv får läsa.`;
}

const ROLLER = new Set<string>(Object.values(Roll));

/** Reads a role from a token claim or header, where casing is not under our control. */
export function parseRoll(s: string): Roll | undefined {
  const upper = s.trim().toUpperCase();
  return ROLLER.has(upper) ? (upper as Roll) : undefined;
}
