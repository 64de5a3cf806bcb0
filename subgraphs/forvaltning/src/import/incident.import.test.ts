import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Roll } from '@lagesbild/domain';
import { createOrm, GranskningsloggPost, importkommandoSkrivare } from '@lagesbild/subgraph-kit';
import { korImport, korImportITest, oppnaCsv } from '@lagesbild/subgraph-kit/import';
import { createTestDatabase, type TestDatabase } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Incident } from '../entities';
import { forvaltning } from '../server';
import { incidentImporter } from './incident.import';

const PAKET = fileURLToPath(new URL('../..', import.meta.url));

let db: TestDatabase;
let dir: string;
const kommando = () => ({
  subgraf: forvaltning,
  config: { databaseUrl: db.file, seed: true },
  importer: incidentImporter,
  skript: 'import:csv',
});

async function importerade(databaseUrl = db.file): Promise<Incident[]> {
  const { orm } = await createOrm({
    databaseUrl,
    entities: forvaltning.entities,
    migrations: forvaltning.migrations,
  });
  try {
    const rows = await orm.em.fork().find(Incident, { id: { $like: 'incident-%' } });
    // Sorted here: SQLite and PostgreSQL order nulls and text differently.
    return rows.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  } finally {
    await orm.close();
  }
}

/** The import's audit entries, oldest first: the log is what the admin reads. */
async function loggen(databaseUrl = db.file): Promise<GranskningsloggPost[]> {
  const { orm } = await createOrm({
    databaseUrl,
    entities: forvaltning.entities,
    migrations: forvaltning.migrations,
  });
  try {
    return await orm.em.fork().find(GranskningsloggPost, {}, { orderBy: { id: 'asc' } });
  } finally {
    await orm.close();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('forvaltning-import');
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-forvaltning-import-'));
});
afterAll(async () => {
  await db.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('CSV import of incidents', () => {
  it('imports the good rows of the sample and rejects the bad ones by line and reason', async () => {
    const rapport = join(dir, 'avvisade.csv');
    const r = await korImportITest(
      kommando(),
      ['data/incidenter-exempel.csv', '--avvisade', rapport],
      PAKET,
    );
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      'Lästa rader:   10\n  Importerade:   4\n  Redan inlästa: 0\n  Avvisade:      6',
    );
    const rows = await importerade();
    expect(rows.map((i) => [i.datum, i.period, i.miljo, i.typ, i.platsText, i.klassning])).toEqual([
      ['2018-02-05', '2018-02-05', 'VIT_MAKT', 'PROPAGANDA', 'Exempelgatan 1', 'BEGRANSAD'],
      ['2018-03-12', '2018-03-12', 'ISLAMISTISK', 'HOT', null, 'BEGRANSAD'],
      [
        '2018-03-20',
        '2018-03-20',
        'OSPECIFICERAD',
        'KRANKANDE_UTTALANDEN',
        'Exempelskolan',
        'BEGRANSAD',
      ],
      [null, '2018-T1', 'AUTONOMA', 'SKADEGORELSE', 'Exempeltorget', 'BEGRANSAD'],
    ]);
    // One audit entry per imported incident, by the operator's command, none for a rejected row.
    const logg = await loggen();
    expect(logg.map((p) => p.vad)).toEqual(
      [2, 3, 4, 6].map((rad) =>
        expect.stringMatching(
          new RegExp(`^Incident:incident-[0-9a-f]{40} ny, incidenter-exempel\\.csv rad ${rad}$`),
        ),
      ),
    );
    expect(new Set(logg.map((p) => p.vad.split(' ')[0]))).toEqual(
      new Set(rows.map((i) => `Incident:${i.id}`)),
    );
    for (const p of logg) {
      expect(p).toMatchObject({
        subjekt: expect.stringMatching(/^os:.+@.+/),
        roller: 'IMPORTKOMMANDO',
        operation: 'import:kommando csv forvaltning',
        typ: 'SKRIVNING',
        requestId: logg[0]?.requestId,
      });
    }
    expect(rows[1]?.beskrivning).toBe(
      'EXEMPELDATA för tester: hotfullt meddelande; "anonymt" till en förening.',
    );
    const report = (await readFile(rapport, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(report[0]).toBe('rad;skal;Id;Datum;Period;Plats;Miljö;Typ;Beskrivning;System');
    expect(report.slice(1, -1).map((l) => l.split(';')[0])).toEqual([
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    expect(report[1]).toContain('"beskrivning: texten ser ut att innehålla ett personnummer;');
    expect(report[1]).toContain(';EX-5;2018-04-02;');
    expect(report[5]).toBe(
      '11;samma nyckel (EX-1) som rad 2;EX-1;2018-02-06;;Exempelgatan 1;VIT_MAKT;PROPAGANDA;EXEMPELDATA för tester: samma id igen.;IA',
    );
  });

  it('never accepts a personnummer in free text', async () => {
    const fil = join(dir, 'pnr.csv');
    await writeFile(
      fil,
      'id,datum,miljo,typ,beskrivning\nP-1,2018-01-10,AUTONOMA,HOT,Eleven 19121212-1212 hotades på gården\n',
    );
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'p.csv')], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain('rad 2: beskrivning: texten ser ut att innehålla ett personnummer');
    expect((await importerade()).some((i) => i.beskrivning.includes('1212'))).toBe(false);
    // A file whose only row is refused writes nothing and logs nothing.
    expect(await loggen()).toHaveLength(4);
  });

  it('never accepts a personnummer however it is dashed or spaced, nor in fullwidth digits', async () => {
    const fil = join(dir, 'pnr-varianter.csv');
    await writeFile(
      fil,
      [
        'id,datum,miljo,typ,beskrivning',
        'P-2,2018-01-10,AUTONOMA,HOT,Eleven 121212–1212 hotades på gården',
        'P-3,2018-01-10,AUTONOMA,HOT,Eleven 121212\u20111212 hotades på gården',
        'P-4,2018-01-10,AUTONOMA,HOT,Eleven 121212 - 1212 hotades på gården',
        'P-5,2018-01-10,AUTONOMA,HOT,Eleven １２１２１２-１２１２ hotades på gården',
        'P-6,2018-01-10,AUTONOMA,HOT,Eleven 19121212\u22121212 hotades på gården',
        '',
      ].join('\n'),
    );
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'pv.csv')], dir);
    expect(r.kod).toBe(1);
    for (const rad of [2, 3, 4, 5, 6]) {
      expect(r.ut).toContain(
        `rad ${rad}: beskrivning: texten ser ut att innehålla ett personnummer`,
      );
    }
    expect((await importerade()).some((i) => i.beskrivning.includes('hotades på gården'))).toBe(
      false,
    );
    expect(await loggen()).toHaveLength(4);
  });

  it('never imports a period that has not begun (issue 15, item 4)', async () => {
    const fil = join(dir, 'framtid.csv');
    await writeFile(
      fil,
      'id,period,miljo,typ,beskrivning\nF-1,2030,AUTONOMA,HOT,Hot mot personal på gården\nF-2,2031-H1,AUTONOMA,HOT,Hot mot personal på gården\n',
    );
    const fore = (await importerade()).length;
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'f.csv')], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      'rad 2: period: Perioden 2030 har inte börjat; det går inte att rapportera för den ännu.',
    );
    expect(r.ut).toContain(
      'rad 3: period: Perioden 2031-H1 har inte börjat; det går inte att rapportera för den ännu.',
    );
    expect(await importerade()).toHaveLength(fore);
  });

  it('adds nothing the second time: every good row is already present', async () => {
    const r = await korImportITest(
      kommando(),
      ['data/incidenter-exempel.csv', '--avvisade', join(dir, 'igen.csv')],
      PAKET,
    );
    expect(r.kod).toBe(1);
    expect(r.ut).toContain('Importerade:   0\n  Redan inlästa: 4\n  Avvisade:      6');
    expect(await importerade()).toHaveLength(4);
    // A run that writes nothing logs nothing: no "0 written" entry either.
    expect(await loggen()).toHaveLength(4);
  });

  it('refuses a file with the wrong header (2) and wrong arguments (3), writing nothing', async () => {
    const fil = join(dir, 'fel.csv');
    await writeFile(fil, 'id;datum;miljo;typ;text\nX;2018-01-01;AUTONOMA;HOT;något\n');
    const fel = await korImportITest(kommando(), [fil], dir);
    expect(fel.kod).toBe(2);
    expect(fel.fel).toContain('kolumner saknas: beskrivning; okända kolumner: text');
    expect((await korImportITest(kommando(), [], dir)).kod).toBe(3);
    // An area no one knows is refused before the file is read (issue 15, item 3): 3, not
    // the header's 2.
    const okant = await korImportITest(kommando(), [fil, '--omrade', 'ingenstans'], dir);
    expect(okant.kod).toBe(3);
    expect(okant.fel).toContain('Okänt område "ingenstans". Kända områden: bromma, ');
    // One of Stockholm's that förvaltning's register does not hold yet: 3 as well.
    const ratt = join(dir, 'ratt.csv');
    await writeFile(ratt, 'id;datum;miljo;typ;beskrivning\nX;2018-01-01;AUTONOMA;HOT;något\n');
    const ejRegistrerat = await korImportITest(kommando(), [ratt, '--omrade', 'sodermalm'], dir);
    expect(ejRegistrerat.kod).toBe(3);
    expect(ejRegistrerat.fel).toContain(
      'Okänt område "sodermalm": området finns inte i förvaltningens register.',
    );
    expect((await korImportITest(kommando(), [join(dir, 'saknas.csv')], dir)).kod).toBe(2);
    expect(await loggen()).toHaveLength(4);
  });

  it('a run killed halfway leaves whole batches; run again, every row is there exactly once', async () => {
    const egen = await createTestDatabase('forvaltning-kill');
    try {
      const antal = 5_000;
      const fil = join(dir, 'stor.csv');
      const rader = ['id;datum;miljo;typ;beskrivning'];
      for (let i = 1; i <= antal; i += 1) {
        const d = new Date(Date.UTC(2017, 0, 1) + (i % 365) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        rader.push(`G-${i};${d};OSPECIFICERAD;OVRIGT;Genererad testrad nummer ${i}`);
      }
      await writeFile(fil, `${rader.join('\n')}\n`);
      const env = { ...process.env, FORVALTNING_DATABASE_URL: egen.file };
      const args = ['--import', 'tsx', 'src/import/cli.ts', fil, '--batch', '25'];
      const barn: ChildProcess = spawn(process.execPath, args, {
        cwd: PAKET,
        env,
        stdio: 'ignore',
      });
      const slut = new Promise<NodeJS.Signals | null>((ok) => barn.on('exit', (_c, s) => ok(s)));
      let inne = 0;
      for (let i = 0; i < 1200 && inne === 0; i += 1) {
        await new Promise((ok) => setTimeout(ok, 50));
        inne = await importerade(egen.file).then(
          (r) => r.length,
          () => 0,
        );
      }
      barn.kill('SIGKILL');
      expect(await slut).toBe('SIGKILL');
      const efterKill = (await importerade(egen.file)).length;
      expect(efterKill).toBeGreaterThan(0);
      expect(efterKill).toBeLessThan(antal);
      // Whole batches only: a transaction is all of its rows or none — and their audit
      // entries: a killed run leaves no record without its entry, no entry without its record.
      expect(efterKill % 25).toBe(0);
      expect((await loggen(egen.file)).length).toBe(efterKill);

      const igen = spawnSync(process.execPath, args.slice(0, 4), {
        cwd: PAKET,
        env,
        encoding: 'utf8',
      });
      expect(igen.status).toBe(0);
      expect(igen.stdout).toContain(`Redan inlästa: ${efterKill}`);
      const alla = await importerade(egen.file);
      expect(alla).toHaveLength(antal);
      expect(new Set(alla.map((i) => i.beskrivning)).size).toBe(antal);
      const logg = await loggen(egen.file);
      expect(logg).toHaveLength(antal);
      expect(new Set(logg.map((p) => p.vad.split(' ')[0]))).toEqual(
        new Set(alla.map((i) => `Incident:${i.id}`)),
      );
      // Two runs, two run ids.
      expect(new Set(logg.map((p) => p.requestId)).size).toBe(2);
    } finally {
      await egen.remove();
    }
  }, 180_000);

  it('refuses a row with a NUL or another control character, keeping the good ones (issue 15, item 11)', async () => {
    const fil = join(dir, 'kontroll.csv');
    await writeFile(
      fil,
      [
        'id;datum;miljo;typ;beskrivning',
        'K-1;2018-01-10;AUTONOMA;HOT;Hot mot personal\u0000 på gården',
        'K-2;2018-01-10;AUTONOMA;HOT;Hot mot \u001b[31mpersonal',
        'K\u0007-3;2018-01-10;AUTONOMA;HOT;Hot mot personal vid entrén',
        'K-4;2018-01-10;AUTONOMA;HOT;Hot mot personal\tvid\r\nentrén',
        '',
      ].join('\n'),
    );
    const fore = (await importerade()).length;
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'k.csv')], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain('rad 2: beskrivning: texten innehåller ett kontrolltecken (U+0000)');
    expect(r.ut).toContain('rad 3: beskrivning: texten innehåller ett kontrolltecken (U+001B)');
    expect(r.ut).toContain('rad 4: id: texten innehåller ett kontrolltecken (U+0007)');
    expect(r.ut).toContain('Importerade:   1');
    expect(r.fel).not.toMatch(/insert|select/i);
    expect(await importerade()).toHaveLength(fore + 1);
  });

  it('refuses a file that is not UTF-8 whole, writing nothing (exit 2)', async () => {
    const fil = join(dir, 'latin1.csv');
    await writeFile(
      fil,
      Buffer.from(
        'id;datum;miljo;typ;beskrivning\nL-1;2018-01-10;AUTONOMA;HOT;Hot mot personal\nL-2;2018-01-10;AUTONOMA;HOT;Hot på gården\n',
        'latin1',
      ),
    );
    const fore = (await importerade()).length;
    const r = await korImportITest(kommando(), [fil], dir);
    expect(r.kod).toBe(2);
    expect(r.fel).toContain('är inte sparad som UTF-8: rad 3 har byten 0xE5');
    expect(await importerade()).toHaveLength(fore);
    expect((await importerade()).some((i) => i.beskrivning.includes('\uFFFD'))).toBe(false);
  });

  it('says a broken quote in Swedish with its line, and keeps no English', async () => {
    const fil = join(dir, 'citat.csv');
    await writeFile(
      fil,
      'id;datum;miljo;typ;beskrivning\nC-1;2018-01-10;AUTONOMA;HOT;"Hot mot personal\nC-2;2018-01-10;AUTONOMA;HOT;Hot\n',
    );
    const r = await korImportITest(kommando(), [fil], dir);
    expect(r.kod).toBe(2);
    expect(r.fel).toMatch(/vid rad \d+: ett citattecken \("\) öppnar ett fält men stängs aldrig/);
    expect(r.fel).not.toMatch(/Quote|Invalid|line/);
  });

  it('writes the rejected rows so that a spreadsheet runs no formula from them (OWASP CSV injection)', async () => {
    const fil = join(dir, 'formel.csv');
    const rapport = join(dir, 'formel.avvisade.csv');
    await writeFile(
      fil,
      'id;datum;miljo;typ;beskrivning\n=1+1;2018-01-10;AUTONOMA;FINNS_INTE;"=HYPERLINK(""http://example.invalid"",""Klicka"")"\n',
    );
    const r = await korImportITest(kommando(), [fil, '--avvisade', rapport], dir);
    expect(r.kod).toBe(1);
    const rad = (await readFile(rapport, 'utf8')).split('\r\n')[1];
    expect(rad).toBe(
      `2;typ: okänd incidenttyp;'=1+1;2018-01-10;AUTONOMA;FINNS_INTE;"'=HYPERLINK(""http://example.invalid"",""Klicka"")"`,
    );
  });

  it('pnpm run import passes the exit codes 1, 2 and 3 on as they are, without pnpm lines (issue 15, item 11)', async () => {
    const egen = await createTestDatabase('forvaltning-rot');
    try {
      const rot = join(PAKET, '../..');
      const kor = (...args: string[]) =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'scripts/import.ts', 'forvaltning', ...args],
          {
            cwd: rot,
            env: { ...process.env, FORVALTNING_DATABASE_URL: egen.file },
            encoding: 'utf8',
          },
        );
      const fel = join(dir, 'rot-fel.csv');
      await writeFile(fel, 'id;datum;miljo;typ;text\nX;2018-01-01;AUTONOMA;HOT;något\n');
      const delvis = join(dir, 'rot-delvis.csv');
      await writeFile(
        delvis,
        'id;datum;miljo;typ;beskrivning\nR-1;2018-01-10;AUTONOMA;HOT;Hot mot personal\nR-2;2018-01-10;AUTONOMA;FINNS_INTE;Hot mot personal\n',
      );
      const fil = kor(fel);
      expect(fil.status).toBe(2);
      expect(fil.stderr).toContain('Fel rubrikrad');
      const anvandning = kor(delvis, '--omrade', 'ingenstans');
      expect(anvandning.status).toBe(3);
      expect(anvandning.stderr).toContain('Okänt område');
      const avvisade = kor(delvis, '--avvisade', join(dir, 'rot.avvisade.csv'));
      expect(avvisade.status).toBe(1);
      expect(avvisade.stdout).toContain('Importerade:   1');
      for (const r of [fil, anvandning, avvisade]) {
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/ELIFECYCLE|ERR_PNPM/);
      }
    } finally {
      await egen.remove();
    }
  }, 120_000);
});

describe('CSV import of incidents: clearance to write (issue 15, item 11)', () => {
  it('refuses a row classified above the writer’s clearance when a token names the writer', async () => {
    const fil = join(dir, 'klassning.csv');
    await writeFile(
      fil,
      'id;datum;miljo;typ;beskrivning;klassning\n' +
        'K-1;2018-01-02;AUTONOMA;HOT;Hot mot en tjänsteman (EXEMPEL);Skyddad\n' +
        'K-2;2018-01-03;AUTONOMA;HOT;Hot mot en tjänsteman (EXEMPEL);Begränsad\n',
    );
    const fore = await importerade();
    const { orm } = await createOrm({
      databaseUrl: db.file,
      entities: forvaltning.entities,
      migrations: forvaltning.migrations,
      quiet: true,
    });
    try {
      const r = await korImport(orm.em.fork(), incidentImporter, await oppnaCsv(fil), {
        kontext: { omradeId: 'norrmalm', avsandare: { roller: [Roll.SAMORDNARE], skolaId: null } },
        granskning: { skrivare: importkommandoSkrivare('test'), fil: 'klassning.csv' },
      });
      expect(r.importerade).toBe(1);
      expect(r.avvisade.map((a) => [a.rad, a.skal])).toEqual([
        [
          2,
          [
            'klassning: Klassningen Skyddad är en högre klassning än din behörighet (Begränsad); välj en klassning du själv får läsa.',
          ],
        ],
      ]);
    } finally {
      await orm.close();
    }
    const efter = await importerade();
    expect(efter).toHaveLength(fore.length + 1);
    expect(efter.some((i) => i.klassning === 'SKYDDAD' && i.beskrivning.includes('EXEMPEL'))).toBe(
      false,
    );
  });
});
