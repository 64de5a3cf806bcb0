import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOrm } from '@lagesbild/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Incident } from '../subgraphs/forvaltning/src/entities';
import { forvaltning } from '../subgraphs/forvaltning/src/server';
import { ROOT, type RunningSystem, startSystem } from './support/system';

const RADER = 20_000;
const SKRIVNINGAR = 20;

/**
 * Issue 15, item 8: a bulk import into a subgraph's database while the service writes to
 * it. On SQLite the import commits per batch in WAL mode, and every write transaction
 * takes the write lock when it begins and waits its turn (busy timeout) instead of failing
 * with "database is locked"; on PostgreSQL the same test shows the same.
 */
describe('writes during a bulk import', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.interrupt());

  it(`${SKRIVNINGAR} concurrent mutations all succeed during a ${RADER}-row import, which completes`, async () => {
    const fil = join(system.dataDir, 'samtidigt.csv');
    const rader = ['id;datum;miljo;typ;beskrivning'];
    for (let i = 1; i <= RADER; i += 1) {
      const d = new Date(Date.UTC(2017, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
      rader.push(`S-${i};${d};OSPECIFICERAD;OVRIGT;Genererad testrad nummer ${i}`);
    }
    await writeFile(fil, `${rader.join('\n')}\n`);
    const databaseUrl = system.databaseUrls.forvaltning as string;
    const importen: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/import/cli.ts', fil, '--batch', '500'],
      {
        cwd: join(ROOT, 'subgraphs/forvaltning'),
        env: { ...process.env, FORVALTNING_DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let ut = '';
    let fel = '';
    importen.stdout?.on('data', (d: Buffer) => {
      ut += d.toString();
    });
    importen.stderr?.on('data', (d: Buffer) => {
      fel += d.toString();
    });
    const slut = once(importen, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // Wait until the import is writing: its first batches are in.
    const { orm } = await createOrm({
      databaseUrl,
      entities: forvaltning.entities,
      migrations: forvaltning.migrations,
      quiet: true,
    });
    const importerade = () => orm.em.fork().count(Incident, { id: { $like: 'incident-%' } });
    try {
      const till = Date.now() + 60_000;
      while ((await importerade()) === 0) {
        if (importen.exitCode !== null) throw new Error(`the import ended early:\n${ut}${fel}`);
        if (Date.now() > till) throw new Error(`the import wrote nothing in 60 s:\n${fel}`);
        await new Promise((r) => setTimeout(r, 50));
      }

      const svar = await Promise.all(
        Array.from({ length: SKRIVNINGAR }, (_, i) =>
          system.gql(
            `mutation ($beskrivning: String!) { registreraIncident(input: {
              omradeId: "norrmalm", datum: "2018-03-14", miljo: VIT_MAKT, typ: PROPAGANDA,
              beskrivning: $beskrivning }) { id } }`,
            { beskrivning: `Klistermärken på en skylt, skrivning ${i + 1} under importen.` },
            { 'x-lagesbild-roller': 'SAMORDNARE' },
          ),
        ),
      );
      const underImporten = (await importerade()) < RADER;
      for (const s of svar) {
        expect(s.body.errors).toBeUndefined();
        expect(s.status).toBe(200);
      }
      // The writes overlapped the import, or the test proves nothing.
      expect(underImporten).toBe(true);

      const [kod] = await slut;
      expect(fel).not.toMatch(/locked|SQLITE_BUSY|avbröts/);
      expect(kod).toBe(0);
      expect(ut).toContain(`Lästa rader:   ${RADER}\n  Importerade:   ${RADER}\n`);
      expect(await importerade()).toBe(RADER);
      const skrivna = await orm.em.fork().count(Incident, {
        beskrivning: { $like: 'Klistermärken på en skylt, skrivning % under importen.' },
      });
      expect(skrivna).toBe(SKRIVNINGAR);
    } finally {
      if (importen.exitCode === null) importen.kill('SIGKILL');
      await orm.close();
    }
  }, 240_000);
});
