import { LAGESBILD_RAPPORT } from './queries';
import type { Lagesbild } from './types';

export interface Hamtad {
  lagesbild: Lagesbild | null;
  /** Sources the gateway could not reach (extensions.saknadeKallor), if it says so. */
  saknadeKallor: string[];
  /**
   * Partners that refused their live data to this reader (FORBIDDEN with the partner in
   * extensions.kalla): they answered, and are not missing.
   */
  ejBehoriga: string[];
  fel: string[];
}

/** Asks the gateway for the combined picture, like any other client: POST /graphql. */
export async function hamtaLagesbild(
  gatewayUrl: string,
  omrade: string,
  period: string,
  headers: Record<string, string> = {},
): Promise<Hamtad> {
  const response = await fetch(`${gatewayUrl.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LAGESBILD_RAPPORT, variables: { omrade, period } }),
  });
  const body = (await response.json()) as {
    data?: { lagesbild: Lagesbild | null } | null;
    errors?: { message: string; extensions?: { code?: string; kalla?: string } }[];
    extensions?: { saknadeKallor?: string[] };
  };
  return {
    lagesbild: body.data?.lagesbild ?? null,
    saknadeKallor: body.extensions?.saknadeKallor ?? [],
    ejBehoriga: [
      ...new Set(
        (body.errors ?? []).flatMap((e) =>
          e.extensions?.code === 'FORBIDDEN' && typeof e.extensions.kalla === 'string'
            ? [e.extensions.kalla]
            : [],
        ),
      ),
    ].sort(),
    fel: (body.errors ?? []).map((e) => e.message),
  };
}

export interface GatewaySvar<T> {
  data: T | null;
  fel: { message: string; code?: string }[];
}

/** One operation through the gateway, its data and its errors' messages and codes. */
export async function fragaGatewayen<T>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GatewaySvar<T>> {
  const response = await fetch(`${gatewayUrl.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return {
    data: body.data ?? null,
    fel: (body.errors ?? []).map((e) => ({
      message: e.message,
      ...(e.extensions?.code ? { code: e.extensions.code } : {}),
    })),
  };
}
