import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LAGESBILD_RAPPORT } from '@lagesbild/rapport';
import { korImportITest } from '@lagesbild/subgraph-kit/import';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAGESBILD_QUERY } from '../dashboard/src/queries';
import { SUBGRAPHS as REGISTRY } from '../schema/subgraphs';
import { klotterImporter } from '../subgraphs/klotter/src/import/klotter.csv';
import { klotter } from '../subgraphs/klotter/src/server';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

/**
 * The gateway's response cache (gateway/src/svarscache.ts): a repeated dashboard question
 * is answered from memory, and a write — through GraphQL, the Open311 endpoint or an import
 * command in another process — is never left behind a stale picture.
 */
const VARIABLES = { omrade: 'norrmalm', period: '2017' };
const RADET = { 'x-lagesbild-roller': 'RADET', 'x-lagesbild-subjekt': 'radet-1' };
const ANALYTIKER = { 'x-lagesbild-roller': 'ANALYTIKER' };
const UTBILDNING = { 'x-lagesbild-roller': 'UTBILDNINGSFORVALTNING' };
/** Every subgraph in the registry keeps an audit log the admin reads through the gateway. */
const SUBGRAPHS = REGISTRY.map((s) => s.name);

interface Answer {
  status: number;
  cache: string | null;
  body: GraphQLBody;
}

interface Logg {
  typ: string;
  vad: string;
  operation: string;
  roller: string[];
  subjekt: string | null;
}

// The council is cleared for klotter's counts: `antal` is the number, never suppressed;
// null while klotter has not reported for the period.
type Miljorad = { miljo: string; klotter: { antal: { antal: number | null } | null } | null };

function klotterVitMakt(body: GraphQLBody): number | null {
  const lagesbild = body.data?.lagesbild as { miljoer: Miljorad[] };
  return lagesbild.miljoer.find((m) => m.miljo === 'VIT_MAKT')?.klotter?.antal?.antal ?? null;
}

/** The count once one more report is in: 1 where klotter had not reported at all (null). */
const enMer = (fore: number | null) => (fore === null ? 1 : fore + 1);

describe('the response cache', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.interrupt());

  async function ask(
    query: string,
    headers: Record<string, string>,
    variables: Record<string, unknown> = VARIABLES,
  ): Promise<Answer> {
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      cache: response.headers.get('x-lagesbild-cache'),
      body: (await response.json()) as GraphQLBody,
    };
  }

  const dashboard = (headers: Record<string, string> = RADET) => ask(LAGESBILD_QUERY, headers);

  /** The council's picture as the cache keeps it now (a miss first if a write came before). */
  async function primed(): Promise<Answer> {
    await dashboard();
    const kept = await dashboard();
    expect(kept.cache).toBe('traff');
    return kept;
  }

  /** Every audit row of every subgraph, as the admin reads them through the gateway. */
  async function granskning(): Promise<Logg[]> {
    const fields = SUBGRAPHS.map(
      (s) =>
        `${s}: granskningslogg${s[0]?.toUpperCase()}${s.slice(1)}(first: 1000) { typ vad operation roller subjekt }`,
    );
    const r = await system.gql(`{ ${fields.join('\n')} }`, {}, { 'x-lagesbild-roller': 'ADMIN' });
    expect(r.body.errors).toBeUndefined();
    return SUBGRAPHS.flatMap((s) => (r.body.data?.[s] as Logg[]) ?? []);
  }

  /** The rows written since `before` (the log only grows), without their times and ids. */
  const sedan = (before: Logg[], after: Logg[]) =>
    after
      .slice(0, after.length - before.length)
      .map((l) => `${l.typ} ${l.vad} ${l.operation} ${l.roller.join(',')} ${l.subjekt}`)
      .sort();

  it('answers a repeated dashboard question from memory, with the identical body', async () => {
    const first = await dashboard();
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    const second = await dashboard();
    console.log(
      system
        .output()
        .split('\n')
        .filter((l) => l.includes('DEBUG'))
        .join('\n'),
    );
    expect(second.cache).toBe('traff');
    expect(second.body).toEqual(first.body);
    // Nothing of the subgraphs' bookkeeping reaches the caller.
    expect(JSON.stringify(second.body)).not.toContain('lagesbildSvarscache');
    expect(JSON.stringify(first.body)).not.toContain('lagesbildSvarscache');
  });

  it('a different role gets its own answer, not the council’s', async () => {
    const radet = await dashboard();
    expect(radet.cache).toBe('traff');
    // The analyst is cleared for the same live data: the same figures, kept apart all the same.
    const analytiker = await dashboard(ANALYTIKER);
    expect(analytiker.cache).toBe('miss');
    expect(analytiker.body.errors).toBeUndefined();
    const again = await dashboard(ANALYTIKER);
    expect(again.cache).toBe('traff');
    expect(again.body).toEqual(analytiker.body);
    // A role refused some partners' live data gets an answer with errors: never kept.
    for (const _ of [1, 2]) {
      const utbildning = await dashboard(UTBILDNING);
      expect(utbildning.cache).toBe('miss');
      expect(utbildning.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      expect(utbildning.body).not.toEqual(radet.body);
    }
  });

  it('an answer with a field removed for the reader is never kept; the cleared reader’s is', async () => {
    // A cached operation name asking for a field only the education administration reads.
    const query = `query Dashboard($omrade: String!, $period: Period!) {
      lagesbild(omrade: $omrade, period: $period) { miljoer { miljo skolor { observationer } } }
    }`;
    for (const _ of [1, 2]) {
      const radet = await ask(query, RADET);
      expect(radet.cache).toBe('miss');
      expect(radet.body.errors?.map((e) => e.extensions?.code)).toContain(
        'UNAUTHORIZED_FIELD_OR_TYPE',
      );
    }
    const forst = await ask(query, UTBILDNING);
    expect(forst.body.errors).toBeUndefined();
    const sedan = await ask(query, UTBILDNING);
    expect(sedan.cache).toBe('traff');
    expect(sedan.body).toEqual(forst.body);
  });

  it('a hit writes the same audit rows as the read it stands for', async () => {
    const report = (h: Record<string, string>) => ask(LAGESBILD_RAPPORT, h);
    // A record the council may read only with clearance, whose every read is logged.
    const incident = await system.gql(
      `mutation { registreraIncident(input: { omradeId: "norrmalm", datum: "2017-03-14", miljo: VIT_MAKT, typ: PROPAGANDA, beskrivning: "Klistermärken på en skylt.", klassning: BEGRANSAD }) { id } }`,
      {},
      { 'x-lagesbild-roller': 'SAMORDNARE' },
    );
    expect(incident.body.errors).toBeUndefined();
    const before = await granskning();
    const miss = await report(RADET);
    expect(miss.cache).toBe('miss');
    expect(miss.body.errors).toBeUndefined();
    const afterMiss = await granskning();
    const missRows = sedan(before, afterMiss);
    // The report reads classified records; otherwise this test would prove nothing.
    expect(missRows.length).toBeGreaterThan(0);
    expect(missRows.every((r) => r.includes('LagesbildRapport RADET radet-1'))).toBe(true);
    const hit = await report(RADET);
    expect(hit.cache).toBe('traff');
    expect(hit.body).toEqual(miss.body);
    expect(sedan(afterMiss, await granskning())).toEqual(missRows);
    // Another council member's hit is logged under their own name.
    const other = await report({ ...RADET, 'x-lagesbild-subjekt': 'radet-2' });
    expect(other.cache).toBe('traff');
    const afterOther = await granskning();
    expect(afterOther.length - before.length).toBe(3 * missRows.length);
    expect(afterOther[0]?.subjekt).toBe('radet-2');
  });

  it('a write through a GraphQL mutation makes the next question a miss with the new data', async () => {
    const before = await primed();
    // Nothing from klotter for 2017 in the seed: not reported, so no number (not 0).
    expect(klotterVitMakt(before.body)).toBeNull();
    const written = await system.gql(
      `mutation { registreraKlotteranmalan(input: { rapportor: TRAFIKKONTORET, rapportorensId: "cache-1", omradeId: "norrmalm", kategori: RASISTISKT, miljo: VIT_MAKT, innehall: "Hakkors", anmaldTid: "2017-03-14T10:00:00Z" }) { id } }`,
      {},
      { 'x-lagesbild-roller': 'TRAFIKKONTORET' },
    );
    expect(written.body.errors).toBeUndefined();
    const after = await dashboard();
    expect(after.cache).toBe('miss');
    expect(klotterVitMakt(after.body)).toBe(enMer(klotterVitMakt(before.body)));
    expect((await dashboard()).cache).toBe('traff');
  });

  it('a write through the Open311 endpoint makes the next question a miss with the new data', async () => {
    const before = await primed();
    const response = await fetch(`${system.subgraphUrls.klotter}/open311/v2/requests.json`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'TRAFIKKONTORET' })),
      },
      body: JSON.stringify([
        {
          service_request_id: 'TK-CACHE-311',
          status: 'open',
          status_notes: null,
          service_name: 'Rasistiskt klotter',
          service_code: 'klotter-rasistiskt',
          description: 'Hakkors på elskåp',
          agency_responsible: 'Trafikkontoret',
          requested_datetime: '2017-04-13T14:00:00+02:00',
          updated_datetime: '2017-04-13T14:00:00+02:00',
          expected_datetime: '2017-04-14T14:00:00+02:00',
          address: 'Tegnérgatan 10',
          lat: 59.3375,
          long: 18.0556,
          extended_attributes: { environment: 'VIT_MAKT' },
        },
      ]),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    const after = await dashboard();
    expect(after.cache).toBe('miss');
    expect(klotterVitMakt(after.body)).toBe(enMer(klotterVitMakt(before.body)));
  });

  it('an import command in another process makes the next question a miss with the new data', async () => {
    const before = await primed();
    const fil = join(system.dataDir, 'cache-import.csv');
    await writeFile(
      fil,
      'rapportor,rapportorens_id,kategori,miljo,innehall,anmald_tid\n' +
        'TRAFIKKONTORET,cache-import-1,RASISTISKT,VIT_MAKT,Hakkors på elskåp,2017-05-02T10:00:00+02:00\n',
      'utf8',
    );
    const r = await korImportITest(
      {
        subgraf: klotter,
        importer: klotterImporter,
        config: { databaseUrl: system.databaseUrls.klotter as string, seed: false },
        skript: 'import:csv',
      },
      [fil, '--omrade', 'norrmalm'],
      system.dataDir,
    );
    expect(r.kod, `${r.ut}\n${r.fel}`).toBe(0);
    const after = await dashboard();
    expect(after.cache).toBe('miss');
    expect(klotterVitMakt(after.body)).toBe(enMer(klotterVitMakt(before.body)));
  });

  it('a stopped source: the partial answer is not kept, and a failed check falls back to a real execution', async () => {
    const whole = await primed();
    await system.stopSubgraph('polis');
    const down = await dashboard();
    expect(down.cache).toBe('miss');
    expect(down.body.extensions?.saknadeKallor).toEqual(['polis']);
    const stillDown = await dashboard();
    expect(stillDown.cache).toBe('miss');
    expect(stillDown.body.extensions?.saknadeKallor).toEqual(['polis']);
    await system.startSubgraph('polis');
    // Its data did not change while it was down: the kept answer is valid again.
    const back = await dashboard();
    expect(back.body).toEqual(whole.body);
    expect((await dashboard()).cache).toBe('traff');
  });
});
