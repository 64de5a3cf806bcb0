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

/** Whom the page asks as when no role is chosen: the council. */
export const STANDARDROLL = 'RADET';

const tokens = new Map<string, { token: string; hamtad: number }>();
const TOKEN_GILTIG_MS = 11 * 60 * 60 * 1000;

/**
 * Every request to the gateway carries a signed token. Until the partners' sign-in is
 * wired in, the page signs in through the gateway's development sign-in (/dev/token),
 * which exists only on a development gateway; the "Visa som" choice picks the role.
 */
async function tokenFor(roll: string, signal?: AbortSignal): Promise<string> {
  const cached = tokens.get(roll);
  if (cached && Date.now() - cached.hamtad < TOKEN_GILTIG_MS) return cached.token;
  let response: Response;
  try {
    response = await fetch(`/dev/token?roll=${encodeURIComponent(roll)}`, {
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new HamtningsFel('Gatewayen svarar inte. Kontrollera att Lägesbild är igång.');
  }
  if (!response.ok) {
    throw new HamtningsFel(
      'Inloggning krävs: den här gatewayen har ingen utvecklingsinloggning (/dev/token). Logga in via er organisations inloggning.',
    );
  }
  const { token } = (await response.json()) as { token: string };
  tokens.set(roll, { token, hamtad: Date.now() });
  return token;
}

/** The request itself failed (network, HTTP, not JSON): nothing to show from it. */
export class HamtningsFel extends Error {}

export async function fraga<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
  /** The role to sign in as; the council when none is chosen. */
  roll?: string | null,
): Promise<GraphQLSvar<T>> {
  const token = await tokenFor(roll ?? STANDARDROLL, signal);
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
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
