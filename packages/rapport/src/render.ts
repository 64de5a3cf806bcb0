import type { RapportDokument, Tabell } from './dokument';

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdTabell(t: Tabell): string {
  if (t.rader.length === 0) return '';
  return [
    ...(t.rubrik ? [`**${t.rubrik}**`, ''] : []),
    `| ${t.kolumner.map(mdCell).join(' | ')} |`,
    `| ${t.kolumner.map(() => '---').join(' | ')} |`,
    ...t.rader.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(d: RapportDokument): string {
  const out = [`# ${d.titel}`, '', d.undertitel, ''];
  for (const a of d.avsnitt) {
    out.push(`${'#'.repeat(a.niva)} ${a.rubrik}`, '');
    for (const s of a.stycken) out.push(s, '');
    for (const t of a.tabeller) {
      const text = mdTabell(t);
      if (text) out.push(text, '');
    }
    for (const n of a.noter ?? []) out.push(n, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTabell(t: Tabell): string {
  if (t.rader.length === 0) return '';
  const rubrik = t.rubrik ? `<caption>${esc(t.rubrik)}</caption>` : '';
  return `<table>${rubrik}<thead><tr>${t.kolumner.map((k) => `<th scope="col">${esc(k)}</th>`).join('')}</tr></thead><tbody>${t.rader
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const STYLE = `
  body { font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #12355b; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { margin-top: 1.4rem; } .undertitel { color: #555; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
  th, td { border: 1px solid #c8ccd2; padding: .3rem .45rem; text-align: left; vertical-align: top; }
  th { background: #eef1f5; }
  caption { text-align: left; font-weight: 600; padding: .2rem 0; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
  @page {
    size: A4; margin: 16mm 16mm 20mm;
    @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 9pt system-ui, sans-serif; color: #555; }
  }
`;

/** A standalone page with its own styles: prints to PDF from any browser, or headless Chromium. */
export function renderHtml(d: RapportDokument): string {
  const body = d.avsnitt
    .map(
      (a) =>
        `<h${a.niva}>${esc(a.rubrik)}</h${a.niva}>${a.stycken.map((s) => `<p>${esc(s)}</p>`).join('')}${a.tabeller
          .map(htmlTabell)
          .join('')}${(a.noter ?? []).map((n) => `<p class="not">${esc(n)}</p>`).join('')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${esc(d.titel)}</title><style>${STYLE}</style></head>
<body><h1>${esc(d.titel)}</h1><p class="undertitel">${esc(d.undertitel)}</p>
${body}
</body></html>
`;
}
