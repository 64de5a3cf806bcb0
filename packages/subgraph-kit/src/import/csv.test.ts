import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avgransare, kolumnnamn, oppnaCsv } from './csv';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function poster(text: string) {
  const fil = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(fil, text, 'utf8');
  const csv = await oppnaCsv(fil);
  const ut = [];
  for await (const p of csv.poster) ut.push(p);
  return { csv, ut };
}

describe('CSV reading', () => {
  it('folds Swedish headers to the column names the importers use', () => {
    expect(kolumnnamn('\uFEFFRapportörens id')).toBe('rapportorens_id');
    expect(kolumnnamn(' Miljö ')).toBe('miljo');
    expect(kolumnnamn('På plats-tid')).toBe('pa_plats_tid');
  });

  it('detects the separator from the header line, quotes aside', () => {
    expect(avgransare('id;datum;"a,b"')).toBe(';');
    expect(avgransare('id,datum,plats')).toBe(',');
  });

  it('reads a BOM file with either separator and gives each record its line', async () => {
    const { csv, ut } = await poster(
      '\uFEFFid;Miljö;text\r\n1;VIT_MAKT;"två\r\nrader"\r\n\r\n2;AUTONOMA;"med ""citat"""\r\n3;x\r\n',
    );
    expect(csv.avgransare).toBe(';');
    expect(csv.kolumner).toEqual(['id', 'miljo', 'text']);
    expect(ut.map((p) => [p.rad, p.falt.id, p.falt.text, p.felAntal])).toEqual([
      [3, '1', 'två\r\nrader', undefined],
      [5, '2', 'med "citat"', undefined],
      [6, '3', '', 2],
    ]);
    const komma = await poster('id,miljo\n7,ISLAMISTISK\n');
    expect(komma.csv.avgransare).toBe(',');
    expect(komma.ut[0]?.falt).toEqual({ id: '7', miljo: 'ISLAMISTISK' });
  });
});
