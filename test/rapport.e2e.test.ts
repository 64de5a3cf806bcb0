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
import { pdfText } from '../packages/rapport/src/pdf';
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
    // The seed's facts, as the council reads them. The field observation "vid något
    // tillfälle" has no count: unknown, never 1.
    expect(md).toContain('| Vit makt-miljön | Ett fåtal | 3 | 0 | okänt antal | 1 av 6 | 2 |');
    expect(md).toContain('Vuxenenhetens mottagningstelefon: 1 kontakt (Våldsbejakande islamism).');
    expect(md).toContain('Incidentrapportering (IA, tidigare RISK): 3 incidenter.');
    expect(md).toContain('SISAB: 0 anmälningar (rapporterat noll).');
    expect(md).toContain('Klotter: 4 anmälningar om rasistiskt eller stötande klotter.');
    // The seed's graffiti reports have no times: no share, and the denominator said.
    expect(md).toContain(
      'Sanerat inom 24 timmar: kan inte anges, tid saknas för alla 4 anmälningar.',
    );
    expect(md).toContain('Polisen: 6 händelser under perioden.');
    expect(md).toContain('Vit makt-miljön: 1 av 6 svarande skolor har uppmärksammat tecken.');
    expect(md).toContain('6 skolor har besvarat enkäten');
    expect(md).toContain(
      '| Trafikkontoret | Rasistiskt | Vit makt-miljön | Hakkors | Karlbergsvägen |',
    );
    expect(md).toContain('| 11 | Upprätthålla förvaltningsövergripande krisberedskap |');
    // The council is cleared for the schools' live data: the number, as the action plan says it.
    expect(md).not.toContain('fåtal av 6');
    // One label per police level: the seed's unstated levels are assessments ("Okänt").
    expect(md).toContain('| Vit makt-miljön | 2016-H2 | Ett fåtal | Okänt | Okänt | Okänt |');
    // 2015 was not reported by förvaltning, the police or the schools: nothing to compare.
    expect(md).toContain('| Incidenter | 3 | Ej rapporterat | 2015: ej rapporterat |');
    expect(md).toContain('| Kontakter | 1 | Ej rapporterat | 2015: ej rapporterat |');
    expect(md).toContain('| Skolor som svarat | 6 | Ej rapporterat | 2015: ej rapporterat |');
    expect(md).not.toMatch(/\| Incidenter \| 3 \| 0 \|/);
    // The action plan's status text is förvaltning's, computed from the sub-steps.
    expect(md).not.toMatch(/\| \d\. (Pågår|Förslag)/);
  });

  it('shows 2016-H2 with the year’s reports labelled, not counted into the half-year', async () => {
    const { lagesbild, fel } = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016-H2',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    expect(fel).toEqual([]);
    const md = renderMarkdown(rapportDokument(lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }));
    expect(md).toContain('| Förvaltningen | Rapporterat för hela 2016 |');
    expect(md).toContain('| Polisen | Rapporterat |');
    expect(md).toContain('| Skolorna | Rapporterat för hela 2016 |');
    expect(md).toContain('| Klotter (trafikkontoret, SISAB, MTR) | Rapporterat för hela 2016 |');
    expect(md).toContain(
      'Incidentrapportering (IA, tidigare RISK): rapporterat för hela 2016 — 3 incidenter under hela 2016, inte inräknade i andra halvåret 2016.',
    );
    expect(md).toContain(
      'Vit makt-miljön: 1 av 6 svarande skolor har uppmärksammat tecken under hela 2016.',
    );
    expect(md).toContain(
      '| Vit makt-miljön | Ett fåtal | 3 (hela 2016) | 0 (hela 2016) | okänt antal (hela 2016) | 1 av 6 (hela 2016) | 2 (hela 2016) |',
    );
    expect(md).toContain(
      'Klotter: rapporterat för hela 2016 — 4 anmälningar om rasistiskt eller stötande klotter under hela 2016, inte inräknade i andra halvåret 2016.',
    );
    // The police's November events are H2's own; the year's demonstrations are labelled.
    expect(md).toContain('Polisen: 2 händelser under perioden.');
    // The year's count beside H2's own, labelled, never added: the November events, the
    // January attack and the three events dated only to the year.
    expect(md).toContain('Hela 2016: 6 händelser, inklusive andra halvåret 2016.');
    // Each partner says what this report lists of the year's records.
    expect(md).toContain('Incidenterna för hela 2016 listas nedan.');
    expect(md).toContain(
      'Klotteranmälningarna för hela 2016 listas inte här, bara antalen ovan; de listas i rapporten för 2016.',
    );
    expect(md).toContain(
      '3 händelser är daterade bara till hela 2016 och räknas inte in i andra halvåret 2016.',
    );
    expect(md).toContain('**Händelser, hela 2016**');
    // What the issue saw on H2: a row of zeros for partners that had reported for the year.
    expect(md).not.toContain('0 incidenter');
    expect(md).not.toContain('0 skolor');
    expect(md).not.toMatch(/\| Incidenter \| 0 \|/);
  });

  it('says that 2030 has not begun, and gives no partner a number', async () => {
    const { lagesbild, fel } = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2030',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    expect(fel).toEqual([]);
    const md = renderMarkdown(rapportDokument(lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }));
    expect(md).toContain(
      'Perioden har inte börjat: 2030 börjar 2030-01-01. Ingen partner kan ha rapporterat för den ännu.',
    );
    expect(md).toContain(
      '| Partner | Status |\n| --- | --- |\n| Förvaltningen | Ej rapporterat |\n| Polisen | Ej rapporterat |\n| Skolorna | Ej rapporterat |\n| Klotter (trafikkontoret, SISAB, MTR) | Ej rapporterat |',
    );
    expect(md).not.toMatch(/\b0 (incidenter|kontakter|skolor|händelser|anmälningar)\b/);
  });

  it('shows no H2 assessment for 2016-H1, and always says something about public space', async () => {
    const rapport = async (period: string) => {
      const { lagesbild, fel } = await hamtaLagesbild(
        system.gatewayUrl,
        'norrmalm',
        period,
        await withToken({ 'x-lagesbild-roller': 'RADET' }),
      );
      expect(fel).toEqual([]);
      return renderMarkdown(rapportDokument(lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }));
    };
    const avsnitt = (md: string, rubrik: string) => {
      const rest = md.slice(md.indexOf(`${rubrik}\n`) + rubrik.length + 1);
      return rest.slice(0, rest.search(/^#{2,3} /m));
    };
    // The police reported for H1 (the January attack) but assessed only H2: "Ej bedömd", as
    // the summary table and the dashboard say — never H2's levels labelled "hela 2016".
    const h1 = await rapport('2016-H1');
    const polis = avsnitt(h1, '### Lägesbild från polisens underrättelseenhet');
    expect(polis.trim()).toBe(
      'Polisen har inte publicerat någon bedömning för första halvåret 2016.\n\nPolisen har registrerat 1 händelse under första halvåret 2016; de redovisas under Det offentliga rummet.',
    );
    expect(h1).not.toContain('Polisens bedömning, hela 2016');
    expect(h1).not.toContain('| 2016-H2 |');
    expect(h1).toContain('| Vit makt-miljön | Ej bedömd |');
    const rumH1 = avsnitt(h1, '### Det offentliga rummet');
    expect(rumH1).toContain('Polisen: 1 händelse under perioden.');
    expect(rumH1).toContain('Hela 2016: 6 händelser, inklusive första halvåret 2016.');
    expect(rumH1).toContain('| 2016-01 | Attack | Koordinerad våldsam attack');
    // The third quarter: no event of its own; H2's count, labelled, and H2's assessment,
    // which H2 contains.
    const q3 = await rapport('2016-Q3');
    expect(avsnitt(q3, '### Det offentliga rummet').trim()).toBe(
      'Inga händelser registrerade för tredje kvartalet 2016.\n\nPolisen har rapporterat för hela andra halvåret 2016: 2 händelser under hela andra halvåret 2016, inte inräknade i tredje kvartalet 2016.',
    );
    expect(q3).toContain('**Polisens bedömning, hela andra halvåret 2016**');
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
        delar: [],
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

  it('gives each graffiti reporter in 2016-H1 the figures the dashboard gives', async () => {
    // After the report at Sergels torg (2016-03-14), Trafikkontoret reported for H1 itself;
    // SISAB's reported zero is dated to the year.
    const { lagesbild } = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016-H1',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    const md = renderMarkdown(rapportDokument(lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }));
    expect(md).toContain('Trafikkontoret: 1 anmälan (hela 2016: 5 anmälningar).');
    expect(md).toContain('SISAB: rapporterat för hela 2016 — 0 anmälningar under hela 2016.');
    expect(md).toContain('MTR: ej rapporterat.');
  });

  it('counts the park and its parts as one place', async () => {
    // Klotter's seed has reports at the park's playground and at its metro entrance; the
    // police now record an event in the park itself.
    const { body } = await system.gql(
      `mutation ($input: RegistreraHandelseInput!) { registreraHandelse(input: $input) { id } }`,
      {
        input: {
          omradeId: 'norrmalm',
          datum: '2016-06-12',
          typ: 'ORO',
          rubrik: 'Bråk i Observatorielunden',
          beskrivning: 'Bråk mellan två grupper i parken.',
          platser: ['Observatorielunden'],
          miljo: 'VIT_MAKT',
          vald: true,
        },
      },
      { 'x-lagesbild-roller': 'POLIS' },
    );
    expect(body.errors).toBeUndefined();
    const { lagesbild } = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016',
      await withToken({ 'x-lagesbild-roller': 'RADET' }),
    );
    const park = hotspots(lagesbild!).find((h) => h.namn === 'Observatorielunden');
    expect(park).toEqual({
      platsId: expect.any(String),
      namn: 'Observatorielunden',
      delar: ['Nedre Observatorielunden, tunnelbanenedgången', 'Observatorielundens parklek'],
      uppgifter: [
        { partner: 'polis', partnerNamn: 'Polisen', vad: ['Bråk i Observatorielunden (våld)'] },
        {
          partner: 'klotter',
          partnerNamn: 'Klotter (trafikkontoret, SISAB, MTR)',
          vad: expect.arrayContaining([
            expect.stringMatching(/^Klotter: .+ \(Observatorielundens parklek\)$/),
            expect.stringMatching(
              /^Klotter: .+ \(Nedre Observatorielunden, tunnelbanenedgången\)$/,
            ),
          ]),
        },
      ],
    });
    const md = renderMarkdown(rapportDokument(lagesbild!, { framtagen: '2026-11-26T12:00:00Z' }));
    expect(md).toContain(
      '| Observatorielunden (delar: Nedre Observatorielunden, tunnelbanenedgången; Observatorielundens parklek) | Polisen | Bråk i Observatorielunden (våld) |',
    );
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
      // Every page says which it is, of how many.
      const sidor = await pdfText(`${out}.pdf`);
      expect(sidor.length).toBeGreaterThan(1);
      sidor.forEach((sida, i) => {
        expect(sida).toContain(`Sida ${i + 1} av ${sidor.length}`);
      });
      expect(sidor[0]).toContain('Lägesbild Norrmalm 2016');
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

  it('as a partner not cleared for the others: says where their figures are, names no source missing', async () => {
    const hamtad = await hamtaLagesbild(
      system.gatewayUrl,
      'norrmalm',
      '2016',
      await withToken({ 'x-lagesbild-roller': 'POLIS' }),
    );
    expect(hamtad.saknadeKallor).toEqual([]);
    expect(hamtad.ejBehoriga).toEqual(['forvaltning', 'klotter', 'skolor']);
    expect(hamtad.lagesbild?.polis?.handelserAntal?.antal).toEqual(expect.any(Number));
    const md = renderMarkdown(
      rapportDokument(hamtad.lagesbild!, {
        framtagen: '2026-11-26T12:00:00Z',
        saknadeKallor: hamtad.saknadeKallor,
        ejBehoriga: hamtad.ejBehoriga,
      }),
    );
    expect(md).toContain('| Förvaltningen | Ej behörig – visas i den fastställda lägesbilden |');
    expect(md).toContain('| Polisen | Rapporterat |');
    expect(md).not.toContain('Ej tillgänglig just nu');
    expect(md).not.toContain('fåtal av');
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
