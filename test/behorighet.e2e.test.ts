import { tmpdir } from 'node:os';
import { loadAuthConfig, signToken } from '@lagesbild/auth';
import { Roll } from '@lagesbild/domain';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

/**
 * Who may read and write what (issue 7): every role, and a caller signed in without a
 * role, against every write and every restricted field, at the gateway and directly at the
 * subgraph that owns it. The gateway refuses before planning (no subgraph is called); the
 * subgraph refuses with its own @Authorized; a refused write writes nothing.
 */

const UTAN_ROLL = 'utan roll';
type Anropare = Roll | typeof UTAN_ROLL;
const ALLA: Anropare[] = [...Object.values(Roll), UTAN_ROLL];
const SUBGRAPHS = ['forvaltning', 'klotter', 'polis', 'skolor'] as const;
type Subgraph = (typeof SUBGRAPHS)[number];

const SKOLA_A = 'norrmalm-2016-respondent-1';
const SKOLA_B = 'norrmalm-2016-respondent-2';
const TRAFIKKONTORETS_ANMALAN = 'norrmalm-2016-klotter-1';

function rubrik(a: Anropare): Record<string, string> {
  if (a === UTAN_ROLL) return {};
  // A school calls for its own school, the one the writes below name.
  return a === Roll.SKOLA
    ? { 'x-lagesbild-roller': a, 'x-lagesbild-skola': SKOLA_A }
    : { 'x-lagesbild-roller': a };
}

interface Fall {
  namn: string;
  subgraph: Subgraph;
  /** Exactly these get through; everyone else gets FORBIDDEN. */
  roller: Roll[];
  /**
   * Other partners: the gateway lets their role through (the write is theirs to make, for
   * their own records) and the owning subgraph refuses them for these records.
   */
  partner?: Roll[];
  /** At the gateway. */
  query: string;
  /** At the owning subgraph, when the gateway's query is not one it answers itself. */
  direkt?: string;
  variables?: Record<string, unknown>;
}

const BEGRANSAD = [
  Roll.RADET,
  Roll.ANALYTIKER,
  Roll.SAMORDNARE,
  Roll.POLIS,
  Roll.UTBILDNINGSFORVALTNING,
  Roll.ADMIN,
];
const LAGE = 'lagesbild(omrade: "norrmalm", period: "2016")';
const entity = (typename: string, selection: string, extra = '') =>
  `{ _entities(representations: [{ __typename: "${typename}", omradeId: "norrmalm", period: "2016"${extra} }]) { ... on ${typename} { ${selection} } } }`;

const FALT: Fall[] = [
  {
    namn: 'Incident.beskrivning',
    subgraph: 'forvaltning',
    roller: BEGRANSAD,
    query: `{ ${LAGE} { forvaltning { incidenter { beskrivning } } } }`,
  },
  {
    namn: 'Kontakt.atgard',
    subgraph: 'forvaltning',
    roller: BEGRANSAD,
    query: `{ ${LAGE} { forvaltning { kontakter { atgard } } } }`,
  },
  {
    namn: 'Kontakt.utfall',
    subgraph: 'forvaltning',
    roller: BEGRANSAD,
    query: `{ ${LAGE} { forvaltning { kontakter { utfall } } } }`,
  },
  {
    namn: 'Klotteranmalan.anteckningar',
    subgraph: 'klotter',
    roller: BEGRANSAD,
    query: `{ klotteranmalan(id: "${TRAFIKKONTORETS_ANMALAN}") { anteckningar } }`,
  },
  {
    namn: 'PolisLage.maltavlor',
    subgraph: 'polis',
    roller: [Roll.POLIS, Roll.ADMIN],
    query: `{ ${LAGE} { polis { maltavlor { namn } } } }`,
    direkt: entity('Lagesbild', 'polis { maltavlor { namn } }'),
  },
  {
    namn: 'SkolorMiljo.observationer',
    subgraph: 'skolor',
    roller: [Roll.UTBILDNINGSFORVALTNING, Roll.ADMIN],
    query: `{ ${LAGE} { miljoer { skolor { observationer } } } }`,
    direkt: entity('MiljoLage', 'skolor { observationer }', ', miljo: "VIT_MAKT"'),
  },
  ...SUBGRAPHS.map(
    (s): Fall => ({
      namn: `Query.granskningslogg${s[0]?.toUpperCase()}${s.slice(1)}`,
      subgraph: s,
      roller: [Roll.ADMIN],
      query: `{ granskningslogg${s[0]?.toUpperCase()}${s.slice(1)}(first: 1) { typ } }`,
    }),
  ),
];

const SAMORDNARE = [Roll.SAMORDNARE, Roll.ADMIN];
const UTBILDNING = [Roll.UTBILDNINGSFORVALTNING, Roll.ADMIN];
const POLIS = [Roll.POLIS, Roll.ADMIN];

/**
 * Every write of the supergraph. The inputs are well-typed; a role that gets through may
 * still meet a business rule (a closed survey, a duplicate) — what matters here is that it
 * is not refused for who it is. Each partner's own write names that partner's records.
 */
const SKRIVNINGAR: Fall[] = [
  {
    namn: 'uppdateraAtgardStatus',
    subgraph: 'forvaltning',
    roller: SAMORDNARE,
    query: `mutation { uppdateraAtgardStatus(input: { atgardId: "norrmalm-handlingsplan-2017-atgard-1", status: PAGAR, kommentar: "Matris" }) { id } }`,
  },
  {
    namn: 'registreraIncident',
    subgraph: 'forvaltning',
    roller: SAMORDNARE,
    query: `mutation { registreraIncident(input: { omradeId: "norrmalm", datum: "2018-03-14", miljo: VIT_MAKT, typ: PROPAGANDA, beskrivning: "Klistermärken på en skylt." }) { id } }`,
  },
  {
    namn: 'registreraOmrade',
    subgraph: 'forvaltning',
    roller: [Roll.ADMIN],
    query: `mutation { registreraOmrade(input: { id: "matris", namn: "Matris", namnd: "Matrisnämnden" }) { id } }`,
  },
  {
    namn: 'registreraPlats',
    subgraph: 'forvaltning',
    roller: SAMORDNARE,
    query: `mutation { registreraPlats(input: { omradeId: "norrmalm", namn: "Matristorget" }) { id } }`,
  },
  {
    namn: 'registreraKlotteranmalan (trafikkontorets)',
    subgraph: 'klotter',
    roller: [Roll.TRAFIKKONTORET, Roll.ADMIN],
    partner: [Roll.SISAB, Roll.MTR],
    query: `mutation { registreraKlotteranmalan(input: { rapportor: TRAFIKKONTORET, rapportorensId: "matris-1", omradeId: "norrmalm", kategori: RASISTISKT, innehall: "Hakkors", anmaldTid: "2018-03-14T10:00:00Z" }) { id } }`,
  },
  {
    namn: 'registreraKlottertider (trafikkontorets anmälan)',
    subgraph: 'klotter',
    roller: [Roll.TRAFIKKONTORET, Roll.ADMIN],
    partner: [Roll.SISAB, Roll.MTR],
    query: `mutation { registreraKlottertider(input: { id: "${TRAFIKKONTORETS_ANMALAN}", polisanmald: true }) { id } }`,
  },
  {
    namn: 'intygaNollrapport (trafikkontorets)',
    subgraph: 'klotter',
    roller: [Roll.TRAFIKKONTORET, Roll.ADMIN],
    partner: [Roll.SISAB, Roll.MTR],
    query: `mutation { intygaNollrapport(input: { rapportor: TRAFIKKONTORET, omradeId: "norrmalm", period: "2018-03" }) { omradeId } }`,
  },
  {
    namn: 'publiceraBedomning',
    subgraph: 'polis',
    roller: POLIS,
    query: `mutation { publiceraBedomning(input: { omradeId: "norrmalm", period: "2018-H1", miljo: VIT_MAKT, text: "Matrisens bedömning.", publicerad: "2018-06-30" }) { id } }`,
  },
  {
    namn: 'registreraHandelse',
    subgraph: 'polis',
    roller: POLIS,
    query: `mutation { registreraHandelse(input: { omradeId: "norrmalm", typ: DEMONSTRATION, rubrik: "Matris", beskrivning: "Tillståndsgiven demonstration.", miljo: VIT_MAKT, datum: "2018-03-14" }) { id } }`,
  },
  {
    namn: 'skapaEnkat',
    subgraph: 'skolor',
    roller: UTBILDNING,
    query: `mutation { skapaEnkat(input: { omradeId: "norrmalm", titel: "Matris", period: "2018-H1" }) { id } }`,
  },
  {
    namn: 'laggTillFraga',
    subgraph: 'skolor',
    roller: UTBILDNING,
    query: `mutation { laggTillFraga(input: { enkatId: "norrmalm-2016-enkat-skolor", text: "Matris?", typ: JA_NEJ }) { id } }`,
  },
  {
    namn: 'stangEnkat',
    subgraph: 'skolor',
    roller: UTBILDNING,
    query: `mutation { stangEnkat(enkatId: "finns-inte") { id } }`,
  },
  {
    namn: 'registreraSkola',
    subgraph: 'skolor',
    roller: UTBILDNING,
    query: `mutation { registreraSkola(input: { omradeId: "norrmalm", namn: "Matrisskolan" }) { id } }`,
  },
  {
    namn: 'lamnaSvar (för den egna skolan)',
    subgraph: 'skolor',
    roller: [Roll.SKOLA, Roll.ADMIN],
    query: `mutation { lamnaSvar(input: { enkatId: "norrmalm-2016-enkat-skolor", skolaId: "${SKOLA_A}", svar: [{ fragaId: "norrmalm-2016-enkat-skolor-fraga-1", ja: true }] }) { skolaId } }`,
  },
];

const codes = (body: GraphQLBody) => (body.errors ?? []).map((e) => e.extensions?.code);
const WRITE = /^\s*(insert|update|delete)\b/i;

/** The statements run since the counter was reset (`recent` keeps the last ten). */
function sedanNollstallning({ statements, recent }: { statements: number; recent: string[] }) {
  expect(statements).toBeLessThanOrEqual(10);
  return statements === 0 ? [] : recent.slice(-statements);
}

describe('who may read and write what: the matrix', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem(
      Object.fromEntries(SUBGRAPHS.map((s) => [`${s.toUpperCase()}_DEBUG_SQL`, '1'])),
    );
  }, 120_000);
  afterAll(() => system?.interrupt());

  const sql = async (s: Subgraph) =>
    (await (await fetch(`${system.subgraphUrls[s]}/debug/sql`)).json()) as {
      statements: number;
      recent: string[];
    };
  const resetSql = () =>
    Promise.all(
      SUBGRAPHS.map((s) => fetch(`${system.subgraphUrls[s]}/debug/sql`, { method: 'DELETE' })),
    );
  /** How many requests the gateway has sent to subgraphs, from its own /metrics. */
  const subgraphFetches = async () => {
    const text = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    return text
      .split('\n')
      .filter((l) => l.startsWith('lagesbild_subgraph_fetch_duration_seconds_count'))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  };
  const direct = async (
    s: Subgraph,
    query: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }> => {
    const res = await fetch(`${system.subgraphUrls[s]}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLBody };
  };

  const fall = [
    ...FALT.map((f) => ({ ...f, slag: 'läser' as const })),
    ...SKRIVNINGAR.map((f) => ({ ...f, slag: 'skriver' as const })),
  ];
  const rader = fall.flatMap((f) => ALLA.map((a) => [f.namn, a, f] as const));

  it.each(rader)('gateway: %s, %s', async (_namn, anropare, f) => {
    const far = anropare !== UTAN_ROLL && f.roller.includes(anropare);
    await resetSql();
    const fetchesBefore = await subgraphFetches();
    const { status, body } = await system.gql(f.query, undefined, rubrik(anropare));
    if (far) {
      expect(codes(body), JSON.stringify(body.errors)).not.toContain('FORBIDDEN');
      expect(codes(body)).not.toContain('UNAUTHENTICATED');
      if (f.slag === 'läser') expect(body.errors).toBeUndefined();
      return;
    }
    if (anropare !== UTAN_ROLL && f.partner?.includes(anropare)) {
      // Passed the gateway (a reporter's write), refused by the owner of the records.
      expect(codes(body)).toEqual(['FORBIDDEN']);
      expect(body.errors?.[0]?.message).toMatch(/^Din roll får inte registrera uppgifter för/);
      expect(sedanNollstallning(await sql(f.subgraph)).filter((q) => WRITE.test(q))).toEqual([]);
      return;
    }
    expect(status).toBe(403);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.errors?.[0]?.message).toMatch(
      f.slag === 'läser'
        ? /^Din roll har inte behörighet att läsa .*kräver/
        : /^Din roll har inte behörighet att utföra Mutation\..*kräver/,
    );
    expect(body.errors?.[0]?.message).toContain(f.namn.split(' ')[0]);
    // Refused before planning: no subgraph was asked, no statement ran anywhere.
    expect(await subgraphFetches()).toBe(fetchesBefore);
    for (const s of SUBGRAPHS) expect((await sql(s)).statements, s).toBe(0);
  });

  it.each(rader)('direkt mot subgrafen: %s, %s', async (_namn, anropare, f) => {
    const far = anropare !== UTAN_ROLL && f.roller.includes(anropare);
    await resetSql();
    const { body } = await direct(f.subgraph, f.direkt ?? f.query, rubrik(anropare));
    if (far) {
      expect(codes(body), JSON.stringify(body.errors)).not.toContain('FORBIDDEN');
      expect(codes(body)).not.toContain('UNAUTHENTICATED');
      if (f.slag === 'läser') expect(body.errors).toBeUndefined();
      return;
    }
    expect(codes(body)).toContain('FORBIDDEN');
    expect(body.errors?.find((e) => e.extensions?.code === 'FORBIDDEN')?.message).toMatch(
      /^Din roll (har inte behörighet|får inte)/,
    );
    if (f.slag === 'skriver') {
      // Nothing written: no insert, update or delete ran (recent holds the last ten).
      expect(sedanNollstallning(await sql(f.subgraph)).filter((q) => WRITE.test(q))).toEqual([]);
    }
  });
});

describe('tokens and partners, at the gateway and at each subgraph', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ KLOTTER_DEBUG_SQL: '1', SKOLOR_DEBUG_SQL: '1' });
  }, 120_000);
  afterAll(() => system?.interrupt());

  const config = () => loadAuthConfig(process.env, tmpdir());
  const TOKENS: [string, () => Promise<string | null>, RegExp][] = [
    ['ingen token', async () => null, /Inloggning krävs/],
    [
      'förfalskad token (annan hemlighet)',
      async () =>
        signToken(
          {
            ...config(),
            keys: {
              kind: 'secret',
              secret: new TextEncoder().encode('en-helt-annan-hemlighet-som-ingen-delar-32b'),
              development: true,
            },
          },
          { roller: [Roll.ADMIN] },
        ),
      /Ogiltig token/,
    ],
    [
      'utgången token',
      async () =>
        signToken(config(), { roller: [Roll.ADMIN], giltigt: Math.floor(Date.now() / 1000) - 600 }),
      /gått ut/,
    ],
  ];
  const ENDPOINTS = () => ({
    gateway: `${system.gatewayUrl}/graphql`,
    ...Object.fromEntries(Object.entries(system.subgraphUrls).map(([n, u]) => [n, `${u}/graphql`])),
  });

  it.each(
    TOKENS.flatMap(([namn, token, reason]) =>
      ['gateway', ...SUBGRAPHS].map((where) => [where, namn, token, reason] as const),
    ),
  )('%s: %s → 401 UNAUTHENTICATED', async (where, _namn, token, reason) => {
    const t = await token();
    const res = await fetch((ENDPOINTS() as Record<string, string>)[where] as string, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(t ? { authorization: `Bearer ${t}` } : {}),
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as GraphQLBody;
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(reason);
  });

  const gql = async (where: 'gateway' | Subgraph, query: string, h: Record<string, string>) => {
    const res = await fetch((ENDPOINTS() as Record<string, string>)[where] as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(h)) },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as GraphQLBody;
  };
  const ANMALAN = `{ klotteranmalan(id: "${TRAFIKKONTORETS_ANMALAN}") { polisanmald avropTid } }`;
  const PARTNERFALL: [string, 'klotter' | 'skolor', string, Record<string, string>][] = [
    [
      'SISAB registrerar en anmälan i trafikkontorets namn',
      'klotter',
      `mutation { registreraKlotteranmalan(input: { rapportor: TRAFIKKONTORET, rapportorensId: "sisab-1", omradeId: "norrmalm", kategori: RASISTISKT, innehall: "Hakkors", anmaldTid: "2018-03-14T10:00:00Z" }) { id } }`,
      { 'x-lagesbild-roller': 'SISAB' },
    ],
    [
      'SISAB ändrar tiderna på trafikkontorets anmälan',
      'klotter',
      `mutation { registreraKlottertider(input: { id: "${TRAFIKKONTORETS_ANMALAN}", avropTid: "2016-06-01T10:00:00Z", polisanmald: false }) { id } }`,
      { 'x-lagesbild-roller': 'SISAB' },
    ],
    [
      'MTR intygar en nollrapport för trafikkontoret',
      'klotter',
      `mutation { intygaNollrapport(input: { rapportor: TRAFIKKONTORET, omradeId: "norrmalm", period: "2018-04" }) { omradeId } }`,
      { 'x-lagesbild-roller': 'MTR' },
    ],
    [
      'en skola svarar för en annan skola',
      'skolor',
      `mutation { lamnaSvar(input: { enkatId: "norrmalm-2016-enkat-skolor", skolaId: "${SKOLA_B}", svar: [{ fragaId: "norrmalm-2016-enkat-skolor-fraga-1", ja: true }] }) { skolaId } }`,
      { 'x-lagesbild-roller': 'SKOLA', 'x-lagesbild-skola': SKOLA_A },
    ],
  ];

  it.each(
    PARTNERFALL.flatMap(([namn, s, q, h]) =>
      (['gateway', s] as const).map((where) => [where, namn, s, q, h] as const),
    ),
  )('%s: %s → FORBIDDEN, inget skrivet', async (where, _namn, s, query, h) => {
    const before = await gql('gateway', ANMALAN, { 'x-lagesbild-roller': 'ADMIN' });
    await fetch(`${system.subgraphUrls[s]}/debug/sql`, { method: 'DELETE' });
    const body = await gql(where, query, h);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.errors?.[0]?.message).toMatch(/^(Din roll får inte|Du kan bara)/);
    const statistik = (await (await fetch(`${system.subgraphUrls[s]}/debug/sql`)).json()) as {
      statements: number;
      recent: string[];
    };
    expect(sedanNollstallning(statistik).filter((q) => WRITE.test(q))).toEqual([]);
    expect(await gql('gateway', ANMALAN, { 'x-lagesbild-roller': 'ADMIN' })).toEqual(before);
  });
});
