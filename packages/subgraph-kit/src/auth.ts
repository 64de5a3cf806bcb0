import {
  KLASSNING_SCOPE,
  type Klassning,
  mayRead,
  type Roll,
  type Scope,
  scopesFor,
} from '@lagesbild/domain';
import { GraphQLError } from 'graphql';
import { type AuthCheckerInterface, Authorized, Directive, type ResolverData } from 'type-graphql';
import type { KitContext } from './context';

/**
 * type-graphql's `@Authorized(...)`: the viewer needs one of the listed roles (`ADMIN`) or
 * scopes (`klassning:begransad`, `roll:ADMIN`; see scopesFor). ADMIN is not a wildcard; it
 * is listed where it applies.
 */
export class RoleAuthChecker implements AuthCheckerInterface<KitContext> {
  check({ context, info }: ResolverData<KitContext>, roles: string[]): boolean {
    const viewer = context.viewer;
    if (viewer.subject === null) {
      throw new GraphQLError('Du måste vara inloggad för detta.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    if (roles.length === 0 || viewer.roller.some((r) => roles.includes(r))) return true;
    const scopes: ReadonlySet<string> = scopesFor(viewer.roller);
    if (roles.some((r) => scopes.has(r))) return true;
    // Thrown here rather than answering false: type-graphql's own error has code
    // UNAUTHORIZED and an English text; the caller should read why, in Swedish.
    const falt = `${info.parentType.name}.${info.fieldName}`;
    throw forbidden(
      `Din roll har inte behörighet till ${falt} (kräver någon av: ${roles.join(', ')}).`,
    );
  }
}

export function forbidden(message = 'Din roll har inte behörighet till detta.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * A field only callers holding one of the scopes may read: declared in the schema with
 * federation's `@requiresScopes` (each scope its own alternative), so the supergraph carries
 * it and the gateway refuses before planning, and enforced here by type-graphql's
 * `@Authorized`, since a subgraph never trusts whoever reaches its port.
 */
export function KraverBehorighet(
  ...scopes: [Scope, ...Scope[]]
): MethodDecorator & PropertyDecorator {
  const alternatives = scopes.map((s) => `[${JSON.stringify(s)}]`).join(', ');
  const directive = Directive(`@requiresScopes(scopes: [${alternatives}])`);
  const authorized = Authorized(...scopes);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    directive(target, key, descriptor as never);
    authorized(target, key, descriptor as never);
  };
}

/** A field readable only with clearance for the classification (`Klassad(Klassning.SKYDDAD)`). */
export function Klassad(klassning: Klassning): MethodDecorator & PropertyDecorator {
  return KraverBehorighet(KLASSNING_SCOPE[klassning]);
}

/** The filtering hook for classified records: what the viewer may not read is left out. */
export function readable<T extends { klassning: Klassning }>(
  roller: readonly Roll[],
  rows: T[],
): T[] {
  return rows.filter((r) => mayRead(roller, r.klassning));
}
