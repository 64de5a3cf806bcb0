import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  hamtaLagesbild,
  hotspots,
  rapportDokument,
  renderHtml,
  renderMarkdown,
} from '@lagesbild/rapport';
import { withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type RunningSystem, startSystem } from './support/system';

/** The council meeting's report, and the places that appear in several partners' data. */
describe('the report for a council meeting', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('follows the structure of the source document’s "Lokal lägesbild", then the action plan', async () => {
    const { lagesbild, saknadeKallor, fel } = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    expect(fel).toEqual([]);
    expect(saknadeKallor).toEqual([]);
    const md = renderMarkdown(rapportDokument(lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }));
    const order = [
      '# Lägesbild Norrmalm 2016',
      '## Källor för perioden',
      '### Lägesbild från polisens underrättelseenhet',
      '### Lägesbild från förvaltningens verksamheter',
      '### Lägesbild från skolor inom stadsdelsområdet',
      '### Incidentrapportering och klotter',
      '### Det offentliga rummet',
      '### Antidemokratiska grupperingar/miljöer',
      '## Sammanställning per miljö',
      '## Platser i flera källor',
      '## Jämfört med föregående period (2015)',
      '## Handlingsplan',
    ];
    const positions = order.map((heading) => md.indexOf(`${heading}\n`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The seed's facts, as the council reads them.
    expect(md).toContain('| Vit makt-miljön | Ett fåtal | 3 | 0 | 1 | fåtal av 6 | 2 |');
    expect(md).toContain('Vuxenenhetens mottagningstelefon: 1 kontakt (Våldsbejakande islamism).');
    expect(md).toContain('Incidentrapportering (IA, tidigare RISK): 3 incidenter.');
    expect(md).toContain('SISAB: Rapporterat noll (0).');
    expect(md).toContain(
      '| Trafikkontoret | Rasistiskt | Vit makt-miljön | Hakkors | Karlbergsvägen |',
    );
    expect(md).toContain('| 11 | Upprätthålla förvaltningsövergripande krisberedskap |');
    // Nothing suppressed leaks: the school count reaches an uncleared reader as "fåtal".
    expect(md).not.toMatch(/Vit makt-miljön: 1 av 6/);
  });

  it('finds a place that two partners recorded in the same period', async () => {
    const before = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    expect(hotspots(before.lagesbild!)).toEqual([]);
    // Graffiti reported at Sergels torg in 2016, where the police recorded the January attack.
    const { body } = await system.gql(
      `mutation ($input: RegistreraKlotteranmalanInput!) { registreraKlotteranmalan(input: $input) { id } }`,
      {
        input: {
          rapportor: 'TRAFIKKONTORET',
          rapportorensId: 'TK-2016-E2E-1',
          omradeId: 'norrmalm',
          kategori: 'RASISTISKT',
          miljo: 'VIT_MAKT',
          innehall: 'Hakkors på trappan',
          plats: 'Sergels torg',
          anmaldTid: '2016-03-14T09:30:00+01:00',
        },
      },
      { 'x-lagesbild-roller': 'TRAFIKKONTORET' },
    );
    expect(body.errors).toBeUndefined();
    const after = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    expect(hotspots(after.lagesbild!)).toEqual([
      {
        platsId: 'sergels-torg',
        namn: 'Sergels torg',
        uppgifter: [
          {
            partner: 'polis',
            partnerNamn: 'Polisen',
            vad: ['Koordinerad våldsam attack vid Centralstationen och Sergels torg (våld)'],
          },
          {
            partner: 'klotter',
            partnerNamn: 'Klotter (trafikkontoret, SISAB, MTR)',
            vad: ['Klotter: Hakkors på trappan'],
          },
        ],
      },
    ]);
    const html = renderHtml(
      rapportDokument(after.lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }),
    );
    expect(html).toContain('<h2>Platser i flera källor</h2>');
    expect(html).toContain('<td>Sergels torg</td><td>Polisen</td>');
  });

  it('writes Markdown, printable HTML and a PDF from the command', async () => {
    const run = promisify(execFile);
    const out = join(system.dataDir, 'rapport');
    const args = ['--import', 'tsx', 'packages/rapport/src/cli.ts', '--gateway', system.gatewayUrl];
    await run(
      process.execPath,
      [...args, '--omrade', 'norrmalm', '--period', '2016', '--ut', `${out}.md`],
      { cwd: ROOT },
    );
    expect(await readFile(`${out}.md`, 'utf8')).toMatch(/^# Lägesbild Norrmalm 2016\n/);
    await run(
      process.execPath,
      [
        ...args,
        '--omrade',
        'norrmalm',
        '--period',
        '2016',
        '--format',
        'html',
        '--ut',
        `${out}.html`,
      ],
      {
        cwd: ROOT,
      },
    );
    expect(await readFile(`${out}.html`, 'utf8')).toContain('<html lang="sv">');
    if (existsSync('/usr/bin/chromium')) {
      await run(
        process.execPath,
        [
          ...args,
          '--omrade',
          'norrmalm',
          '--period',
          '2016',
          '--format',
          'pdf',
          '--ut',
          `${out}.pdf`,
        ],
        {
          cwd: ROOT,
        },
      );
      const pdf = await readFile(`${out}.pdf`);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await stat(`${out}.pdf`)).size).toBeGreaterThan(10_000);
    }
    // A bad period is refused with the parser's words, and nothing is written.
    const bad = await run(
      process.execPath,
      [...args, '--omrade', 'norrmalm', '--period', '2016-H3'],
      { cwd: ROOT },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toContain('Ogiltig period "2016-H3"');
  });

  it('still gives the rest of the report when the police’s subgraph is down, and says so', async () => {
    await system.stopSubgraph('polis');
    const hamtad = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    expect(hamtad.saknadeKallor).toEqual(['polis']);
    expect(hamtad.lagesbild?.polis).toBeNull();
    expect(hamtad.lagesbild?.forvaltning?.incidenterAntal?.antal).toBe(3);
    const md = renderMarkdown(
      rapportDokument(hamtad.lagesbild!, {
        framtagen: '2026-11-26T12:00:00Z',
        saknadeKallor: hamtad.saknadeKallor,
      }),
    );
    expect(md).toContain('| Polisen | Ej tillgänglig just nu |');
    expect(md).toContain(
      '### Lägesbild från polisens underrättelseenhet\n\nEj tillgänglig just nu',
    );
    expect(md).toContain('Incidentrapportering (IA, tidigare RISK): 3 incidenter.');
  });
});
