import type { Period } from '@lagesbild/domain';
import {
  PUBLICERING_UNDERLAG,
  type Underlag,
  UnderlagError,
  type UnderlagSvar,
  underlagAv,
  underlagVariabler,
} from '@lagesbild/publicering';
import { badUserInput, forbidden } from '@lagesbild/subgraph-kit';
import { GraphQLError } from 'graphql';

/** Who asks, as the gateway must see them: the caller's own token and request id. */
export interface Fragare {
  authorization?: string | null;
  requestId: string | null;
}

/** Captures the live picture of an area and period; `foljd` says what was then not done. */
export type Hamtare = (
  fragare: Fragare,
  omrade: string,
  period: Period,
  foljd: string,
) => Promise<Underlag>;

interface GqlSvar {
  data?: UnderlagSvar | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

/** A service this one depends on did not answer: code SERVICE_UNAVAILABLE, in Swedish. */
function ejTillganglig(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE', ...extensions } });
}

/**
 * Asks the gateway for PUBLICERING_UNDERLAG with the caller's `Authorization` header — the
 * picture is read with exactly the caller's rights, and each partner's subgraph decides
 * again what the caller may see — within `tidsgransMs`. What goes wrong is said in Swedish
 * and passed on as it came where the caller can act on it: an unknown area is the gateway's
 * BAD_USER_INPUT (with the known areas), a role that does not see every number FORBIDDEN,
 * a gateway or source that does not answer SERVICE_UNAVAILABLE.
 */
export function gatewayHamtare(url: string, tidsgransMs: number): Hamtare {
  return async (fragare, omrade, period, foljd) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (fragare.authorization) headers.authorization = fragare.authorization;
    if (fragare.requestId) headers['x-request-id'] = fragare.requestId;
    let status: number;
    let svar: GqlSvar;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: PUBLICERING_UNDERLAG,
          variables: underlagVariabler(omrade, period),
          operationName: 'PubliceringUnderlag',
        }),
        signal: AbortSignal.timeout(tidsgransMs),
      });
      status = response.status;
      svar = (await response.json()) as GqlSvar;
    } catch (error) {
      const orsak =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? `gatewayen svarade inte inom ${tidsgransMs} ms`
          : 'gatewayen gick inte att nå';
      throw ejTillganglig(`Lägesbilden kunde inte läsas: ${orsak}. ${foljd}`, {
        orsak: 'GATEWAY',
      });
    }
    const fel = svar.errors ?? [];
    const kod = (e: (typeof fel)[number]) => e.extensions?.code;
    // The gateway refuses an unknown area with the known ones listed: the caller's to fix.
    const felaktig = fel.find((e) => kod(e) === 'BAD_USER_INPUT');
    if (felaktig) {
      const { code: _c, ...ext } = felaktig.extensions ?? {};
      throw new GraphQLError(felaktig.message, { extensions: { ...ext, code: 'BAD_USER_INPUT' } });
    }
    const nekad = fel.find((e) => kod(e) === 'FORBIDDEN' || kod(e) === 'UNAUTHENTICATED');
    if (nekad) throw forbidden(`${nekad.message} ${foljd}`);
    const saknade = [
      ...new Set(
        fel
          .filter((e) => kod(e) === 'SUBGRAPH_UNAVAILABLE')
          .map((e) => String(e.extensions?.kalla ?? e.extensions?.serviceName ?? '')),
      ),
    ].filter((k) => k !== '');
    if (saknade.length > 0) {
      throw ejTillganglig(
        `Lägesbilden kunde inte läsas hel: ${saknade.length === 1 ? 'källan' : 'källorna'} ${saknade.join(', ')} svarade inte. ${foljd}`,
        { saknadeKallor: saknade },
      );
    }
    if (status !== 200 || !svar.data || fel.length > 0) {
      const forsta = fel[0]?.message ?? `HTTP ${status}`;
      throw ejTillganglig(`Lägesbilden kunde inte läsas: ${forsta} ${foljd}`);
    }
    try {
      return underlagAv(svar.data, omrade, period.text, new Date().toISOString());
    } catch (error) {
      if (!(error instanceof UnderlagError)) throw error;
      if (error.slag === 'DOLD') throw forbidden(`${error.message} ${foljd}`);
      if (error.slag === 'PERIOD')
        throw badUserInput(error.message, [{ field: 'period', reason: 'år eller halvår' }]);
      throw ejTillganglig(`${error.message} ${foljd}`);
    }
  };
}
