import { useEffect, useState } from 'react';
import { fraga, type GraphQLSvar, HamtningsFel } from './graphql';

export interface Fraga<T> {
  laddar: boolean;
  svar: GraphQLSvar<T> | null;
  /** The request failed as a whole (gateway unreachable, not GraphQL). */
  fel: string | null;
}

/**
 * Runs a query whenever its variables change; a newer request replaces an older one still
 * in flight, so a quick period switch never shows the earlier answer last.
 */
export function useGraphQL<T>(
  query: string,
  variables: Record<string, unknown> | null,
  /** Bumped to ask again with the same variables. */
  forsok = 0,
  /** The "Visa som" role, signed in through the gateway's /dev/token; null for none. */
  roll: string | null = null,
): Fraga<T> {
  const [state, setState] = useState<Fraga<T>>({
    laddar: variables !== null,
    svar: null,
    fel: null,
  });
  const key = variables === null ? null : JSON.stringify(variables);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the variables are keyed by their JSON.
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, laddar: true, fel: null }));
    fraga<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal, roll).then(
      (svar) => {
        // An answer that arrives after its request was replaced is the earlier picture.
        if (controller.signal.aborted) return;
        setState({ laddar: false, svar, fel: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const text = error instanceof HamtningsFel ? error.message : 'Oväntat fel vid hämtningen.';
        setState({ laddar: false, svar: null, fel: text });
      },
    );
    return () => controller.abort();
  }, [query, key, forsok, roll]);

  return state;
}
