import { ejLevandeBehorigText, harLevandeBehorighet, type Partner } from '@lagesbild/domain';
import { GraphQLError } from 'graphql';
import { type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { KitContext } from './context';
import type { Viewer } from './viewer';

/**
 * The one rule for a partner's live data (the domain's LEVANDE_BEHORIGA), as every channel of
 * every subgraph applies it: a GraphQL field, an entity reached through `_entities`, the
 * Open311 endpoint. A reader not cleared for the partner gets no live count and no record
 * list of it, at any period: the field answers null with this error, never a number nor a
 * "fåtal" that a list or another period could undo.
 */
export function harLevandeBehorighetFor(viewer: Viewer, partner: Partner): boolean {
  return harLevandeBehorighet(viewer.roller, partner);
}

/** The refusal: code FORBIDDEN, the partner in `extensions.kalla`, a Swedish message. */
export function ejLevandeBehorig(partner: Partner): GraphQLError {
  return new GraphQLError(ejLevandeBehorigText(partner), {
    extensions: { code: 'FORBIDDEN', kalla: partner },
  });
}

/** Throws the refusal unless the viewer is cleared for the partner's live data. */
export function kravLevandeBehorighet(viewer: Viewer, partner: Partner): void {
  if (!harLevandeBehorighetFor(viewer, partner)) throw ejLevandeBehorig(partner);
}

/**
 * A field that exposes the partner's live counts or records: checked before its resolver
 * runs (nothing is loaded for a reader who may not see it). The field must be nullable, so
 * the refusal is a null in its place and the rest of the answer stays.
 */
export function LevandeData(partner: Partner): MethodDecorator & PropertyDecorator {
  const kontroll: MiddlewareFn<KitContext> = ({ context }, next) => {
    kravLevandeBehorighet(context.viewer, partner);
    return next();
  };
  return UseMiddleware(kontroll);
}
