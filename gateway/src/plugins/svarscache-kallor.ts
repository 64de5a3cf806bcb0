import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  type GranskadLasningJson,
  REVISION_PATH,
  SVARSCACHE_EXTENSION,
  type SvarscacheExtension,
} from '@lagesbild/http-kit';

/**
 * The response cache's bookkeeping while a request runs: which subgraphs its answer was built
 * from, at which revision, and which classified reads it stands for. Collected from each
 * subgraph answer's revision extension by the data-source hook below.
 */

/** One subgraph an answer was built from. */
export interface Kalla {
  /** Its revision endpoint (REVISION_PATH on the origin the gateway fetched from). */
  url: string;
  subgraf: string;
  /** The lowest revision any of the answer's fetches to it read (the safe side). */
  revision: number;
  granskning: GranskadLasningJson[];
}

/** What one request collects from its subgraph answers; it lives in the request's context. */
export interface Samlare {
  key: string;
  utfall: 'traff' | 'miss';
  kallor: Map<string, Kalla>;
  /** A subgraph answered without the revision extension: the answer cannot be checked later. */
  okand: boolean;
}

/** The part of the gateway's context the response cache uses. */
export interface SvarscacheContext {
  /** Set by the cache plugin for a request it may keep the answer of; absent otherwise. */
  svarscache?: Samlare;
}

function isExtension(value: unknown): value is SvarscacheExtension {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Partial<SvarscacheExtension>;
  return (
    typeof e.subgraf === 'string' && Number.isSafeInteger(e.revision) && Array.isArray(e.granskning)
  );
}

/** Notes one subgraph answer's extension in the request's bookkeeping. */
export function noteraKalla(s: Samlare, revisionUrl: string | undefined, extension: unknown): void {
  if (!isExtension(extension) || !revisionUrl) {
    s.okand = true;
    return;
  }
  const known = s.kallor.get(revisionUrl);
  if (known) {
    known.revision = Math.min(known.revision, extension.revision);
    known.granskning.push(...extension.granskning);
  } else {
    s.kallor.set(revisionUrl, {
      url: revisionUrl,
      subgraf: extension.subgraf,
      revision: extension.revision,
      granskning: [...extension.granskning],
    });
  }
}

/**
 * Hooks a subgraph data source (Apollo Gateway's public `didReceiveResponse`) so that each
 * answer's revision extension goes to the request's cache bookkeeping and never further.
 * (Apollo Gateway 2.14 does not pass a subgraph's `extensions` on to the client, but the
 * extension is removed here all the same, so that stays true whatever the gateway does next.)
 */
export function medSvarscache<T extends RemoteGraphQLDataSource<object>>(source: T): T {
  // A hook the data source's class defines runs first; this one only reads and strips.
  const own = source.didReceiveResponse?.bind(source);
  // The source's revision endpoint: its URL is fixed for the data source's life.
  const revisionUrl = source.url ? new URL(REVISION_PATH, source.url).toString() : undefined;
  source.didReceiveResponse = async (requestContext) => {
    const response = own ? await own(requestContext) : requestContext.response;
    const extension = response.extensions?.[SVARSCACHE_EXTENSION];
    if (response.extensions && SVARSCACHE_EXTENSION in response.extensions) {
      const { [SVARSCACHE_EXTENSION]: _stripped, ...rest } = response.extensions;
      response.extensions = Object.keys(rest).length > 0 ? rest : undefined;
    }
    const s = (requestContext.context as SvarscacheContext).svarscache;
    if (s) noteraKalla(s, revisionUrl, extension);
    return response;
  };
  return source;
}
