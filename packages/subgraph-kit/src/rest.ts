import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Roll } from '@lagesbild/domain';
import {
  BodyTooLargeError,
  type RouteHandler,
  readRequestBody,
  requestIdOf,
} from '@lagesbild/http-kit';
import { type Skrivare, skrivareFranViewer } from './granskning';
import { type Viewer, viewerFromPrincipal } from './viewer';

/**
 * A refusal a REST route answers with its status and a Swedish message (`{ fel }`, or the
 * route's own error shape): throw it from `hantera`.
 */
export class RestFel extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const EJ_BEHORIG_TEXT = 'Din roll har inte behörighet till detta.';

/** What a REST route's handler gets: the verified caller and the request's parts. */
export interface RestAnrop {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The caller as the service verified them from the Bearer token. */
  viewer: Viewer;
  requestId: string;
  /** The caller as the audit log names a write or read outside GraphQL. */
  granskare(operation: string): Skrivare;
  /** The body, at most the route's `maxBytes` (413 past it). */
  kropp(): Promise<Buffer>;
}

export interface RestSvar {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RestVag {
  /** The exact path, e.g. `/import/klotter`. */
  path: string;
  method: 'GET' | 'POST';
  /**
   * Who may call it at all: a caller with none of these roles is refused with 403 before
   * anything is read (a token without roles too). What each of them may do within the
   * route (their own rows only) is the handler's to check.
   */
  roller: readonly Roll[];
  /** The 403's message, when the route's rule has its own words (default EJ_BEHORIG_TEXT). */
  nekad?: string;
  /** Largest body; past it 413. Default 1 MiB. */
  maxBytes?: number;
  /** The body of an error answer; `{ fel }` unless the route's protocol has its own (Open311). */
  felkropp?: (status: number, message: string) => unknown;
  hantera(anrop: RestAnrop): Promise<RestSvar>;
}

const STANDARD_MAX = 1024 * 1024;

function skicka(res: ServerResponse, svar: RestSvar): void {
  const text = JSON.stringify(svar.body);
  res.writeHead(svar.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...svar.headers,
  });
  res.end(text);
}

/**
 * The subgraphs' REST routes beside GraphQL, written once: the path and method, the
 * caller from the Bearer token the service verified (no token never gets here: the
 * service answers 401 first), the roles that may call the route (403 in Swedish), the
 * body read to a limit (413), a handler's RestFel answered as `{ fel }` (or the route's
 * own shape), and the audit identity (`granskare`) for what the handler writes or reads.
 * Routes with the same path and different methods share the path: another method is 405.
 */
export function restRoute(vagar: readonly RestVag[]): RouteHandler {
  return async (req, res, url, anrop) => {
    const paVag = vagar.filter((v) => v.path === url.pathname);
    if (paVag.length === 0) return false;
    const vag = paVag.find((v) => v.method === req.method);
    const fel = (status: number, message: string, f = vag?.felkropp ?? paVag[0]?.felkropp) =>
      skicka(res, { status, body: f ? f(status, message) : { fel: message } });
    if (!vag) {
      const tillatna = paVag.map((v) => v.method).join(', ');
      res.setHeader('allow', tillatna);
      fel(405, `${url.pathname} tar bara emot ${tillatna}.`);
      return true;
    }
    const viewer = viewerFromPrincipal(anrop?.principal);
    if (!viewer.roller.some((r) => vag.roller.includes(r))) {
      fel(403, vag.nekad ?? EJ_BEHORIG_TEXT);
      return true;
    }
    const requestId = anrop?.requestId ?? requestIdOf(req);
    const maxBytes = vag.maxBytes ?? STANDARD_MAX;
    try {
      skicka(
        res,
        await vag.hantera({
          req,
          res,
          url,
          viewer,
          requestId,
          granskare: (operation) => skrivareFranViewer(viewer, operation, requestId),
          kropp: () => readRequestBody(req, maxBytes),
        }),
      );
    } catch (error) {
      if (error instanceof BodyTooLargeError) fel(413, error.message);
      else if (error instanceof RestFel) fel(error.status, error.message);
      else throw error;
    }
    return true;
  };
}
