import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miljo, parsePeriod } from '@lagesbild/domain';
import { createOrm, GranskningsloggPost, migrate } from '@lagesbild/subgraph-kit';
import { korImportITest } from '@lagesbild/subgraph-kit/import';
import { createTestDatabase, type TestDatabase } from '@lagesbild/subgraph-kit/testing';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Enkat, EnkatStatus, Fraga, FragaTyp, Svar } from '../entities';
import { skolor } from '../server';
import { svarImporter } from './svar.csv';

const PAKET = fileURLToPath(new URL('../..', import.meta.url));
const ENKAT = 'exempel-enkat-2018';
let db: TestDatabase;
let dir: string;
const kommando = () => ({
  subgraf: skolor,
  config: { databaseUrl: db.file, seed: true },
  importer: svarImporter,
  skript: 'import:csv',
});

async function medOrm<T>(f: (em: EntityManager, orm: MikroORM) => Promise<T>): Promise<T> {
  const { orm } = await createOrm({
    databaseUrl: db.file,
    entities: skolor.entities,
    migrations: skolor.migrations,
    quiet: true,
  });
  try {
    return await f(orm.em.fork(), orm);
  } finally {
    await orm.close();
  }
}

/** What the audit log says each run wrote, oldest first. */
const loggat = () =>
  medOrm(async (em) =>
    (await em.find(GranskningsloggPost, {}, { orderBy: { id: 'asc' } })).map((p) =>
      p.vad.replace(/^Svarsuppsattning:\S+/, 'Svarsuppsattning:…'),
    ),
  );

/** The stored answers to the example survey: school, question number, value. */
const lagrade = () =>
  medOrm(async (em) => {
    const nr = new Map((await em.find(Fraga, { enkatId: ENKAT })).map((f) => [f.id, f.nr]));
    const svar = await em.find(Svar, { enkatId: ENKAT });
    return svar
      .map((s) => [s.skolaId.slice(-1), nr.get(s.fragaId), s.ja ?? s.alternativ, s.text].join(' '))
      .sort();
  });

beforeAll(async () => {
  db = await createTestDatabase('skolor-csv');
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-skolor-csv-'));
  // An open survey of each question type, as utbildningsförvaltningen would create it.
  await medOrm(async (em, orm) => {
    await migrate(orm);
    await skolor.seed?.(orm.em.fork());
    const enkat = new Enkat(ENKAT, 'norrmalm', parsePeriod('2018'), 'Exempelenkät (EXEMPEL)');
    const ja = new Fraga(`${ENKAT}-1`, ENKAT, 1, 'Tecken på vit makt-miljön?', FragaTyp.JA_NEJ);
    ja.miljo = Miljo.VIT_MAKT;
    const flerval = new Fraga(`${ENKAT}-2`, ENKAT, 2, 'Hur ofta?', FragaTyp.FLERVAL);
    flerval.alternativ = ['Aldrig', 'Ibland', 'Ofta'];
    const fritext = new Fraga(`${ENKAT}-3`, ENKAT, 3, 'Övriga iakttagelser?', FragaTyp.FRITEXT);
    await em.persistAndFlush([enkat, ja, flerval, fritext]);
  });
});
afterAll(async () => {
  await db.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('CSV import of survey answers', () => {
  it('imports whole answer sets and rejects the bad ones by line and reason', async () => {
    const r = await korImportITest(
      kommando(),
      ['data/enkatsvar-exempel.csv', '--avvisade', join(dir, 'a.csv')],
      PAKET,
    );
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      'Lästa rader:   10\n  Importerade:   5\n  Redan inlästa: 0\n  Avvisade:      5',
    );
    expect(r.ut).toContain(
      [
        '  rad 7: text: texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        '  rad 8: svaren från skolan "norrmalm-2016-respondent-3" på enkäten "exempel-enkat-2018" avvisas i sin helhet: rad 7 är felaktig',
        '  rad 9: Fråga 2: välj ett av frågans alternativ.',
        '  rad 10: Enkäten "Enkätundersökning till kommunala och fristående skolor i stadsdelsområdet" är stängd.',
        '  rad 11: svaren från skolan "norrmalm-2016-respondent-1" på enkäten "exempel-enkat-2018" ska stå i följd i filen; de började på rad 2',
      ].join('\n'),
    );
    expect(await lagrade()).toEqual([
      '1 1 true Klistermärken vid entrén (EXEMPELDATA för tester)',
      '1 2 Ibland ',
      '1 3  Inga fler iakttagelser (EXEMPELDATA för tester)',
      '2 1 false ',
      '2 2 Aldrig ',
    ]);
    // One entry per answer set written, naming its rows; none for the refused sets.
    expect(await loggat()).toEqual([
      'Svarsuppsattning:… ny, enkatsvar-exempel.csv rad 2–4 (3 rader)',
      'Svarsuppsattning:… ny, enkatsvar-exempel.csv rad 5–6 (2 rader)',
    ]);
  });

  it('adds nothing the second time', async () => {
    const r = await korImportITest(
      kommando(),
      ['data/enkatsvar-exempel.csv', '--avvisade', join(dir, 'b.csv')],
      PAKET,
    );
    expect(r.ut).toContain('Importerade:   0\n  Redan inlästa: 5\n  Avvisade:      5');
    expect(await lagrade()).toHaveLength(5);
    expect(await loggat()).toHaveLength(2);
  });

  it('a new set replaces the earlier one while the survey is open, never after it closes', async () => {
    const fil = join(dir, 'ny.csv');
    await writeFile(fil, `skola,enkat,fraga,svar\nnorrmalm-2016-respondent-2,${ENKAT},2,Ofta\n`);
    const r = await korImportITest(kommando(), [fil], dir);
    expect(r.kod).toBe(0);
    expect(r.ut).toContain('Importerade:   1 (varav 1 ändrade befintliga)');
    expect((await lagrade()).filter((s) => s.startsWith('2 '))).toEqual(['2 2 Ofta ']);
    expect((await loggat()).at(-1)).toBe('Svarsuppsattning:… uppdaterad, ny.csv rad 2');

    await medOrm(async (em) => {
      const enkat = await em.findOneOrFail(Enkat, { id: ENKAT });
      enkat.status = EnkatStatus.STANGD;
      await em.flush();
    });
    await writeFile(fil, `skola,enkat,fraga,svar\nnorrmalm-2016-respondent-2,${ENKAT},2,Aldrig\n`);
    const stangd = await korImportITest(kommando(), [fil], dir);
    expect(stangd.kod).toBe(1);
    expect(stangd.ut).toContain('rad 2: Enkäten "Exempelenkät (EXEMPEL)" är stängd.');
    expect((await lagrade()).filter((s) => s.startsWith('2 '))).toEqual(['2 2 Ofta ']);
    expect(await loggat()).toHaveLength(3);
  });
});

describe('CSV import of survey answers: an unknown school (issue 15, item 11)', () => {
  it('says the school is unknown, even for a closed survey', async () => {
    const fil = join(dir, 'okand-skola.csv');
    await writeFile(
      fil,
      `skola,enkat,fraga,svar\nfinns-inte,${ENKAT},1,ja\nfinns-inte,norrmalm-2016-enkat-skolor,1,ja\n`,
    );
    const fore = { svar: await lagrade(), logg: await loggat() };
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'o.csv')], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      [
        '  rad 2: Det finns ingen skola med id "finns-inte".',
        '  rad 3: Det finns ingen skola med id "finns-inte".',
      ].join('\n'),
    );
    expect(r.ut).not.toContain('stängd');
    expect({ svar: await lagrade(), logg: await loggat() }).toEqual(fore);
  });
});
