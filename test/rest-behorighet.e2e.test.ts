import { Klassning, LEVANDE_BEHORIGA, mayRead, Roll } from '@lagesbild/domain';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/**
 * Who may call which REST endpoint (issue 15): every endpoint beside GraphQL — klotter's
 * Open311 GET and POST, every subgraph's `POST /import/<slag>`, the kit's revision route on
 * every subgraph — × every role, a token without roles and no token at all, called directly
 * at the subgraph as a partner or an attacker would. Each cell asserts the status (200, 401,
 * 403) and, for a refusal, a Swedish message; for Open311's GET, that `status_notes` (the
 * BEGRANSAD notes) reach only cleared readers. The bodies write nothing (an import's header
 * without rows, an empty Open311 list), so the cells do not depend on each other.
 * The README's "REST endpoints" table is this matrix, printed by the last test.
 */

const UTAN_ROLL = 'utan roll';
const INGEN_TOKEN = 'ingen token';
type Anropare = Roll | typeof UTAN_ROLL | typeof INGEN_TOKEN;
const ALLA: Anropare[] = [...Object.values(Roll), UTAN_ROLL, INGEN_TOKEN];
const SKOLA_A = 'norrmalm-2016-respondent-1';

function rubriker(a: Anropare): Record<string, string> {
  if (a === INGEN_TOKEN) return { authorization: '' };
  if (a === UTAN_ROLL) return {};
  return a === Roll.SKOLA
    ? { 'x-lagesbild-roller': a, 'x-lagesbild-skola': SKOLA_A }
    : { 'x-lagesbild-roller': a };
}

interface Vag {
  subgraph: 'forvaltning' | 'polis' | 'skolor' | 'klotter' | 'publicering';
  method: 'GET' | 'POST';
  path: string;
  typ?: string;
  body?: string;
  /** Who gets 200; every other signed-in caller 403, no token 401. */
  roller: readonly Roll[] | 'alla inloggade';
  /** The answer's error shape: `{ fel }`, or GeoReport's list for Open311. */
  georeport?: boolean;
}

const OPEN311 = '/open311/v2/requests.json';
const REVISION = '/_lagesbild/revision';
const KLOTTERRAPPORTORER = [Roll.TRAFIKKONTORET, Roll.SISAB, Roll.MTR];

const VAGAR: Vag[] = [
  {
    subgraph: 'klotter',
    method: 'GET',
    path: OPEN311,
    roller: LEVANDE_BEHORIGA.klotter,
    georeport: true,
  },
  {
    subgraph: 'klotter',
    method: 'POST',
    path: OPEN311,
    typ: 'application/json',
    body: '[]',
    roller: [...KLOTTERRAPPORTORER, Roll.ADMIN],
    georeport: true,
  },
  {
    subgraph: 'forvaltning',
    method: 'POST',
    path: '/import/incidenter',
    typ: 'text/csv',
    body: 'id;miljo;typ;beskrivning\n',
    roller: [Roll.SAMORDNARE, Roll.ADMIN],
  },
  {
    subgraph: 'polis',
    method: 'POST',
    path: '/import/handelser',
    typ: 'text/csv',
    body: 'id;typ;rubrik;beskrivning\n',
    roller: [Roll.POLIS, Roll.ADMIN],
  },
  {
    subgraph: 'polis',
    method: 'POST',
    path: '/import/handelser',
    typ: 'application/json',
    body: '[]',
    roller: [Roll.POLIS, Roll.ADMIN],
  },
  {
    subgraph: 'skolor',
    method: 'POST',
    path: '/import/svar',
    typ: 'text/csv',
    body: 'skola;enkat;fraga;svar\n',
    roller: [Roll.UTBILDNINGSFORVALTNING, Roll.SKOLA, Roll.ADMIN],
  },
  {
    subgraph: 'klotter',
    method: 'POST',
    path: '/import/klotter',
    typ: 'text/csv',
    body: 'rapportor;rapportorens_id;kategori;innehall\n',
    roller: [...KLOTTERRAPPORTORER, Roll.ADMIN],
  },
  ...(['forvaltning', 'polis', 'skolor', 'klotter', 'publicering'] as const).map(
    (subgraph): Vag => ({
      subgraph,
      method: 'POST',
      path: REVISION,
      typ: 'application/json',
      body: '{}',
      roller: 'alla inloggade',
    }),
  ),
];

const namn = (v: Vag) => `${v.subgraph} ${v.method} ${v.path}${v.typ ? ` (${v.typ})` : ''}`;

function forvantat(v: Vag, a: Anropare): 200 | 401 | 403 {
  if (a === INGEN_TOKEN) return 401;
  if (v.roller === 'alla inloggade') return 200;
  return a !== UTAN_ROLL && v.roller.includes(a) ? 200 : 403;
}

describe('REST endpoints: every role × every endpoint', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.interrupt());

  /** What each cell answered, for the printed matrix. */
  const svar = new Map<string, number>();

  it.each(VAGAR.flatMap((v) => ALLA.map((a) => [namn(v), a, v] as const)))(
    '%s: %s',
    async (_namn, anropare, v) => {
      const res = await fetch(`${system.subgraphUrls[v.subgraph]}${v.path}`, {
        method: v.method,
        headers: {
          ...(v.typ ? { 'content-type': v.typ } : {}),
          ...(await withToken(rubriker(anropare))),
        },
        ...(v.body === undefined ? {} : { body: v.body }),
      });
      const status = forvantat(v, anropare);
      svar.set(`${namn(v)}|${anropare}`, res.status);
      expect(res.status).toBe(status);
      const body = (await res.json()) as unknown;
      if (status !== 200) {
        // Refused in Swedish, in the endpoint's own error shape.
        const message =
          v.georeport && status === 403
            ? (body as { description: string }[])[0]?.description
            : (body as { fel: string }).fel;
        expect(message).toMatch(/[åäö]|Inloggning|Din roll/);
        return;
      }
      if (v.path.startsWith('/import/')) {
        expect(body).toMatchObject({ lasta: 0, importerade: 0, oforandrade: 0, avvisade: [] });
      } else if (v.path === REVISION) {
        expect(Number.isInteger((body as { revision: number }).revision)).toBe(true);
      } else if (v.method === 'POST') {
        expect(body).toMatchObject({ mottagna: 0, nya: 0 });
      } else {
        // status_notes is Klotteranmalan.anteckningar (BEGRANSAD): only for readers cleared
        // for it, as in GraphQL; the seed's reports all carry notes.
        const rader = body as Record<string, unknown>[];
        expect(rader.length).toBeGreaterThan(0);
        const anteckningar = mayRead([anropare as Roll], Klassning.BEGRANSAD);
        expect(rader.every((r) => 'status_notes' in r)).toBe(anteckningar);
        expect(rader.some((r) => 'status_notes' in r)).toBe(anteckningar);
      }
    },
  );

  it('prints the matrix (the README’s table)', () => {
    const kolumner = ALLA.map((a) => (a === UTAN_ROLL ? '`roller: []`' : a));
    const rader = VAGAR.map((v) => {
      const celler = ALLA.map((a) => {
        const s = svar.get(`${namn(v)}|${a}`);
        const text = s === 200 ? '✓' : String(s);
        return v.method === 'GET' && s === 200 && mayRead([a as Roll], Klassning.BEGRANSAD)
          ? '✓ + notes'
          : text;
      });
      return `| ${v.subgraph} \`${v.method} ${v.path}\`${v.typ ? ` ${v.typ}` : ''} | ${celler.join(' | ')} |`;
    });
    const tabell = [
      `| endpoint | ${kolumner.join(' | ')} |`,
      `| --- | ${kolumner.map(() => '---').join(' | ')} |`,
      ...rader,
    ].join('\n');
    console.log(`\nREST role × endpoint matrix:\n${tabell}\n`);
    expect(svar.size).toBe(VAGAR.length * ALLA.length);
  });
});
