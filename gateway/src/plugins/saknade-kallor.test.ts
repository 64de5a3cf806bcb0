import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_UNAVAILABLE, saknadeKallorPlugin } from './saknade-kallor';

/** The plugin's willSendResponse on an answer with these errors; the extensions it leaves. */
async function svar(errors: GraphQLFormattedError[]) {
  const singleResult: { data: unknown; errors: GraphQLFormattedError[]; extensions?: object } = {
    data: { lagesbild: null },
    errors,
  };
  const hooks = await saknadeKallorPlugin().requestDidStart?.({} as never);
  await hooks?.willSendResponse?.({
    response: { body: { kind: 'single', singleResult } },
  } as unknown as GraphQLRequestContextWillSendResponse<never>);
  return singleResult.extensions;
}

const nere = (kalla: string): GraphQLFormattedError => ({
  message: `Källan ${kalla} går inte att nå just nu.`,
  path: ['lagesbild', kalla],
  extensions: { code: SUBGRAPH_UNAVAILABLE, kalla, orsak: 'ONABAR', serviceName: kalla },
});

/** A subgraph's refusal of a partner's live data to a reader not cleared for it. */
const nekad = (kalla: string): GraphQLFormattedError => ({
  message:
    'Polisens siffror och register visas bara för de behöriga (…). Läs den fastställda lägesbilden.',
  path: ['lagesbild', kalla],
  extensions: { code: 'FORBIDDEN', kalla, serviceName: kalla },
});

describe('saknadeKallor: the sources that did not answer', () => {
  it('names a source that is down', async () => {
    expect(await svar([nere('polis'), nere('klotter'), nere('polis')])).toEqual({
      saknadeKallor: ['klotter', 'polis'],
    });
  });

  it('does not name a source that answered with a refusal: FORBIDDEN is not an outage', async () => {
    expect(await svar([nekad('polis'), nekad('skolor')])).toBeUndefined();
    expect(await svar([nekad('polis'), nere('klotter')])).toEqual({ saknadeKallor: ['klotter'] });
  });
});
