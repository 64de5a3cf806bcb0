import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  avgransare,
  csvFelText,
  EjUtf8Fel,
  ejUtf8,
  kolumnnamn,
  oppnaCsv,
  Utf8Kontroll,
  utanFormel,
} from './csv';

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

  it('refuses a file that is not UTF-8 before reading a row, naming the line (issue 15, item 11)', async () => {
    const fil = join(dir, 'latin1.csv');
    // "Söder" and "gård" as Excel's "CSV (semikolonavgränsad)" writes them: Windows-1252.
    await writeFile(
      fil,
      Buffer.concat([
        Buffer.from('id;plats\n1;Norrmalm\n2;S', 'latin1'),
        Buffer.from([0xf6]),
        Buffer.from('der\n', 'latin1'),
      ]),
    );
    const fel = await oppnaCsv(fil).then(
      () => null,
      (e: Error) => e,
    );
    expect(fel).toBeInstanceOf(EjUtf8Fel);
    expect(fel?.message).toContain('UTF-8');
    expect(fel?.message).toContain('rad 3 har byten 0xF6');
    // å in Latin-1 (0xE5) starts a three-byte sequence that the next letter breaks.
    expect(ejUtf8(Buffer.from('id\ng\u00e5rd\n', 'latin1'))).toEqual({
      rad: 2,
      offset: 4,
      byte: 0xe5,
    });
  });

  it('reads UTF-8 in any chunking and refuses overlong forms, surrogates and cut sequences', () => {
    const text = Buffer.from('åäö 😀 ≠\n', 'utf8');
    for (let i = 0; i <= text.length; i += 1) {
      const k = new Utf8Kontroll();
      expect(k.las(text.subarray(0, i)) ?? k.las(text.subarray(i)) ?? k.slut()).toBeNull();
    }
    expect(ejUtf8(Buffer.from([0xc0, 0x80]))).not.toBeNull();
    expect(ejUtf8(Buffer.from([0xed, 0xa0, 0x80]))).not.toBeNull();
    expect(ejUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).not.toBeNull();
    expect(ejUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toEqual({ rad: 1, offset: 1, byte: 0xe2 });
  });

  it('says csv-parse errors in Swedish', () => {
    expect(csvFelText({ code: 'CSV_QUOTE_NOT_CLOSED', message: 'Quote Not Closed' })).toContain(
      'citattecken',
    );
    expect(
      csvFelText({ code: 'CSV_INVALID_OPENING_QUOTE', message: 'Invalid Opening Quote' }),
    ).toContain('mitt i ett fält');
  });

  it('makes a cell a spreadsheet would run as a formula plain text', () => {
    for (const f of ['=HYPERLINK("http://x","klicka")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      expect(utanFormel(f)).toBe(`'${f}`);
    }
    expect(utanFormel('Norrmalm')).toBe('Norrmalm');
    expect(utanFormel('')).toBe('');
  });
});
