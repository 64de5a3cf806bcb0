import { readFile } from 'node:fs/promises';
import { GranskningsloggPost } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Handelse } from '../entities';
import { polis } from '../server';

/** Issue 15, item 13: the police import events (CSV and the feed's JSON) with their own token. */
const CSV = new URL('../../data/handelser-exempel.csv', import.meta.url);
const JSON_FIL = new URL('../../data/handelser-exempel.json', import.meta.url);
let s: TestSubgraph;

beforeAll(async () => {
  s = await startTestSubgraph(polis);
});
afterAll(() => s?.stop());

async function posta(fil: URL, typ: string, headers: Record<string, string>) {
  const res = await fetch(`${s.url}/import/handelser`, {
    method: 'POST',
    headers: { 'content-type': typ, ...(await withToken(headers)) },
    body: await readFile(fil),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const fran = () => s.running.orm.orm.em.fork().count(Handelse, { kallaId: { $like: 'polisen:%' } });
const logg = () =>
  s.running.orm.orm.em
    .fork()
    .find(GranskningsloggPost, { operation: 'import:http polis handelser' });

describe('POST /import/handelser', () => {
  it('refuses every role but the police and ADMIN, for CSV and JSON alike', async () => {
    const fore = await fran();
    for (const roll of ['', 'SAMORDNARE', 'RADET', 'SKOLA', 'MTR']) {
      expect((await posta(CSV, 'text/csv', { 'x-lagesbild-roller': roll })).status).toBe(403);
      expect(
        (await posta(JSON_FIL, 'application/json', { 'x-lagesbild-roller': roll })).status,
      ).toBe(403);
    }
    expect(await fran()).toBe(fore);
  });

  it('as POLIS: the CSV’s good rows, then the feed’s JSON; each file twice changes nothing', async () => {
    const polisen = { 'x-lagesbild-roller': 'POLIS' };
    const csv = await posta(CSV, 'text/csv', polisen);
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({ lasta: 8, importerade: 3, oforandrade: 0 });
    expect((csv.body.avvisade as { rad: number }[]).map((a) => a.rad)).toEqual([5, 6, 7, 8, 9]);
    const json = await posta(JSON_FIL, 'application/json', polisen);
    expect(json.status).toBe(200);
    const nya = json.body.importerade as number;
    expect(nya).toBeGreaterThan(0);
    expect(json.body.oforandrade).toBe(0);
    for (const a of json.body.avvisade as { rad: number; skal: string[] }[]) {
      expect(a.rad).toBeGreaterThan(0);
      expect(a.skal).toHaveLength(1);
    }
    const efter = await fran();
    expect((await posta(CSV, 'text/csv', polisen)).body).toMatchObject({
      importerade: 0,
      oforandrade: 3,
    });
    expect((await posta(JSON_FIL, 'application/json', polisen)).body).toMatchObject({
      importerade: 0,
      oforandrade: nya,
    });
    expect(await fran()).toBe(efter);
    const poster = await logg();
    expect(poster).toHaveLength(3 + nya);
    expect(new Set(poster.map((p) => p.roller))).toEqual(new Set(['POLIS']));
  });

  it('a skipped JSON item is named by its place in the list', async () => {
    const item = {
      id: 'EX-POS-1',
      datetime: '2018-03-10 14:30:00 +01:00',
      name: 'Bråk (EXEMPEL)',
      summary: 'EXEMPELDATA för tester.',
      type: 'Bråk',
    };
    const res = await fetch(`${s.url}/import/handelser`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'POLIS' })),
      },
      body: JSON.stringify([item, { ...item, id: undefined }, { ...item, type: 'Picknick' }, item]),
    });
    const body = (await res.json()) as { importerade: number; avvisade: unknown[] };
    expect(body.importerade).toBe(1);
    expect(body.avvisade).toEqual([
      { rad: 2, id: '#2', skal: ['id saknas'] },
      { rad: 3, id: 'EX-POS-1', skal: ['id:t förekommer flera gånger i filen'] },
      { rad: 4, id: 'EX-POS-1', skal: ['id:t förekommer flera gånger i filen'] },
    ]);
  });

  it('a JSON body that is not the feed’s list is a 400 in Swedish', async () => {
    const res = await fetch(`${s.url}/import/handelser`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'POLIS' })),
      },
      body: '{"id": 1}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      fel: 'Filen ska innehålla en JSON-lista med händelser i polisens flödesformat.',
    });
  });
});
