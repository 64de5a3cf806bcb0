import { readFile } from 'node:fs/promises';
import { GranskningsloggPost } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Incident } from '../entities';
import { forvaltning } from '../server';

/** Issue 15, item 13: the coordinator imports incidents over HTTP with its own token. */
const PROV = new URL('../../data/incidenter-exempel.csv', import.meta.url);
let s: TestSubgraph;

beforeAll(async () => {
  s = await startTestSubgraph(forvaltning);
});
afterAll(() => s?.stop());

async function posta(headers: Record<string, string>, query = '') {
  const res = await fetch(`${s.url}/import/incidenter${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(await withToken(headers)) },
    body: await readFile(PROV),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const importerade = () =>
  s.running.orm.orm.em.fork().count(Incident, { id: { $like: 'incident-%' } });
const logg = () =>
  s.running.orm.orm.em
    .fork()
    .find(GranskningsloggPost, { operation: { $like: 'import:%' } }, { orderBy: { id: 'asc' } });

describe('POST /import/incidenter', () => {
  it('refuses every role but the coordinator and ADMIN', async () => {
    const fore = await importerade();
    for (const roll of ['', 'POLIS', 'UTBILDNINGSFORVALTNING', 'TRAFIKKONTORET', 'ANALYTIKER']) {
      expect((await posta({ 'x-lagesbild-roller': roll })).status, roll).toBe(403);
    }
    expect((await posta({ authorization: '' })).status).toBe(401);
    expect(await importerade()).toBe(fore);
  });

  it('as SAMORDNARE: the sample’s good rows, the bad ones in the answer, audited as import:http', async () => {
    const r = await posta({ 'x-lagesbild-roller': 'SAMORDNARE', 'x-lagesbild-subjekt': 'samo-1' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ lasta: 10, importerade: 4, oforandrade: 0 });
    expect((r.body.avvisade as { rad: number }[]).map((a) => a.rad)).toEqual([7, 8, 9, 10, 11, 12]);
    const poster = await logg();
    expect(poster).toHaveLength(4);
    for (const p of poster) {
      expect(p).toMatchObject({
        subjekt: 'samo-1',
        roller: 'SAMORDNARE',
        operation: 'import:http forvaltning incidenter',
      });
    }
  });

  it('the same file again changes nothing; an unknown area is refused as the command refuses it', async () => {
    const r = await posta({ 'x-lagesbild-roller': 'SAMORDNARE' });
    expect(r.body).toMatchObject({ importerade: 0, oforandrade: 4 });
    expect(await logg()).toHaveLength(4);
    const okant = await posta({ 'x-lagesbild-roller': 'ADMIN' }, '?omrade=finns-inte');
    expect(okant.status).toBe(400);
    expect(okant.body.fel).toMatch(/^Okänt område "finns-inte"/);
  });
});
