/**
 * The dashboard's only way to its data: a GraphQL POST to the gateway, like any other
 * client. A partial answer (data with errors, as the gateway gives when one subgraph is
 * down) is returned whole, so each section can show what it got and name what is missing.
 */
export interface GraphQLFel {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLSvar<T> {
  data: T | null;
  errors: GraphQLFel[];
}

export const GRAPHQL_URL = '/graphql';

/**
 * The header the gateway reads roles from until signed tokens arrive (issue 7). The page's
 * "Visa som" choice is a development aid: anyone can claim any role with it.
 */
export const ROLL_HEADER = 'x-lagesbild-roller';

/** The request itself failed (network, HTTP, not JSON): nothing to show from it. */
export class HamtningsFel extends Error {}

export async function fraga<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
  /** Sent as x-lagesbild-roller; none for an anonymous reader. */
  roll?: string | null,
): Promise<GraphQLSvar<T>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(roll ? { [ROLL_HEADER]: roll } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new HamtningsFel('Gatewayen svarar inte. Kontrollera att Lägesbild är igång.');
  }
  let body: { data?: T | null; errors?: GraphQLFel[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new HamtningsFel(`Gatewayen svarade med HTTP ${response.status} utan GraphQL-svar.`);
  }
  if (body.data == null && !body.errors?.length) {
    throw new HamtningsFel(`Gatewayen svarade med HTTP ${response.status} utan data.`);
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** Errors whose path starts with the given one (e.g. ['lagesbild', 'forvaltning']). */
export function felUnder(errors: readonly GraphQLFel[], path: readonly string[]): GraphQLFel[] {
  return errors.filter((e) => path.every((part, i) => e.path?.[i] === part));
}

/** A message for people: the gateway's own text stays in the details, not the heading. */
export function felText(errors: readonly GraphQLFel[]): string {
  const texter = [...new Set(errors.map((e) => e.message))];
  return texter.length === 0 ? '' : `Gatewayens felmeddelande: ${texter.join(' · ')}`;
}
