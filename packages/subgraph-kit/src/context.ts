import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { type Viewer, viewerFromRequest } from './viewer';

/** What every resolver gets: a fresh EntityManager fork, fresh loaders, the viewer. */
export interface KitContext<TLoaders = unknown> {
  em: EntityManager;
  loaders: TLoaders;
  viewer: Viewer;
  /** The id the gateway gave this question; every log line about it carries it. */
  requestId: string | null;
  /**
   * The caller's `Authorization` header as it arrived (already verified), for a subgraph
   * that asks the gateway on the caller's behalf with the caller's own rights (publicering
   * captures the live picture this way); never logged, never stored.
   */
  authorization?: string | null;
}

export type LoaderFactory<TLoaders> = (em: EntityManager) => TLoaders;

export function contextFactory<TLoaders>(orm: MikroORM, makeLoaders: LoaderFactory<TLoaders>) {
  return async (req: IncomingMessage): Promise<KitContext<TLoaders>> => {
    // A fork per request: its identity map lives as long as the request, never longer.
    const em = orm.em.fork();
    const requestId = req.headers['x-request-id'];
    return {
      em,
      loaders: makeLoaders(em),
      viewer: viewerFromRequest(req),
      requestId: typeof requestId === 'string' ? requestId : null,
      authorization: req.headers.authorization ?? null,
    };
  };
}
