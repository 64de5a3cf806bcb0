import { type Klassning, mayRead, type Roll } from '@lagesbild/domain';
import { GraphQLError } from 'graphql';
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { KitContext } from './context';

/**
 * type-graphql's `@Authorized(...roles)`: the viewer needs one of the roles. ADMIN is
 * not a wildcard; it is listed where it applies.
 */
export class RoleAuthChecker implements AuthCheckerInterface<KitContext> {
  check({ context }: ResolverData<KitContext>, roles: string[]): boolean {
    const viewer = context.viewer;
    if (viewer.subject === null) {
      throw new GraphQLError('Du måste vara inloggad för detta.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    if (roles.length === 0 || viewer.roller.some((r) => roles.includes(r))) return true;
    // Thrown here rather than answering false: type-graphql's own error has code
    // UNAUTHORIZED and an English text; the caller should read why, in Swedish.
    throw forbidden();
  }
}

export function forbidden(message = 'Din roll har inte behörighet till detta.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** The filtering hook for classified records: what the viewer may not read is left out. */
export function readable<T extends { klassning: Klassning }>(
  roller: readonly Roll[],
  rows: T[],
): T[] {
  return rows.filter((r) => mayRead(roller, r.klassning));
}
