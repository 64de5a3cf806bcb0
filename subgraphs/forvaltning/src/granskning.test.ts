import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forvaltning } from './server';

const ADMIN = { 'x-lagesbild-roller': 'ADMIN' };
const SAMORDNARE = { 'x-lagesbild-roller': 'SAMORDNARE', 'x-lagesbild-subjekt': 'samordnare-7' };

interface Post {
  id: string;
  subjekt: string | null;
  roller: string[];
  operation: string;
  typ: string;
  vad: string;
  requestId: string | null;
  tidpunkt: string;
}

const LOGG = `query Logg($first: Int, $after: String) {
  granskningsloggForvaltning(first: $first, after: $after) {
    id tidpunkt subjekt roller operation typ vad requestId
  }
}`;

const REGISTRERA = `mutation NyIncident($input: RegistreraIncidentInput!) {
  registreraIncident(input: $input) { id klassning }
}`;

const INCIDENTER = `query Incidenter($p: Period!) {
  lagesbild(omrade: "norrmalm", period: $p) { forvaltning { incidenter { id klassning } } }
}`;

describe('förvaltning, audit log (kit_granskningslogg)', () => {
  let s: TestSubgraph;
  let begransad: string;

  beforeAll(async () => {
    s = await startTestSubgraph(forvaltning);
  });
  afterAll(() => s?.stop());

  async function logg(): Promise<Post[]> {
    const { body } = await s.gql<{ granskningsloggForvaltning: Post[] }>(LOGG, {}, ADMIN);
    expect(body.errors).toBeUndefined();
    return body.data!.granskningsloggForvaltning;
  }

  it('starts empty: seeding and reading open records log nothing', async () => {
    const { body } = await s.gql(INCIDENTER, { p: '2016' }, SAMORDNARE);
    expect(body.errors).toBeUndefined();
    expect(await s.countRows('kit_granskningslogg')).toBe(0);
  });

  it('logs a write with who, role, operation and what, in the same transaction', async () => {
    const { body } = await s.gql<{ registreraIncident: { id: string; klassning: string } }>(
      REGISTRERA,
      {
        input: {
          omradeId: 'norrmalm',
          miljo: 'VIT_MAKT',
          typ: 'PROPAGANDA',
          beskrivning: 'Klistermärken på en skylt.',
          datum: '2019-02-03',
        },
      },
      { ...SAMORDNARE, 'x-request-id': '0b6f3a52-5d0c-4c55-9a43-2f0e6f1c9d10' },
    );
    expect(body.errors).toBeUndefined();
    begransad = body.data!.registreraIncident.id;
    expect(body.data!.registreraIncident.klassning).toBe('BEGRANSAD');
    const [post] = await logg();
    expect(post).toMatchObject({
      subjekt: 'samordnare-7',
      roller: ['SAMORDNARE'],
      operation: 'NyIncident',
      typ: 'SKRIVNING',
      vad: `registreraIncident Incident:${begransad}`,
      requestId: '0b6f3a52-5d0c-4c55-9a43-2f0e6f1c9d10',
    });
    expect(Date.parse(post!.tidpunkt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('logs nothing for a refused or invalid write', async () => {
    const before = await s.countRows('kit_granskningslogg');
    const refused = await s.gql(REGISTRERA, { input: {} }, { 'x-lagesbild-roller': 'SKOLA' });
    expect(refused.body.errors?.length).toBeGreaterThan(0);
    const invalid = await s.gql(
      REGISTRERA,
      {
        input: {
          omradeId: 'finns-inte',
          miljo: 'VIT_MAKT',
          typ: 'PROPAGANDA',
          beskrivning: 'x',
          datum: '2019-02-03',
        },
      },
      SAMORDNARE,
    );
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await s.countRows('kit_granskningslogg')).toBe(before);
  });

  it('refuses free text with a control character, as the import does (issue 15, item 11)', async () => {
    const before = await s.countRows('kit_granskningslogg');
    const incidenter = await s.countRows('incident');
    for (const beskrivning of ['Hot mot\u0000 personal', 'Hot mot \u001b[2Jpersonal']) {
      const { body } = await s.gql(
        REGISTRERA,
        {
          input: {
            omradeId: 'norrmalm',
            miljo: 'VIT_MAKT',
            typ: 'PROPAGANDA',
            beskrivning,
            datum: '2019-02-03',
          },
        },
        SAMORDNARE,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain('kontrolltecken');
    }
    expect(await s.countRows('kit_granskningslogg')).toBe(before);
    expect(await s.countRows('incident')).toBe(incidenter);
  });

  it('logs a SAMORDNARE reading the BEGRANSAD incident; an uncleared reader logs nothing', async () => {
    const before = await s.countRows('kit_granskningslogg');
    const skola = await s.gql<{ lagesbild: { forvaltning: unknown } }>(
      INCIDENTER,
      { p: '2019-02' },
      { 'x-lagesbild-roller': 'SKOLA' },
    );
    // Not cleared for förvaltning's live data: refused before anything is read.
    expect(skola.body.data!.lagesbild.forvaltning).toBeNull();
    expect(skola.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await s.countRows('kit_granskningslogg')).toBe(before);

    const { body } = await s.gql<{ lagesbild: { forvaltning: { incidenter: unknown[] } } }>(
      INCIDENTER,
      { p: '2019-02' },
      SAMORDNARE,
    );
    expect(body.data!.lagesbild.forvaltning.incidenter).toEqual([
      { id: begransad, klassning: 'BEGRANSAD' },
    ]);
    const [post] = await logg();
    expect(post).toMatchObject({
      subjekt: 'samordnare-7',
      roller: ['SAMORDNARE'],
      operation: 'Incidenter',
      typ: 'LASNING',
      vad: `Incident:${begransad}`,
    });
    expect(await s.countRows('kit_granskningslogg')).toBe(before + 1);
  });

  it('writes the classified reads of one request batch with one INSERT', async () => {
    await s.resetSql();
    const { body } = await s.gql(
      `query Tva {
        a: lagesbild(omrade: "norrmalm", period: "2019") { forvaltning { incidenter { id } } }
        b: lagesbild(omrade: "norrmalm", period: "2019-H1") { forvaltning { incidenter { id } } }
      }`,
      {},
      SAMORDNARE,
    );
    expect(body.errors).toBeUndefined();
    // The statements of this request only: the counter was reset before it.
    const statements = s.running.orm.sql.recent.slice(-(await s.sqlStatements()));
    const inserts = statements.filter((q) => /insert into .kit_granskningslogg/i.test(q));
    expect(inserts).toHaveLength(1);
    const poster = (await logg()).slice(0, 2);
    expect(poster.map((p) => [p.operation, p.vad])).toEqual([
      ['Tva', `Incident:${begransad}`],
      ['Tva', `Incident:${begransad}`],
    ]);
  });

  it('writes every classified read of a request with one INSERT, across loader batches', async () => {
    await s.resetSql();
    // The areas' incidents wait for the list of areas (a SELECT): a second batch, later.
    const { body } = await s.gql<{
      lagesbild: { forvaltning: { incidenter: unknown[] } };
      omraden: { id: string; incidenter: unknown[] }[];
    }>(
      `query Flera {
        lagesbild(omrade: "norrmalm", period: "2019") { forvaltning { incidenter { id } } }
        omraden { id incidenter(period: "2019-02") { id } }
      }`,
      {},
      SAMORDNARE,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.lagesbild.forvaltning.incidenter).toEqual([{ id: begransad }]);
    expect(body.data!.omraden.find((o) => o.id === 'norrmalm')!.incidenter).toEqual([
      { id: begransad },
    ]);
    expect(body.data!.omraden.flatMap((o) => o.incidenter)).toHaveLength(1);
    const statements = s.running.orm.sql.recent.slice(-(await s.sqlStatements()));
    expect(statements.filter((q) => /from .incident/i.test(q))).toHaveLength(2);
    expect(statements.filter((q) => /insert into .kit_granskningslogg/i.test(q))).toHaveLength(1);
    const poster = (await logg()).slice(0, 2);
    expect(poster.map((p) => [p.operation, p.vad])).toEqual([
      ['Flera', `Incident:${begransad}`],
      ['Flera', `Incident:${begransad}`],
    ]);
  });

  it('withholds the whole answer when its read entries cannot be written', async () => {
    const connection = s.running.orm.orm.em.fork().getConnection();
    const before = await s.countRows('kit_granskningslogg');
    await connection.execute('alter table kit_granskningslogg rename to kit_granskningslogg_borta');
    try {
      const res = await fetch(s.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await withToken(SAMORDNARE)) },
        body: JSON.stringify({ query: INCIDENTER, variables: { p: '2019' } }),
      });
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toContain(begransad);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('GRANSKNING_MISSLYCKADES');
    } finally {
      await connection.execute(
        'alter table kit_granskningslogg_borta rename to kit_granskningslogg',
      );
    }
    expect(await s.countRows('kit_granskningslogg')).toBe(before);
  });

  it('a batch of mutations: each in its own transaction, with its own entry', async () => {
    const before = await s.countRows('kit_granskningslogg');
    const incidenter = await s.countRows('incident');
    const skriv = (namn: string, omradeId: string) => ({
      query: REGISTRERA.replace('mutation NyIncident', `mutation ${namn}`),
      variables: {
        input: {
          omradeId,
          miljo: 'VIT_MAKT',
          typ: 'PROPAGANDA',
          beskrivning: 'Klistermärken på en stolpe.',
          datum: '2018-03-04',
        },
      },
    });
    const res = await fetch(s.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(SAMORDNARE)) },
      body: JSON.stringify([
        skriv('Forsta__forvaltning__0', 'norrmalm'),
        skriv('Andra__forvaltning__1', 'finns-inte'),
        skriv('Tredje__forvaltning__2', 'norrmalm'),
      ]),
    });
    expect(res.status).toBe(200);
    const svar = (await res.json()) as {
      data?: { registreraIncident: { id: string } | null } | null;
      errors?: { extensions?: { code?: string } }[];
    }[];
    expect(svar[0]!.errors).toBeUndefined();
    expect(svar[1]!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(svar[2]!.errors).toBeUndefined();
    // The refused one wrote nothing and rolled back nothing of the others.
    expect(await s.countRows('incident')).toBe(incidenter + 2);
    expect(await s.countRows('kit_granskningslogg')).toBe(before + 2);
    const poster = (await logg()).slice(0, 2);
    expect(poster.map((p) => [p.operation, p.typ, p.vad]).sort()).toEqual(
      [
        [
          'Forsta',
          'SKRIVNING',
          `registreraIncident Incident:${svar[0]!.data!.registreraIncident!.id}`,
        ],
        [
          'Tredje',
          'SKRIVNING',
          `registreraIncident Incident:${svar[2]!.data!.registreraIncident!.id}`,
        ],
      ].sort(),
    );
  });

  it('a batched HTTP request: each operation’s entries carry its own name, reads merge', async () => {
    const fraga = (namn: string, p: string) => ({
      query: INCIDENTER.replace('query Incidenter', `query ${namn}`),
      variables: { p },
    });
    await s.resetSql();
    // What the gateway sends when one plan level has several fetches for this subgraph.
    const res = await fetch(s.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(SAMORDNARE)) },
      body: JSON.stringify([
        fraga('Forsta__forvaltning__0', '2019'),
        fraga('Andra__forvaltning__1', '2019-H1'),
        fraga('Tredje__forvaltning__2', '2019-02'),
      ]),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const svar = (await res.json()) as { data?: unknown; errors?: unknown }[];
    expect(svar).toHaveLength(3);
    for (const del of svar) {
      expect(del.errors).toBeUndefined();
      expect(del.data).toEqual({
        lagesbild: { forvaltning: { incidenter: [{ id: begransad, klassning: 'BEGRANSAD' }] } },
      });
    }
    const statements = s.running.orm.sql.recent.slice(-(await s.sqlStatements()));
    // The three operations share the request's loaders: one SELECT for their incidents,
    // and their audited reads go as one INSERT.
    expect(statements.filter((q) => /from .incident/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /insert into .kit_granskningslogg/i.test(q))).toHaveLength(1);
    const poster = (await logg()).slice(0, 3);
    expect(poster.map((p) => [p.operation, p.vad, p.subjekt]).sort()).toEqual([
      ['Andra', `Incident:${begransad}`, 'samordnare-7'],
      ['Forsta', `Incident:${begransad}`, 'samordnare-7'],
      ['Tredje', `Incident:${begransad}`, 'samordnare-7'],
    ]);
  });

  it('records the client’s operation name from a gateway fetch, and "anonym" without one', async () => {
    await s.gql(
      INCIDENTER.replace('Incidenter', 'Dashboard__forvaltning__0'),
      { p: '2019' },
      {
        ...SAMORDNARE,
      },
    );
    expect((await logg())[0]!.operation).toBe('Dashboard');
    await s.gql(INCIDENTER.replace('query Incidenter', 'query'), { p: '2019' }, SAMORDNARE);
    expect((await logg())[0]!.operation).toBe('anonym');
  });

  it('the database refuses UPDATE and DELETE on the log', async () => {
    const connection = s.running.orm.orm.em.fork().getConnection();
    const before = await s.countRows('kit_granskningslogg');
    await expect(
      connection.execute(`update kit_granskningslogg set subjekt = 'någon annan'`),
    ).rejects.toThrow(/Granskningsloggen kan bara kompletteras/);
    await expect(connection.execute('delete from kit_granskningslogg')).rejects.toThrow(
      /Granskningsloggen kan bara kompletteras/,
    );
    expect(await s.countRows('kit_granskningslogg')).toBe(before);
    expect((await logg()).every((p) => p.subjekt === 'samordnare-7')).toBe(true);
  });

  it('only ADMIN reads the log: others FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const anonym = await s.gql(LOGG, {}, { authorization: '' });
    expect(anonym.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const utanRoll = await s.gql(LOGG, {});
    expect(utanRoll.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const roll of ['SAMORDNARE', 'POLIS', 'RADET', 'ANALYTIKER']) {
      const { body } = await s.gql(LOGG, {}, { 'x-lagesbild-roller': roll });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.data ?? null).toBeNull();
    }
  });

  it('pages newest first with first/after', async () => {
    const all = await logg();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const { body } = await s.gql<{ granskningsloggForvaltning: Post[] }>(
      LOGG,
      { first: 2, after: all[0]!.id },
      ADMIN,
    );
    expect(body.data!.granskningsloggForvaltning.map((p) => p.id)).toEqual(
      all.slice(1, 3).map((p) => p.id),
    );
    const bad = await s.gql(LOGG, { first: 0 }, ADMIN);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
