import { describe, expect, it } from 'vitest';
import {
  avsnittTabeller,
  exportFilnamn,
  publiceringEtikett,
  publiceringsDokument,
} from './publicering';
import {
  publicering2016H2,
  publicering2016H2Behorig,
  publicering2016H2Version2,
} from './publicering.test-data';
import { renderHtml, renderMarkdown } from './render';
import { bekraftelseFramsteg, bekraftelseMening } from './text';

const META = { omradeNamn: 'Norrmalm', framtagen: '2026-11-26T12:00:00Z' };

/** The paragraphs and tables of one section of the Markdown, up to the next heading. */
function avsnittet(text: string, rubrik: string): string {
  const start = text.indexOf(`${rubrik}\n`);
  expect(start, rubrik).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + rubrik.length + 1);
  const slut = rest.search(/^#{2,3} /m);
  return slut < 0 ? rest : rest.slice(0, slut);
}

describe('the meeting report of an adopted publication', () => {
  const p = publicering2016H2();
  const md = renderMarkdown(publiceringsDokument(p, META));

  it('says what it is: adopted, the version, the meeting and its date, the hash', () => {
    expect(md).toMatch(/^# Fastställd lägesbild Norrmalm 2016-H2, version 1\n/);
    expect(md).toContain(
      'Fastställd 2016-12-14 · version 1. Trygghets- och säkerhetsrådets möte 14 december 2016. Utskriven 2026-11-26 från Lägesbild.',
    );
    expect(avsnittet(md, '## Om den här versionen')).toContain(
      'Fastställd lägesbild för Norrmalm, andra halvåret 2016: version 1, fastställd av trygghets- och säkerhetsrådet 2016-12-14 (Trygghets- och säkerhetsrådets möte 14 december 2016).',
    );
    expect(md).toContain(
      `Kontrollsumma (SHA-256) för den maskinläsbara exporten (JSON och CSV): ${p.hash}.`,
    );
    // Nothing about a replacement or a correction on a version that has neither.
    expect(md).not.toContain('ersatt av');
    expect(md).not.toContain('Rättelse');
  });

  it("states each partner's confirmation, with its comment", () => {
    const bekraftelser = avsnittet(md, '## Partnernas bekräftelser');
    expect(bekraftelser).toContain(
      'Polisen har bekräftat sitt avsnitt 2016-12-06. Kommentar: ”Enligt underrättelseenhetens rapport december 2016.”',
    );
    expect(bekraftelser).toContain('| Förvaltningen | Bekräftat 2016-12-05 | – |');
    expect(bekraftelser).toContain(
      '| Polisen | Bekräftat 2016-12-06 | Enligt underrättelseenhetens rapport december 2016. |',
    );
  });

  it('shows suppressed cells as their visning, never a number', () => {
    const polis = avsnittet(md, '### Polisen');
    expect(polis).toContain('Polisen: rapporterat för andra halvåret 2016.');
    expect(polis).toContain('**Polisen: totalt**');
    expect(polis).toContain('| Totalt | fåtal |');
    expect(polis).toContain('**Polisen: per miljö**');
    expect(polis).toContain('| Vit makt-miljön | fåtal |');
    const forvaltning = avsnittet(md, '### Förvaltningen');
    expect(forvaltning).toContain(
      'Förvaltningen: rapporterat för hela 2016 — siffrorna gäller hela 2016 och räknas inte in i andra halvåret 2016.',
    );
    expect(forvaltning).toContain('**Förvaltningen: totalt, hela 2016**');
    expect(forvaltning).toContain('| Miljö | Incidenter | Kontakter |');
    expect(forvaltning).toContain('| Totalt | ej redovisad | fåtal |');
    expect(forvaltning).toContain('| Vit makt-miljön | fåtal | 0 |');
    expect(forvaltning).toContain('| Våldsbejakande islamism | 0 | fåtal |');
    expect(avsnittet(md, '### Skolorna')).toContain('| Vit makt-miljön | fåtal |');
    expect(avsnittet(md, '### Klotterrapportörerna')).toContain(
      'Klotterrapportörerna: ej rapporterat för andra halvåret 2016.',
    );
    expect(md).toContain(
      'Antal från 1 till 3 visas som ”fåtal”; antal som annars skulle gå att räkna ut ur det publicerade visas som ”ej redovisad”.',
    );
    // No true number of a suppressed cell anywhere (the fixture's are 1, 2 and 3).
    expect(md).not.toContain('(utåt:');
    expect(md).not.toMatch(/\| Vit makt-miljön \| [123] \|/);
  });

  it("gives the police's levels as words", () => {
    const niva = avsnittet(md, '### Polisens bedömning');
    expect(niva).toContain('| Vit makt-miljön | Ett fåtal | Okänt | Okänt | Okänt |');
    expect(niva).toContain('| Ensamagerande | Ej bedömd | Ej bedömd | Ej bedömd | Ej bedömd |');
  });

  it('renders as printable HTML with the same facts', () => {
    const html = renderHtml(publiceringsDokument(p, META));
    expect(html).toContain('<title>Fastställd lägesbild Norrmalm 2016-H2, version 1</title>');
    expect(html).toContain(p.hash as string);
    expect(html).toContain('<td>Vit makt-miljön</td><td>fåtal</td>');
  });

  it('reads as the published version for a cleared reader too, unless a working copy is asked for', () => {
    const delad = renderMarkdown(publiceringsDokument(publicering2016H2Behorig(), META));
    expect(delad).toContain('| Vit makt-miljön | fåtal |');
    expect(delad).not.toContain('(utåt:');
    expect(delad).not.toContain('Arbetsexemplar');
    expect(delad).toBe(renderMarkdown(publiceringsDokument(publicering2016H2(), META)));
  });

  it('gives a cleared reader a working copy with the number and what others read, marked as not for distribution', () => {
    const behorig = renderMarkdown(
      publiceringsDokument(publicering2016H2Behorig(), { ...META, arbetsexemplar: true }),
    );
    expect(behorig).toContain('Arbetsexemplar för behöriga – får inte spridas');
    expect(behorig).toContain('| Vit makt-miljön | 1 (utåt: fåtal) |');
    expect(behorig).toContain('| Totalt | 3 (utåt: ej redovisad) | 1 (utåt: fåtal) |');
    expect(behorig).toContain('Siffror med ”(utåt: …)” visas för dig eftersom du är behörig');
    // A reader without clearance asking for a working copy gets the published version.
    const utan = renderMarkdown(
      publiceringsDokument(publicering2016H2(), { ...META, arbetsexemplar: true }),
    );
    expect(utan).not.toContain('Arbetsexemplar');
  });
});

describe('a corrected publication', () => {
  const { v1, v2 } = publicering2016H2Version2();

  it('says on the replaced version which one replaced it', () => {
    const md = renderMarkdown(publiceringsDokument(v1, META));
    expect(md).toContain('Fastställd 2016-12-14 · version 1 · ersatt av version 2.');
    expect(md).toContain(
      'Den här versionen är ersatt av version 2, fastställd 2017-03-15. Den gäller inte längre; läs version 2.',
    );
  });

  it('gives the correction its reason and its changes against the version before', () => {
    const md = renderMarkdown(publiceringsDokument(v2, META));
    expect(md).toMatch(/^# Fastställd lägesbild Norrmalm 2016-H2, version 2\n/);
    expect(md).toContain(
      'Rättelse av version 1: Polisen registrerade en händelse i december i efterhand.',
    );
    expect(avsnittet(md, '## Ändrat mot version 1')).toContain(
      '| Uppgift | Version 1 | Version 2 |\n| --- | --- | --- |\n| Polisen · händelser · totalt (2016-H2) | fåtal | 4 |',
    );
  });
});

describe('a draft', () => {
  const utkast = {
    ...publicering2016H2(),
    status: 'UTKAST' as const,
    faststalld: null,
    mote: null,
    hash: null,
    bekraftelser: publicering2016H2().bekraftelser.map((b) =>
      b.partner === 'polis' ? b : { ...b, bekraftad: false, roll: null, tid: null },
    ),
  };

  it('is never called adopted, and has no hash', () => {
    const md = renderMarkdown(publiceringsDokument(utkast, META));
    expect(md).toMatch(/^# Utkast till lägesbild Norrmalm 2016-H2, version 1\n/);
    expect(md).toContain('Utkast, version 1: inte fastställt.');
    expect(md).not.toContain('Fastställd lägesbild');
    expect(md).not.toContain('Kontrollsumma');
    expect(md).toContain('Skolorna har inte bekräftat sitt avsnitt.');
    expect(md).toContain('| Skolorna | Inte bekräftat | – |');
  });

  it('says of a section the reader is not cleared for only that it is shown at adoption', () => {
    // As the subgraph gives a draft to the police: the others' sections without state or
    // figures, and no police levels for those not cleared for them.
    const somPolisen = {
      ...utkast,
      nivaer: null,
      avsnitt: utkast.avsnitt.map((a) =>
        a.partner === 'polis'
          ? a
          : {
              ...a,
              rapporteringsstatus: null,
              grovrePeriod: null,
              celler: a.celler
                .filter((c) => c.period === utkast.period)
                .map((c) => ({
                  ...c,
                  antal: null,
                  visning: 'Visas när lägesbilden är fastställd',
                  undertryckt: null,
                  rapporteringsstatus: null,
                })),
            },
      ),
    };
    const md = renderMarkdown(publiceringsDokument(somPolisen, META));
    expect(avsnittet(md, '### Skolorna').trim()).toBe(
      'Skolorna: visas när lägesbilden är fastställd.',
    );
    expect(md).not.toContain('Polisens bedömning');
    expect(avsnittet(md, '### Polisen')).toContain('| ');
  });

  it('reads its progress: which partners have confirmed', () => {
    expect(bekraftelseFramsteg(utkast.bekraftelser)).toBe('1 av 4 avsnitt är bekräftat');
    expect(bekraftelseFramsteg(publicering2016H2().bekraftelser)).toBe(
      'Alla 4 avsnitt är bekräftade',
    );
    expect(bekraftelseMening(utkast.bekraftelser[0]!)).toBe(
      'Förvaltningen har inte bekräftat sitt avsnitt.',
    );
    expect(publiceringEtikett(utkast)).toBe('Utkast · version 1');
  });
});

describe('the tables and the export’s file names', () => {
  it('keeps a longer period’s cells apart from the period’s own', () => {
    const a = publicering2016H2().avsnitt[0]!;
    const mixed = {
      ...a,
      rapporteringsstatus: 'RAPPORTERAT',
      grovrePeriod: '2016',
      celler: [
        ...a.celler,
        {
          ...a.celler[0]!,
          id: '2016-H2|forvaltning|kontakter|total',
          period: '2016-H2',
          matt: 'kontakter',
          antal: 0,
          visning: '0',
          undertryckt: null,
        },
      ],
    };
    expect(avsnittTabeller(mixed, '2016-H2').map((t) => t.rubrik)).toEqual([
      'Förvaltningen: totalt',
      'Förvaltningen: totalt, hela 2016',
      'Förvaltningen: per miljö, hela 2016',
    ]);
  });

  it('leaves out a table without a single reported figure', () => {
    const a = publicering2016H2().avsnitt[0]!;
    const ejRapporterat = a.celler.map((c) => ({
      ...c,
      id: c.id.replace(/^2016\|/, '2016-H2|'),
      period: '2016-H2',
      antal: null,
      visning: 'Ej rapporterat',
      undertryckt: null,
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
    }));
    const tabeller = avsnittTabeller({ ...a, celler: [...ejRapporterat, ...a.celler] }, '2016-H2');
    expect(tabeller.map((t) => t.rubrik)).toEqual([
      'Förvaltningen: totalt, hela 2016',
      'Förvaltningen: per miljö, hela 2016',
    ]);
  });

  it('names the area, the period and the version', () => {
    const p = publicering2016H2();
    expect(exportFilnamn(p)).toBe('lagesbild-norrmalm-2016-H2-v1.json');
    expect(exportFilnamn(p, 'per-miljo.csv')).toBe('lagesbild-norrmalm-2016-H2-v1-per-miljo.csv');
    expect(exportFilnamn(p, 'lagesbild-norrmalm-2016-H2-v1-totalt.csv')).toBe(
      'lagesbild-norrmalm-2016-H2-v1-totalt.csv',
    );
    expect(exportFilnamn(p, 'Polisens nivåer')).toBe(
      'lagesbild-norrmalm-2016-H2-v1-Polisens-nivaer.csv',
    );
  });
});
