import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klotter } from './server';

/**
 * The kit's data revision on a real subgraph: bumped by every write (whoever writes),
 * read by the gateway's response cache through POST /_lagesbild/revision.
 */
describe('the data revision', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(klotter);
  });
  afterAll(() => s?.stop());

  const revision = async (body: unknown = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.url}/_lagesbild/revision`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'RADET', ...headers })),
      },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { revision?: number; fel?: string },
    };
  };

  it('answers only a caller with a valid token', async () => {
    expect((await revision({}, { authorization: '' })).status).toBe(401);
    expect((await revision({}, { authorization: 'Bearer x.y.z' })).status).toBe(401);
  });

  it('refuses a malformed request with a Swedish reason', async () => {
    const r = await revision({ forvantad: -1 });
    expect(r.status).toBe(400);
    expect(r.body.fel).toBe('forvantad ska vara ett heltal ≥ 0.');
    const g = await revision({ forvantad: 1, granskning: [{ typ: 'Incident' }] });
    expect(g.status).toBe(400);
  });

  it('moves with a mutation, and not with a read or its audit entries', async () => {
    const start = (await revision()).body.revision as number;
    expect(Number.isInteger(start)).toBe(true);
    const read = await s.gql('{ __typename }', {}, { 'x-lagesbild-roller': 'RADET' });
    expect(read.status).toBe(200);
    expect((await revision()).body.revision).toBe(start);
    const written = await s.gql(
      `mutation { registreraKlotteranmalan(input: { rapportor: TRAFIKKONTORET, rapportorensId: "rev-1", omradeId: "norrmalm", kategori: RASISTISKT, innehall: "Hakkors", anmaldTid: "2018-03-14T10:00:00Z" }) { id } }`,
      {},
      { 'x-lagesbild-roller': 'TRAFIKKONTORET' },
    );
    expect(written.body.errors).toBeUndefined();
    expect((await revision()).body.revision).toBeGreaterThan(start);
  });

  it('tells the gateway its revision in the answer only when asked', async () => {
    const ask = async (extra: Record<string, string>) => {
      const res = await fetch(s.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(await withToken({ 'x-lagesbild-roller': 'RADET', ...extra })),
        },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return (await res.json()) as { extensions?: Record<string, unknown> };
    };
    expect((await ask({})).extensions).toBeUndefined();
    const current = (await revision()).body.revision;
    expect((await ask({ 'x-lagesbild-svarscache': '1' })).extensions).toEqual({
      lagesbildSvarscache: { subgraf: 'klotter', revision: current, granskning: [] },
    });
  });

  it('logs the replayed reads only while the revision is the expected one', async () => {
    const rows = () => s.countRows('kit_granskningslogg');
    const current = (await revision()).body.revision as number;
    const before = await rows();
    const granskning = [
      { typ: 'Klotteranmalan', id: 'a' },
      { typ: 'Klotteranmalan', id: 'b' },
    ];
    const stale = await revision({
      forvantad: current + 1,
      granskning,
      operationName: 'Dashboard',
    });
    expect(stale.body.revision).toBe(current);
    expect(await rows()).toBe(before);
    const fresh = await revision({ forvantad: current, granskning, operationName: 'Dashboard' });
    expect(fresh.body.revision).toBe(current);
    expect(await rows()).toBe(before + 2);
    // Appending to the audit log is no change to the data.
    expect((await revision()).body.revision).toBe(current);
  });
});
