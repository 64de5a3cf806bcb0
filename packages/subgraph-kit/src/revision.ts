import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  BodyTooLargeError,
  type GranskadLasningJson,
  REVISION_PATH,
  type RevisionBegaran,
  type RouteHandler,
  readRequestBody,
  SVARSCACHE_EXTENSION,
  SVARSCACHE_HEADER,
  type SvarscacheExtension,
  sendJson,
} from '@lagesbild/http-kit';
import type { KitContext } from './context';
import {
  aterladdaGranskning,
  begarSvarscache,
  GranskningsloggPost,
  svarscacheOf,
} from './granskning';
import type { Orm } from './orm';
import { readRevision } from './revision-tabell';
import { viewerFromPrincipal } from './viewer';

export { installRevisionTriggers, readRevision } from './revision-tabell';

/** A dashboard answer logs some dozens of reads; this bounds what one call may append. */
const MAX_GRANSKNING = 5000;
const MAX_BODY = 512 * 1024;

class Felaktig extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = (await readRequestBody(req, MAX_BODY)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new Felaktig(error.message, 413);
    throw error;
  }
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new Felaktig('Förfrågan är inte giltig JSON.');
  }
}

function parseBegaran(body: unknown): RevisionBegaran {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new Felaktig('Förfrågan ska vara ett JSON-objekt.');
  }
  const { forvantad, granskning, operationName } = body as Record<string, unknown>;
  if (forvantad !== undefined && !(Number.isSafeInteger(forvantad) && (forvantad as number) >= 0)) {
    throw new Felaktig('forvantad ska vara ett heltal ≥ 0.');
  }
  if (
    operationName !== undefined &&
    (typeof operationName !== 'string' || operationName.length > 200)
  ) {
    throw new Felaktig('operationName ska vara en text på högst 200 tecken.');
  }
  let lasningar: GranskadLasningJson[] | undefined;
  if (granskning !== undefined) {
    if (!Array.isArray(granskning) || granskning.length > MAX_GRANSKNING) {
      throw new Felaktig(`granskning ska vara en lista med högst ${MAX_GRANSKNING} poster.`);
    }
    lasningar = granskning.map((g) => {
      const { typ, id } = (g ?? {}) as Record<string, unknown>;
      if (typeof typ !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,99}$/.test(typ)) {
        throw new Felaktig('Varje post i granskning ska ha en typ (ett GraphQL-typnamn).');
      }
      if (typeof id !== 'string' || id.length === 0 || id.length > 400) {
        throw new Felaktig('Varje post i granskning ska ha ett id (1–400 tecken).');
      }
      return { typ, id };
    });
  }
  return {
    ...(forvantad === undefined ? {} : { forvantad: forvantad as number }),
    ...(lasningar ? { granskning: lasningar } : {}),
    ...(operationName === undefined ? {} : { operationName: operationName as string }),
  };
}

/**
 * `POST /_lagesbild/revision` → `{ revision }`: what the gateway's response cache asks
 * before it answers from memory. Behind the same token check as GraphQL (the route is one
 * of the service's protected routes). When the cached answer's revision is still the
 * current one, the classified reads it stands for are logged in the same transaction as
 * the revision read — a cache hit is audited exactly as the read it replaces, and a stale
 * attempt logs nothing.
 */
export function revisionRoute(orm: Orm): RouteHandler {
  return async (req, res, url, anrop) => {
    if (url.pathname !== REVISION_PATH) return false;
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { fel: `${REVISION_PATH} tar bara emot POST.` });
      return true;
    }
    let begaran: RevisionBegaran;
    try {
      begaran = parseBegaran(await readJson(req));
    } catch (error) {
      if (!(error instanceof Felaktig)) throw error;
      sendJson(res, error.status, { fel: error.message });
      return true;
    }
    const viewer = viewerFromPrincipal(anrop?.principal);
    const requestId =
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null;
    const lasningar = begaran.granskning ?? [];
    const revision =
      begaran.forvantad === undefined || lasningar.length === 0
        ? await readRevision(orm.orm.em.fork())
        : await orm.orm.em.fork().transactional(async (tx) => {
            const current = await readRevision(tx);
            if (current === begaran.forvantad) {
              await tx.insertMany(
                GranskningsloggPost,
                aterladdaGranskning(viewer, requestId, begaran.operationName, lasningar),
              );
            }
            return current;
          });
    sendJson(res, 200, { revision });
    return true;
  };
}

/**
 * When the gateway asks (SVARSCACHE_HEADER): reads the revision as the request starts,
 * before any of its data, and puts it and the audited reads into the answer's extensions.
 * The bookkeeping it starts is the context's `granskning` object, which every copy Apollo
 * Server makes of the context shares, so the resolvers' reads land in it.
 */
export function svarscachePlugin<TContext extends KitContext<unknown>>(
  subgraf: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      if (request.http?.headers.get(SVARSCACHE_HEADER) !== '1') return;
      begarSvarscache(contextValue, await readRevision(contextValue.em));
      return {
        async willSendResponse({ response, contextValue: ctx }) {
          const post = svarscacheOf(ctx);
          if (!post || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const extension: SvarscacheExtension = { subgraf, ...post };
          result.extensions = { ...result.extensions, [SVARSCACHE_EXTENSION]: extension };
        },
      };
    },
  };
}
