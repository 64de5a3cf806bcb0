/**
 * The contract between the gateway's response cache and every subgraph (both sides
 * import it from here, so neither spells it twice).
 */

/** Sent by the gateway to a subgraph when it may cache the answer: "tell me what you read". */
export const SVARSCACHE_HEADER = 'x-lagesbild-svarscache';

/** The subgraph's answer carries `extensions[SVARSCACHE_EXTENSION]`; the gateway strips it. */
export const SVARSCACHE_EXTENSION = 'lagesbildSvarscache';

/** Every subgraph's revision endpoint, beside its GraphQL path; it needs a valid token. */
export const REVISION_PATH = '/_lagesbild/revision';

/** A classified record whose read the subgraph logged. */
export interface GranskadLasningJson {
  typ: string;
  id: string;
}

/** `extensions.lagesbildSvarscache` of one subgraph answer. */
export interface SvarscacheExtension {
  subgraf: string;
  /** The revision read before any of the answer's data. */
  revision: number;
  granskning: GranskadLasningJson[];
}

/** POST REVISION_PATH's body. */
export interface RevisionBegaran {
  /** The revision the cached answer was read at. */
  forvantad?: number;
  /** Logged again, in one transaction with the revision read, when it still equals forvantad. */
  granskning?: GranskadLasningJson[];
  /** The client's operation name, as the log records it. */
  operationName?: string;
}

export interface RevisionSvar {
  revision: number;
}
