import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  PUBLICERING_RAPPORT,
  type Publicering,
  publiceringsDokument,
  renderMarkdown,
} from '@lagesbild/rapport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifieraExport } from '../packages/publicering/src/export';
import { pdfText } from '../packages/rapport/src/pdf';
import { ROOT, type RunningSystem, startSystem } from './support/system';

const run = promisify(execFile);

/**
 * The adopted lägesbild's meeting report and export from the running system: the seeded
 * 2016-H2 (version 1, adopted 2016-12-14) through the gateway, rendered by
 * publiceringsDokument, and `pnpm rapport --fastställd`/`--publicering` writing Markdown,
 * HTML, PDF, and the JSON and CSV export with the version's hash.
 */
describe('the report and the export of an adopted publication', () => {
  let system: RunningSystem;
  let seedad: Publicering;

  const cliMot = (gateway: string, args: string[]) =>
    run(
      process.execPath,
      ['--import', 'tsx', 'packages/rapport/src/cli.ts', '--gateway', gateway, ...args],
      { cwd: ROOT },
    );
  const cli = (args: string[]) => cliMot(system.gatewayUrl, args);

  beforeAll(async () => {
    system = await startSystem();
    const lista = await system.gql(
      `query { publiceringar(omrade: "norrmalm", period: "2016-H2") { id version status } }`,
      {},
      { 'x-lagesbild-roller': 'RADET' },
    );
    expect(lista.body.errors).toBeUndefined();
    const v1 = (
      (lista.body.data?.publiceringar ?? []) as { id: string; version: number; status: string }[]
    ).find((p) => p.version === 1);
    const { body } = await system.gql(
      PUBLICERING_RAPPORT,
      { id: v1?.id },
      { 'x-lagesbild-roller': 'SAMVERKANSPART' },
    );
    expect(body.errors).toBeUndefined();
    seedad = body.data?.publicering as Publicering;
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('names version 1, the meeting date and the hash', () => {
    expect(seedad).toMatchObject({
      omradeId: 'norrmalm',
      period: '2016-H2',
      version: 1,
      status: 'FASTSTALLD',
      faststalld: '2016-12-14',
    });
    expect(seedad.hash).toMatch(/^[0-9a-f]{64}$/);
    const md = renderMarkdown(
      publiceringsDokument(seedad, { omradeNamn: 'Norrmalm', framtagen: '2026-11-26T12:00:00Z' }),
    );
    expect(md).toMatch(/^# Fastställd lägesbild Norrmalm 2016-H2, version 1\n/);
    expect(md).toContain('Fastställd 2016-12-14 · version 1');
    expect(md).toContain(
      `Kontrollsumma (SHA-256) för den maskinläsbara exporten (JSON och CSV): ${seedad.hash}.`,
    );
    // Every partner's confirmation is stated.
    for (const b of seedad.bekraftelser) expect(md).toContain(`| ${b.partnerNamn} |`);
    // A collaborating actor reads the suppressed cells as their visning.
    expect(md).toContain('fåtal');
    expect(md).not.toContain('(utåt:');
  });

  it('writes the adopted version with pnpm rapport --fastställd, and an older one by --version', async () => {
    const ut = join(system.dataDir, 'faststalld');
    const md = await cli([
      '--fastställd',
      '--omrade',
      'norrmalm',
      '--period',
      '2016-H2',
      '--ut',
      `${ut}.md`,
    ]);
    expect(md.stderr).toContain('Rapporten är sparad i');
    const text = await readFile(`${ut}.md`, 'utf8');
    expect(text).toMatch(/^# Fastställd lägesbild Norrmalm 2016-H2, version 1\n/);
    expect(text).toContain('2016-12-14');
    expect(text).toContain(seedad.hash as string);
    // Printed by the council (the default role, cleared for every partner), the report still
    // reads as the published version: it is the one shared with the council's other actors.
    expect(text).not.toContain('(utåt:');
    expect(text).not.toContain('Arbetsexemplar');
    const arbetsexemplar = await cli([
      '--fastställd',
      '--omrade',
      'norrmalm',
      '--period',
      '2016-H2',
      '--arbetsexemplar',
    ]);
    expect(arbetsexemplar.stdout).toContain('Arbetsexemplar för behöriga – får inte spridas');
    expect(arbetsexemplar.stdout).toContain('(utåt: fåtal)');

    const html = await cli(['--publicering', seedad.id, '--format', 'html']);
    expect(html.stdout).toContain(
      '<title>Fastställd lägesbild Norrmalm 2016-H2, version 1</title>',
    );
    expect(html.stdout).toContain(seedad.hash as string);

    const v1 = await cli([
      '--fastställd',
      '--omrade',
      'norrmalm',
      '--period',
      '2016-H2',
      '--version',
      '1',
    ]);
    expect(v1.stdout).toMatch(/^# Fastställd lägesbild Norrmalm 2016-H2, version 1\n/);

    const saknas = await cli([
      '--fastställd',
      '--omrade',
      'norrmalm',
      '--period',
      '2016-H2',
      '--version',
      '7',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(saknas).toMatchObject({ code: 1 });
    expect((saknas as { stderr: string }).stderr).toContain(
      'Ingen version 7 av lägesbilden för norrmalm 2016-H2.',
    );
    const inget = await cli(['--fastställd', '--omrade', 'norrmalm', '--period', '2015']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(inget).toMatchObject({ code: 1 });
    expect((inget as { stderr: string }).stderr).toContain(
      'Ingen fastställd lägesbild för norrmalm 2015.',
    );

    if (existsSync('/usr/bin/chromium')) {
      await cli(['--publicering', seedad.id, '--format', 'pdf', '--ut', `${ut}.pdf`]);
      const sidor = await pdfText(`${ut}.pdf`);
      // pdftotext keeps the layout: a long heading may wrap.
      expect(sidor[0]?.replace(/\s+/g, ' ')).toContain(
        'Fastställd lägesbild Norrmalm 2016-H2, version 1',
      );
      expect(sidor.join('\n')).toContain('2016-12-14');
      sidor.forEach((sida, i) => {
        expect(sida).toContain(`Sida ${i + 1} av ${sidor.length}`);
      });
    }
  });

  it('writes the report into a folder given as --ut, named by area, period and version', async () => {
    const mapp = join(system.dataDir, 'rapporter');
    const md = await cli([
      '--fastställd',
      '--omrade',
      'norrmalm',
      '--period',
      '2016-H2',
      '--format',
      'md',
      '--ut',
      `${mapp}/`,
    ]);
    const fil = join(mapp, 'lagesbild-norrmalm-2016-H2-v1.md');
    expect(md.stderr).toContain(`Rapporten är sparad i ${fil}`);
    expect(await readFile(fil, 'utf8')).toMatch(
      /^# Fastställd lägesbild Norrmalm 2016-H2, version 1\n/,
    );
    // An existing folder, without the slash: the same.
    await cli(['--publicering', seedad.id, '--format', 'html', '--ut', mapp]);
    expect(await readFile(join(mapp, 'lagesbild-norrmalm-2016-H2-v1.html'), 'utf8')).toContain(
      '<title>Fastställd lägesbild Norrmalm 2016-H2, version 1</title>',
    );
  });

  it('takes the gateway as its base URL or its /graphql URL', async () => {
    for (const gateway of [
      `${system.gatewayUrl}/graphql`,
      `${system.gatewayUrl}/graphql/`,
      `${system.gatewayUrl}/`,
    ]) {
      const md = await cliMot(gateway, ['--publicering', seedad.id]);
      expect(md.stdout, gateway).toMatch(/^# Fastställd lägesbild Norrmalm 2016-H2, version 1\n/);
    }
  });

  it('writes the JSON export, carrying the same hash, and one CSV per table', async () => {
    const mapp = join(system.dataDir, 'export');
    const json = await cli([
      '--fastställd',
      '--omrade',
      'norrmalm',
      '--period',
      '2016-H2',
      '--format',
      'json',
      '--ut',
      mapp,
    ]);
    expect(json.stderr).toContain(`Kontrollsumma (SHA-256): ${seedad.hash}`);
    const fil = await readFile(join(mapp, 'lagesbild-norrmalm-2016-H2-v1.json'), 'utf8');
    // The file is the export as adopted: its hash is the sha256 of the rest of it.
    expect(verifieraExport(fil)).toBe(true);
    const innehall = JSON.parse(fil) as {
      hash: string;
      version: number;
      omradeId: string;
      period: string;
    };
    expect(innehall).toMatchObject({
      hash: seedad.hash,
      version: 1,
      omradeId: 'norrmalm',
      period: '2016-H2',
    });

    await cli(['--publicering', seedad.id, '--format', 'csv', '--ut', mapp]);
    const csv = (await readdir(mapp)).filter((f) => f.endsWith('.csv')).sort();
    expect(csv.length).toBeGreaterThanOrEqual(2);
    let medRader = 0;
    for (const fil of csv) {
      expect(fil).toMatch(/^lagesbild-norrmalm-2016-H2-v1-[a-z-]+\.csv$/);
      // Every row of a table carries the version's hash (a table may have no rows).
      const rader = (await readFile(join(mapp, fil), 'utf8')).trim().split(/\r?\n/).slice(1);
      for (const rad of rader) expect(rad).toContain(seedad.hash as string);
      if (rader.length) medRader++;
    }
    expect(medRader).toBeGreaterThan(0);
  });
});
