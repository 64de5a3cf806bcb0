import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrm, GranskningsloggPost } from '@lagesbild/subgraph-kit';
import { korImportITest } from '@lagesbild/subgraph-kit/import';
import { createTestDatabase, type TestDatabase } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Klotteranmalan } from '../entities';
import { klotter } from '../server';
import { beraknaSla } from '../sla';
import { klotterImporter } from './klotter.csv';

const PAKET = fileURLToPath(new URL('../..', import.meta.url));
let db: TestDatabase;
let dir: string;
const kommando = () => ({
  subgraf: klotter,
  config: { databaseUrl: db.file, seed: true },
  importer: klotterImporter,
  skript: 'import:csv',
});

async function importerade(): Promise<Klotteranmalan[]> {
  const { orm } = await createOrm({
    databaseUrl: db.file,
    entities: klotter.entities,
    migrations: klotter.migrations,
  });
  try {
    return await orm.em
      .fork()
      .find(
        Klotteranmalan,
        { rapportorensId: { $like: '%-EX-%' } },
        { orderBy: { rapportorensId: 'asc' } },
      );
  } finally {
    await orm.close();
  }
}

async function loggat(): Promise<string[]> {
  const { orm } = await createOrm({
    databaseUrl: db.file,
    entities: klotter.entities,
    migrations: klotter.migrations,
  });
  try {
    const poster = await orm.em.fork().find(GranskningsloggPost, {}, { orderBy: { id: 'asc' } });
    return poster.map((p) => `${p.operation}: ${p.vad}`);
  } finally {
    await orm.close();
  }
}

beforeAll(async () => {
  db = await createTestDatabase('klotter-csv');
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-klotter-csv-'));
});
afterAll(async () => {
  await db.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('CSV import of graffiti reports', () => {
  it('imports the good rows with their SLA, and rejects the bad ones by line and reason', async () => {
    const r = await korImportITest(
      kommando(),
      ['data/klotter-exempel.csv', '--avvisade', join(dir, 'a.csv')],
      PAKET,
    );
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      'Lästa rader:   8\n  Importerade:   3\n  Redan inlästa: 0\n  Avvisade:      5',
    );
    expect(r.ut).toContain(
      [
        '  rad 5: innehall: texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        '  rad 6: borttagen_tid: saneringen kan inte ligga före anmälan',
        '  rad 7: anmald_tid: tid anges enligt ISO 8601 med tidszon, t.ex. 2017-04-13T15:00:00+02:00',
        '  rad 8: SISAB har intygat noll anmälningar för 2016; en anmälan i den perioden motsäger det.',
        '  rad 9: rapportor: okänd rapportör',
      ].join('\n'),
    );
    const rows = await importerade();
    expect(
      rows.map((a) => [
        a.rapportorensId,
        a.period,
        a.status,
        a.slaSanering,
        a.saneringMinuter,
        a.slaPaPlats,
        a.paPlatsArbetsminuter,
        a.polisanmald,
      ]),
    ).toEqual([
      ['M-EX-1', '2018-03-09', 'SANERAD', 'EJ_UPPFYLLT', 3990, 'EJ_UPPFYLLT', 210, true],
      ['S-EX-1', '2018-04-01', 'ANMALD', 'OKANT', null, 'OKANT', null, null],
      ['T-EX-1', '2018-03-05', 'SANERAD', 'UPPFYLLT', 410, 'UPPFYLLT', 90, false],
    ]);
    // Computed the way the subgraph computes it on every write.
    for (const a of rows) expect(a).toMatchObject(beraknaSla(a));
    expect(rows[2]).toMatchObject({
      anmaldTid: '2018-03-05T07:10:00.000Z',
      kategori: 'RASISTISKT',
      miljo: 'VIT_MAKT',
      platsId: 'exempelgatan-1',
    });
  });

  it('adds nothing the second time; a re-sent report with a later time only gets that time', async () => {
    const igen = await korImportITest(
      kommando(),
      ['data/klotter-exempel.csv', '--avvisade', join(dir, 'b.csv')],
      PAKET,
    );
    expect(igen.ut).toContain('Importerade:   0\n  Redan inlästa: 3\n  Avvisade:      5');
    expect(await loggat()).toHaveLength(3);
    const fil = join(dir, 'senare.csv');
    await writeFile(
      fil,
      'rapportor,rapportorens_id,kategori,innehall,anmald_tid,borttagen_tid\n' +
        'SISAB,S-EX-1,ODEFINIERAT,Annat innehåll,2018-04-01T12:00:00+02:00,2018-04-01T18:00:00+02:00\n',
    );
    const r = await korImportITest(kommando(), [fil], dir);
    expect(r.kod).toBe(0);
    expect(r.ut).toContain('Importerade:   1 (varav 1 ändrade befintliga)\n  Redan inlästa: 0');
    const rows = await importerade();
    expect(rows).toHaveLength(3);
    // The changed report is logged by its stored id, as a mutation's write would be.
    expect((await loggat()).at(-1)).toBe(
      `import:kommando csv klotter: Klotteranmalan:${rows[1]!.id} uppdaterad, senare.csv rad 2`,
    );
    expect(rows[1]).toMatchObject({
      kategori: 'ODEFINIERAT',
      status: 'SANERAD',
      slaSanering: 'UPPFYLLT',
      saneringMinuter: 360,
    });
  });
});

describe('CSV import of graffiti reports, after the sample', () => {
  it('never imports a period that has not begun (issue 15, item 4)', async () => {
    const fil = join(dir, 'framtid.csv');
    await writeFile(
      fil,
      'Rapportör;Rapportörens id;Kategori;Innehåll;Period\nTrafikkontoret;T-EX-F1;Rasistiskt;Symbol (EXEMPELDATA);2031\n',
    );
    const fore = (await importerade()).length;
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'f.csv')], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      'rad 2: period: Perioden 2031 har inte börjat; det går inte att rapportera för den ännu.',
    );
    expect(await importerade()).toHaveLength(fore);
  });
});

describe('CSV import of graffiti reports: areas and contradicting re-sends (issue 15, items 3 and 11)', () => {
  it('refuses an unknown --omrade before the file is read, with exit code 3', async () => {
    const fore = { rader: (await importerade()).length, logg: (await loggat()).length };
    const fel =
      'Okänt område "finns-inte". Kända områden: bromma, enskede-arsta-vantor, farsta, ' +
      'hagersten-alvsjo, hasselby-vallingby, kungsholmen, norrmalm, ostermalm, rinkeby-kista, ' +
      'skarholmen, skarpnack, sodermalm, spanga-tensta.';
    const r = await korImportITest(
      kommando(),
      ['data/klotter-exempel.csv', '--omrade', 'finns-inte', '--avvisade', join(dir, 'o.csv')],
      PAKET,
    );
    expect(r.kod).toBe(3);
    expect(r.fel.split('\n')[0]).toBe(fel);
    // Not even opened: a file that does not exist gets the same answer, not "cannot read".
    const saknas = await korImportITest(
      kommando(),
      [join(dir, 'finns-inte.csv'), '--omrade=finns-inte'],
      dir,
    );
    expect(saknas.kod).toBe(3);
    expect(saknas.fel).toContain(fel);
    expect(saknas.fel).not.toContain('Kunde inte läsa');
    expect({ rader: (await importerade()).length, logg: (await loggat()).length }).toEqual(fore);
  });

  it('rejects a re-sent report with another category or area as a conflict; nothing changes', async () => {
    const fil = join(dir, 'konflikt.csv');
    await writeFile(
      fil,
      'rapportor,rapportorens_id,kategori,innehall,anmald_tid\n' +
        'SISAB,S-EX-1,RASISTISKT,Tecken,2018-04-01T12:00:00+02:00\n',
    );
    const fore = { rader: await importerade(), logg: (await loggat()).length };
    const r = await korImportITest(kommando(), [fil, '--avvisade', join(dir, 'k.csv')], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      '  rad 2: Anmälan "S-EX-1" från SISAB finns redan och säger något annat: kategorin är ODEFINIERAT, inte RASISTISKT. Skickas en anmälan igen får bara tiderna ändras.',
    );
    await writeFile(
      join(dir, 'omrade.csv'),
      'rapportor,rapportorens_id,kategori,innehall,anmald_tid\n' +
        'SISAB,S-EX-1,ODEFINIERAT,Tecken,2018-04-01T12:00:00+02:00\n',
    );
    const omrade = await korImportITest(
      kommando(),
      [join(dir, 'omrade.csv'), '--omrade', 'kungsholmen', '--avvisade', join(dir, 'k2.csv')],
      dir,
    );
    expect(omrade.kod).toBe(1);
    expect(omrade.ut).toContain(
      '  rad 2: Anmälan "S-EX-1" från SISAB finns redan och säger något annat: området är norrmalm, inte kungsholmen. Skickas en anmälan igen får bara tiderna ändras.',
    );
    expect({ rader: await importerade(), logg: (await loggat()).length }).toEqual(fore);
  });
});
