import { parsePeriod } from '@lagesbild/domain';
import { GranskningsloggPost } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Enkat, Fraga, FragaTyp, Svarsuppsattning } from '../entities';
import { skolor } from '../server';

/**
 * Issue 15, item 13: survey answers over HTTP. The education administration sends every
 * school's answers; a school (as with lamnaSvar) only its own: another school's set is
 * refused in the answer.
 */
const ENKAT = 'http-enkat-2018';
const SKOLA_A = 'norrmalm-2016-respondent-1';
const SKOLA_B = 'norrmalm-2016-respondent-2';
const FIL = [
  'skola;enkat;fraga;svar',
  `${SKOLA_A};${ENKAT};1;ja`,
  `${SKOLA_B};${ENKAT};1;nej`,
  '',
].join('\n');
let s: TestSubgraph;

beforeAll(async () => {
  s = await startTestSubgraph(skolor);
  const em = s.running.orm.orm.em.fork();
  const enkat = new Enkat(ENKAT, 'norrmalm', parsePeriod('2018'), 'Exempelenkät (EXEMPEL)');
  await em.persistAndFlush([enkat, new Fraga(`${ENKAT}-1`, ENKAT, 1, 'Tecken?', FragaTyp.JA_NEJ)]);
});
afterAll(() => s?.stop());

async function posta(headers: Record<string, string>) {
  const res = await fetch(`${s.url}/import/svar`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(await withToken(headers)) },
    body: FIL,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const skolorMedSvar = async () =>
  (await s.running.orm.orm.em.fork().find(Svarsuppsattning, { enkatId: ENKAT }))
    .map((u) => u.skolaId)
    .sort();

describe('POST /import/svar', () => {
  it('refuses roles that do not send answers', async () => {
    for (const roll of ['', 'SAMORDNARE', 'POLIS', 'SISAB']) {
      expect((await posta({ 'x-lagesbild-roller': roll })).status, roll).toBe(403);
    }
    expect(await skolorMedSvar()).toEqual([]);
  });

  it('a school: its own answers in, another school’s refused in the answer', async () => {
    const r = await posta({ 'x-lagesbild-roller': 'SKOLA', 'x-lagesbild-skola': SKOLA_A });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ lasta: 2, importerade: 1, oforandrade: 0 });
    expect(r.body.avvisade).toEqual([
      { rad: 3, skal: [`skola: din behörighet gäller inte skolan "${SKOLA_B}"`] },
    ]);
    expect(await skolorMedSvar()).toEqual([SKOLA_A]);
    const logg = await s.running.orm.orm.em
      .fork()
      .find(GranskningsloggPost, { operation: 'import:http skolor svar' });
    expect(logg.map((p) => p.roller)).toEqual(['SKOLA']);
  });

  it('the education administration: every school’s; the school’s set already there', async () => {
    const r = await posta({ 'x-lagesbild-roller': 'UTBILDNINGSFORVALTNING' });
    expect(r.body).toMatchObject({ importerade: 1, oforandrade: 1, avvisade: [] });
    expect(await skolorMedSvar()).toEqual([SKOLA_A, SKOLA_B]);
  });
});
