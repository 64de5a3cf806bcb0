import { readFile } from 'node:fs/promises';
import { GranskningsloggPost } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Klotteranmalan } from '../entities';
import { klotter } from '../server';

/**
 * Issue 15, item 13: a reporter imports its CSV over HTTP with its own token, through the
 * same engine as `import:csv`; its rows are its own, another reporter's are refused.
 */
const PROV = new URL('../../data/klotter-exempel.csv', import.meta.url);
let s: TestSubgraph;

beforeAll(async () => {
  s = await startTestSubgraph(klotter);
});
afterAll(() => s?.stop());

async function posta(
  body: string | Buffer<ArrayBuffer>,
  headers: Record<string, string>,
  query = '',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${s.url}/import/klotter${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', ...(await withToken(headers)) },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const exempel = () =>
  s.running.orm.orm.em
    .fork()
    .find(Klotteranmalan, { rapportorensId: { $like: '%-EX-%' } }, { orderBy: { id: 'asc' } });
const logg = () =>
  s.running.orm.orm.em
    .fork()
    .find(GranskningsloggPost, { operation: { $like: 'import:%' } }, { orderBy: { id: 'asc' } });

describe('POST /import/klotter', () => {
  it('refuses a caller without a token (401), without a role or a reporter’s role (403): nothing written', async () => {
    const prov = await readFile(PROV);
    const utan = await posta(prov, { authorization: '' });
    expect(utan.status).toBe(401);
    expect(utan.body.fel).toMatch(/Inloggning krävs/);
    for (const roller of ['', 'POLIS', 'SKOLA', 'SAMORDNARE', 'RADET']) {
      const r = await posta(prov, { 'x-lagesbild-roller': roller });
      expect(r.status, roller).toBe(403);
      expect(r.body).toEqual({ fel: 'Din roll har inte behörighet till detta.' });
    }
    expect(await exempel()).toEqual([]);
  });

  it('as Trafikkontoret: its own rows in, MTR’s and SISAB’s refused; audited as import:http with the token’s role', async () => {
    const r = await posta(await readFile(PROV), {
      'x-lagesbild-roller': 'TRAFIKKONTORET',
      'x-lagesbild-subjekt': 'tk-import',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ lasta: 8, importerade: 1, uppdaterade: 0, oforandrade: 0 });
    expect(r.body.avvisade).toEqual([
      { rad: 3, skal: ['rapportor: din roll får inte importera anmälningar för MTR'] },
      { rad: 4, skal: ['rapportor: din roll får inte importera anmälningar för SISAB'] },
      {
        rad: 5,
        skal: [
          'innehall: texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        ],
      },
      { rad: 6, skal: ['borttagen_tid: saneringen kan inte ligga före anmälan'] },
      {
        rad: 7,
        skal: [
          'anmald_tid: tid anges enligt ISO 8601 med tidszon, t.ex. 2017-04-13T15:00:00+02:00',
        ],
      },
      { rad: 8, skal: ['rapportor: din roll får inte importera anmälningar för SISAB'] },
      { rad: 9, skal: ['rapportor: okänd rapportör'] },
    ]);
    expect((await exempel()).map((a) => [a.rapportor, a.rapportorensId])).toEqual([
      ['TRAFIKKONTORET', 'T-EX-1'],
    ]);
    const poster = await logg();
    expect(poster).toHaveLength(1);
    expect(poster[0]).toMatchObject({
      subjekt: 'tk-import',
      roller: 'TRAFIKKONTORET',
      operation: 'import:http klotter klotter',
      vad: expect.stringMatching(/^Klotteranmalan:.+ ny, POST \/import\/klotter rad 2$/),
    });
  });

  it('is idempotent: the same file again changes nothing and logs nothing', async () => {
    const r = await posta(await readFile(PROV), { 'x-lagesbild-roller': 'TRAFIKKONTORET' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ lasta: 8, importerade: 0, oforandrade: 1 });
    expect(await exempel()).toHaveLength(1);
    expect(await logg()).toHaveLength(1);
  });

  it('as ADMIN: every reporter’s rows', async () => {
    const r = await posta(await readFile(PROV), { 'x-lagesbild-roller': 'ADMIN' });
    expect(r.body).toMatchObject({ importerade: 2, oforandrade: 1 });
    expect((await exempel()).map((a) => a.rapportorensId).sort()).toEqual([
      'M-EX-1',
      'S-EX-1',
      'T-EX-1',
    ]);
  });

  it('answers a wrong header, an unknown parameter, an empty body, another method and an oversized body in Swedish', async () => {
    const tk = { 'x-lagesbild-roller': 'TRAFIKKONTORET' };
    const rubrik = await posta('namn;id\nx;1\n', tk);
    expect(rubrik.status).toBe(400);
    expect(rubrik.body.fel).toMatch(/^Fel rubrikrad: kolumner saknas: rapportor, rapportorens_id/);
    const param = await posta(await readFile(PROV), tk, '?avvisade=x.csv');
    expect(param).toEqual({
      status: 400,
      body: { fel: 'Okänd parameter avvisade; tillåtna är omrade, batch.' },
    });
    expect((await posta('', tk)).status).toBe(400);
    const get = await fetch(`${s.url}/import/klotter`, { headers: await withToken(tk) });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ fel: '/import/klotter tar bara emot POST.' });
    const stor = await posta(Buffer.alloc(50 * 1024 * 1024 + 1, 0x61), tk);
    expect(stor).toEqual({
      status: 413,
      body: { fel: `Förfrågan är för stor (högst ${50 * 1024 * 1024} byte).` },
    });
  });
});
