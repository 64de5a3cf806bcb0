import { describe, expect, it } from 'vitest';
import type { RapportDokument } from './dokument';
import { renderHtml, renderMarkdown } from './render';

/** A small document with the awkward cases a partner's text can bring. */
const dokument = (): RapportDokument => ({
  titel: 'Lägesbild Norrmalm 2016',
  undertitel: 'Framtagen 2026-11-26',
  avsnitt: [
    {
      rubrik: 'Förvaltning',
      niva: 2,
      stycken: ['3 incidenter.', 'Åtgärd "A & B" <pågår>.'],
      tabeller: [
        {
          rubrik: 'Incidenter, hela 2016',
          kolumner: ['Miljö', 'Antal | andel'],
          rader: [
            ['Tunnelbana', '3'],
            ['Park\nnorra delen', 'fåtal'],
          ],
        },
        { kolumner: ['Tom'], rader: [] },
      ],
      noter: ['Siffror märkta ”hela 2016” räknas inte in.'],
    },
    { rubrik: 'Polisen', niva: 3, stycken: [], tabeller: [] },
  ],
});

describe('the report as Markdown', () => {
  const md = renderMarkdown(dokument());

  it('has the title, the subtitle and each section at its level, in order', () => {
    const rubriker = md.split('\n').filter((l) => l.startsWith('#'));
    expect(rubriker).toEqual(['# Lägesbild Norrmalm 2016', '## Förvaltning', '### Polisen']);
    expect(md.split('\n')[2]).toBe('Framtagen 2026-11-26');
  });

  it('writes a table with its caption, and escapes what would break a row', () => {
    expect(md).toContain(
      [
        '**Incidenter, hela 2016**',
        '',
        '| Miljö | Antal \\| andel |',
        '| --- | --- |',
        '| Tunnelbana | 3 |',
        '| Park norra delen | fåtal |',
      ].join('\n'),
    );
  });

  it('leaves out a table without rows, keeps the notes after the tables, ends with one newline', () => {
    expect(md).not.toContain('| Tom |');
    expect(md.indexOf('Siffror märkta')).toBeGreaterThan(md.indexOf('| Park norra delen'));
    expect(md.endsWith('### Polisen\n')).toBe(true);
  });
});

describe('the report as HTML', () => {
  const html = renderHtml(dokument());

  it('is a Swedish page with the title and its own styles', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Lägesbild Norrmalm 2016</title>');
    expect(html).toContain(
      '<h1>Lägesbild Norrmalm 2016</h1><p class="undertitel">Framtagen 2026-11-26</p>',
    );
    expect(html).toContain('counter(page)');
  });

  it('escapes a partner’s text: no markup gets through', () => {
    expect(html).toContain('<p>Åtgärd &quot;A &amp; B&quot; &lt;pågår&gt;.</p>');
    expect(html).not.toContain('<pågår>');
    const farlig = dokument();
    farlig.titel = '<script>alert(1)</script>';
    (farlig.avsnitt[0]?.tabeller[0]?.rader[0] as string[])[0] = '<img src=x onerror=alert(1)>';
    const ut = renderHtml(farlig);
    expect(ut).not.toMatch(/<script>|<img/);
    expect(ut).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
  });

  it('gives a table its caption and column headers, and leaves out an empty one', () => {
    expect(html).toContain(
      '<table><caption>Incidenter, hela 2016</caption><thead><tr><th scope="col">Miljö</th><th scope="col">Antal | andel</th></tr></thead>',
    );
    expect(html).toContain('<tr><td>Tunnelbana</td><td>3</td></tr>');
    expect(html.match(/<table>/g)).toHaveLength(1);
    expect(html).toContain('<p class="not">Siffror märkta ”hela 2016” räknas inte in.</p>');
    expect(html).toContain('<h3>Polisen</h3>');
  });
});
