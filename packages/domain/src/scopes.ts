import { Klassning, klassningRank } from './klassning';
import { clearance, type Roll } from './roller';

/**
 * Scopes are the strings federation's `@requiresScopes` names, and what the gateway and the
 * subgraphs compare a caller against. They come from the roles alone, so a token carries
 * roles and both layers derive the same scopes from them.
 */
export type Scope = `klassning:${'oppen' | 'begransad' | 'skyddad'}` | `roll:${Roll}`;

export const KLASSNING_SCOPE: Record<Klassning, Scope> = {
  [Klassning.OPPEN]: 'klassning:oppen',
  [Klassning.BEGRANSAD]: 'klassning:begransad',
  [Klassning.SKYDDAD]: 'klassning:skyddad',
};

export function rollScope(roll: Roll): Scope {
  return `roll:${roll}`;
}

/**
 * The caller's scopes: every classification up to the roles' clearance (clearance for
 * SKYDDAD includes BEGRANSAD, and everyone signed in may read OPPEN), and one `roll:` scope
 * per role.
 */
export function scopesFor(roles: readonly Roll[]): Set<Scope> {
  const rank = klassningRank(clearance(roles));
  const scopes = new Set<Scope>();
  for (const k of Object.values(Klassning)) {
    if (klassningRank(k) <= rank) scopes.add(KLASSNING_SCOPE[k]);
  }
  for (const roll of roles) scopes.add(rollScope(roll));
  return scopes;
}

/** Federation's rule: the caller holds every scope of at least one of the inner lists. */
export function satisfiesScopes(
  held: ReadonlySet<string>,
  required: readonly (readonly string[])[],
): boolean {
  return required.some((all) => all.every((s) => held.has(s)));
}
