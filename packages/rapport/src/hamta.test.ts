import { afterEach, describe, expect, it, vi } from 'vitest';
import { fragaGatewayen, hamtaLagesbild } from './hamta';
import { LAGESBILD_RAPPORT } from './queries';

/** The gateway, faked: records what was asked and answers with the given body. */
function gateway(body: unknown) {
  const fragor: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      fragor.push({ url, init });
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return fragor;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hamtaLagesbild: the report asks the gateway like any client', () => {
  it('posts the report query with the area, the period and the caller’s headers', async () => {
    const fragor = gateway({ data: { lagesbild: { omrade: { id: 'norrmalm' } } } });
    const svar = await hamtaLagesbild('http://127.0.0.1:4000/', 'norrmalm', '2016-H2', {
      authorization: 'Bearer t',
    });
    expect(fragor).toHaveLength(1);
    const [fraga] = fragor;
    expect(fraga?.url).toBe('http://127.0.0.1:4000/graphql');
    expect(fraga?.init.method).toBe('POST');
    expect(fraga?.init.headers).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer t',
    });
    expect(JSON.parse(String(fraga?.init.body))).toEqual({
      query: LAGESBILD_RAPPORT,
      variables: { omrade: 'norrmalm', period: '2016-H2' },
    });
    expect(svar).toEqual({
      lagesbild: { omrade: { id: 'norrmalm' } },
      saknadeKallor: [],
      ejBehoriga: [],
      fel: [],
    });
  });

  it('tells a source that is down from a partner that refused this reader', async () => {
    gateway({
      data: { lagesbild: { omrade: { id: 'norrmalm' } } },
      errors: [
        { message: 'Ej behörig', extensions: { code: 'FORBIDDEN', kalla: 'skolor' } },
        { message: 'Ej behörig', extensions: { code: 'FORBIDDEN', kalla: 'polis' } },
        { message: 'Ej behörig igen', extensions: { code: 'FORBIDDEN', kalla: 'polis' } },
        // Refused without saying whose: an error, not a partner.
        { message: 'Ej behörig utan källa', extensions: { code: 'FORBIDDEN' } },
        { message: 'Klotter svarar inte', extensions: { code: 'SOURCE_UNAVAILABLE' } },
      ],
      extensions: { saknadeKallor: ['klotter'] },
    });
    const svar = await hamtaLagesbild('http://gw', 'norrmalm', '2016');
    expect(svar.saknadeKallor).toEqual(['klotter']);
    expect(svar.ejBehoriga).toEqual(['polis', 'skolor']);
    expect(svar.fel).toEqual([
      'Ej behörig',
      'Ej behörig',
      'Ej behörig igen',
      'Ej behörig utan källa',
      'Klotter svarar inte',
    ]);
  });

  it('gives no picture when the gateway answers none', async () => {
    gateway({ data: null, errors: [{ message: 'Inloggning krävs' }] });
    expect(await hamtaLagesbild('http://gw', 'norrmalm', '2016')).toEqual({
      lagesbild: null,
      saknadeKallor: [],
      ejBehoriga: [],
      fel: ['Inloggning krävs'],
    });
    gateway({ errors: [{ message: 'Okänt område' }] });
    expect((await hamtaLagesbild('http://gw', 'x', '2016')).lagesbild).toBeNull();
  });
});

describe('fragaGatewayen: one operation, its data and its errors', () => {
  it('passes the operation on and returns the errors’ messages with their codes', async () => {
    const fragor = gateway({
      data: { a: 1 },
      errors: [
        { message: 'Fel ett', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'Fel två' },
      ],
    });
    const svar = await fragaGatewayen<{ a: number }>('http://gw/', 'query Q { a }', { x: 1 });
    expect(fragor[0]?.url).toBe('http://gw/graphql');
    expect(JSON.parse(String(fragor[0]?.init.body))).toEqual({
      query: 'query Q { a }',
      variables: { x: 1 },
    });
    expect(svar).toEqual({
      data: { a: 1 },
      fel: [{ message: 'Fel ett', code: 'BAD_USER_INPUT' }, { message: 'Fel två' }],
    });
  });

  it('has null data and no errors for an empty answer', async () => {
    gateway({});
    expect(await fragaGatewayen('http://gw', '{ a }', {})).toEqual({ data: null, fel: [] });
  });
});
