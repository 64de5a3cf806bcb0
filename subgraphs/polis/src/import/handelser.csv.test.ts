import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrm, importkommandoSkrivare } from '@lagesbild/subgraph-kit';
import { korImportITest } from '@lagesbild/subgraph-kit/import';
import { createTestDatabase, type TestDatabase } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Handelse, HandelsePlats } from '../entities';
import { polis } from '../server';
import { handelseImporter } from './handelser.csv';
import { importHandelser, lasFlode } from './handelser.import';

const PAKET = fileURLToPath(new URL('../..', import.meta.url));
let db: TestDatabase;
let dir: string;
const kommando = () => ({
  subgraf: polis,
  config: { databaseUrl: db.file, seed: true },
  importer: handelseImporter,
  skript: 'import:csv',
});

async function medOrm<T>(f: (em: import('@mikro-orm/core').EntityManager) => Promise<T>) {
  const { orm } = await createOrm({
    databaseUrl: db.file,
    entities: polis.entities,
    migrations: polis.migrations,
  });
  try {
    return await f(orm.em.fork());
  } finally {
    await orm.close();
  }
}
const importerade = () =>
  medOrm((em) =>
    em.find(Handelse, { kallaId: { $like: 'polisen:EX-%' } }, { orderBy: { kallaId: 'asc' } }),
  );

beforeAll(async () => {
  db = await createTestDatabase('polis-csv');
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-polis-csv-'));
});
afterAll(async () => {
  await db.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('CSV import of events', () => {
  it('imports the good rows of the sample and rejects the bad ones by line and reason', async () => {
    const rapport = join(dir, 'avvisade.csv');
    const r = await korImportITest(
      kommando(),
      ['data/handelser-exempel.csv', '--avvisade', rapport],
      PAKET,
    );
    expect(r.kod).toBe(1);
    expect(r.ut).toContain(
      'Lästa rader:   8\n  Importerade:   3\n  Redan inlästa: 0\n  Avvisade:      5',
    );
    expect(r.ut).toContain(
      [
        '  rad 5: beskrivning: texten ser ut att innehålla ett personnummer; systemet lagrar inga uppgifter om privatpersoner',
        '  rad 6: typ: okänd händelsetyp',
        '  rad 7: vald: anges som sant eller falskt',
        '  rad 8: gruppering_id: grupperingen "finns-inte" finns inte',
        '  rad 9: datum: ange datum eller period',
      ].join('\n'),
    );
    const rows = await importerade();
    expect(
      rows.map((h) => [h.kallaId, h.datum, h.period, h.typ, h.miljo, h.vald, h.grupperingId]),
    ).toEqual([
      [
        'polisen:EX-H1',
        '2018-05-01',
        '2018-05-01',
        'DEMONSTRATION',
        'VIT_MAKT',
        false,
        'norrmalm-gruppering-nmr',
      ],
      ['polisen:EX-H2', null, '2018-H1', 'ORO', 'OSPECIFICERAD', null, null],
      ['polisen:EX-H3', '2018-05-12', '2018-05-12', 'ATTACK', 'AUTONOMA', true, null],
    ]);
    const platser = await medOrm((em) => em.find(HandelsePlats, { handelseId: rows[0]!.id }));
    expect(platser.map((p) => p.platsId).sort()).toEqual(['plattan', 'sergels-torg']);
    expect((await readFile(rapport, 'utf8')).split('\r\n')[0]).toBe(
      '\uFEFFrad,skal,id,datum,period,typ,rubrik,beskrivning,platser,platsbeskrivning,miljö,våld,gruppering_id',
    );
  });

  it('adds nothing the second time, and an event already in from the JSON feed is present', async () => {
    await medOrm((em) =>
      importHandelser(
        em,
        [
          {
            id: 'EX-H9',
            datetime: '2018-05-20 12:00:00 +02:00',
            name: 'Misshandel (EXEMPEL)',
            summary: 'EXEMPELDATA för tester.',
            type: 'Misshandel',
          },
        ],
        {
          omradeId: 'norrmalm',
          skrivare: importkommandoSkrivare('import:kommando handelser polis'),
        },
      ),
    );
    const fil = join(dir, 'igen.csv');
    const prov = await readFile(join(PAKET, 'data/handelser-exempel.csv'), 'utf8');
    await writeFile(
      fil,
      `${prov}EX-H9,2018-05-20,,ATTACK,Misshandel (EXEMPEL),EXEMPELDATA för tester.,,,,,\n`,
    );
    const r = await korImportITest(kommando(), [fil], dir);
    expect(r.kod).toBe(1);
    expect(r.ut).toContain('Importerade:   0\n  Redan inlästa: 4\n  Avvisade:      5');
    expect(await importerade()).toHaveLength(4);
  });
});

describe('an unknown area (issue 15, item 3)', () => {
  it('is refused before the file is read, with exit code 3', async () => {
    const r = await korImportITest(
      kommando(),
      ['data/handelser-exempel.csv', '--omrade', 'finns-inte'],
      PAKET,
    );
    expect(r.kod).toBe(3);
    expect(r.fel).toContain('Okänt område "finns-inte". Kända områden: bromma, ');
    expect(r.ut).toBe('');
  });
});

describe('no future period or date (issue 15, item 4)', () => {
  it('CSV: a period that has not begun, or a future day, is rejected; nothing written', async () => {
    const fil = join(dir, 'framtid.csv');
    await writeFile(
      fil,
      [
        'id,datum,period,typ,rubrik,beskrivning,platser,platsbeskrivning,miljö,våld,gruppering_id',
        'EX-F1,,2031-H1,ORO,Oroligheter (EXEMPEL),EXEMPELDATA för tester.,,,OSPECIFICERAD,,',
        'EX-F2,,2030,ORO,Oroligheter (EXEMPEL),EXEMPELDATA för tester.,,,OSPECIFICERAD,,',
        'EX-F3,2099-01-01,,ORO,Oroligheter (EXEMPEL),EXEMPELDATA för tester.,,,OSPECIFICERAD,,',
        '',
      ].join('\n'),
    );
    const fore = (await importerade()).length;
    const r = await korImportITest(kommando(), [fil], dir);
    expect(r.ut).toContain('Importerade:   0');
    expect(r.ut).toContain(
      '  rad 2: period: Perioden 2031-H1 har inte börjat; det går inte att rapportera för den ännu.',
    );
    expect(r.ut).toContain(
      '  rad 3: period: Perioden 2030 har inte börjat; det går inte att rapportera för den ännu.',
    );
    expect(r.ut).toContain('  rad 4: ');
    expect(await importerade()).toHaveLength(fore);
  });

  it('JSON feed: an item dated 2099 is skipped with the Swedish reason; nothing written', async () => {
    const fore = (await importerade()).length;
    const resultat = await medOrm((em) =>
      importHandelser(
        em,
        [
          {
            id: 'EX-F9',
            datetime: '2099-05-20 12:00:00 +02:00',
            name: 'Misshandel (EXEMPEL)',
            summary: 'EXEMPELDATA för tester.',
            type: 'Misshandel',
          },
        ],
        {
          omradeId: 'norrmalm',
          skrivare: importkommandoSkrivare('import:kommando handelser polis'),
        },
      ),
    );
    expect(resultat.importerade).toEqual([]);
    expect(resultat.overhoppade).toEqual([
      {
        id: 'EX-F9',
        skal: 'Perioden 2099-05-20 har inte börjat; det går inte att rapportera för den ännu.',
      },
    ]);
    expect(await importerade()).toHaveLength(fore);
  });

  it('the JSON feed import refuses a too long name, a control character and a file not in UTF-8 (issue 15, item 11)', async () => {
    const item = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
      id,
      datetime: '2018-05-21 12:00:00 +02:00',
      name,
      summary: 'EXEMPELDATA för tester.',
      type: 'Misshandel',
      ...extra,
    });
    const r = await medOrm((em) =>
      importHandelser(
        em,
        [
          item('EX-J1', `Misshandel ${'x'.repeat(1024 * 1024)}`),
          item('EX-J2', 'Misshandel\u0000 (EXEMPEL)'),
          item('EX-J3', 'Misshandel (EXEMPEL)', { location: { name: 'Torget\u001b[2J' } }),
          item('EX-J4', 'Misshandel (EXEMPEL)', { summary: 's'.repeat(4001) }),
          item('EX-J5', 'x'.repeat(300)),
        ],
        { omradeId: 'norrmalm', skrivare: importkommandoSkrivare('import:handelser polis') },
      ),
    );
    expect(r.overhoppade).toEqual([
      { id: 'EX-J1', skal: 'name: texten är för lång: 1048587 tecken, högst 300 är tillåtna' },
      {
        id: 'EX-J2',
        skal: 'name: texten innehåller ett kontrolltecken (U+0000), som inte får finnas i text',
      },
      {
        id: 'EX-J3',
        skal: 'location.name: texten innehåller ett kontrolltecken (U+001B), som inte får finnas i text',
      },
      { id: 'EX-J4', skal: 'summary: texten är för lång: 4001 tecken, högst 4000 är tillåtna' },
    ]);
    expect(r.importerade).toEqual(['EX-J5']);
    const lagrade = await medOrm((em) =>
      em.find(Handelse, { kallaId: { $like: 'polisen:EX-J%' } }),
    );
    expect(lagrade.map((h) => h.rubrik)).toEqual(['x'.repeat(300)]);

    expect(() =>
      lasFlode(Buffer.from('[{"id": 1, "name": "Misshandel på gården"}]', 'latin1')),
    ).toThrow(/är inte sparad som UTF-8: rad 1 har byten 0xE5/);
    expect(lasFlode(Buffer.from('[{"id": 1, "name": "Misshandel på gården"}]', 'utf8'))).toEqual([
      { id: 1, name: 'Misshandel på gården' },
    ]);
  });
});
