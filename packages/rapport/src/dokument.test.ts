import { describe, expect, it } from 'vitest';
import { rapportDokument } from './dokument';
import {
  antal,
  bild2015,
  bild2016,
  bild2016H2,
  bild2030,
  EJ_REDOVISAD,
  FATAL,
  klotter2016,
  polis2016,
} from './exempel.test-data';
import { renderHtml, renderMarkdown } from './render';
import type { Lagesbild } from './types';

const FRAMTAGEN = { framtagen: '2026-11-26T12:00:00Z' };
const md = (l: Lagesbild, saknadeKallor: string[] = []) =>
  renderMarkdown(rapportDokument(l, { ...FRAMTAGEN, saknadeKallor }));

/** The paragraphs of one section of the Markdown, up to the next heading. */
function avsnittet(text: string, rubrik: string): string {
  const start = text.indexOf(`${rubrik}\n`);
  expect(start, rubrik).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + rubrik.length + 1);
  const slut = rest.search(/^#{2,3} /m);
  return slut < 0 ? rest : rest.slice(0, slut);
}

describe('the report for 2016, every partner reported', () => {
  const text = md(bild2016());

  it('keeps the source document’s order', () => {
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
    const positions = order.map((heading) => text.indexOf(`${heading}\n`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('says every partner’s status and nothing about the period’s state when it is over', () => {
    expect(text).toContain(
      '| Partner | Status |\n| --- | --- |\n| Förvaltningen | Rapporterat |\n| Polisen | Rapporterat |\n| Skolorna | Rapporterat |\n| Klotter (trafikkontoret, SISAB, MTR) | Rapporterat |',
    );
    expect(text).not.toContain('Perioden');
  });

  it('writes each count with its noun in agreement', () => {
    expect(text).toContain('Incidentrapportering (IA, tidigare RISK): 3 incidenter.');
    expect(text).toContain(
      'Vuxenenhetens mottagningstelefon: 1 kontakt (Våldsbejakande islamism). Kontakt togs med polisen.',
    );
    expect(text).toContain('Nationella stödtelefonen (Rädda Barnen): 0 kontakter.');
    expect(text).toContain('Återvändare: 0 kända, 0 insatser.');
    expect(text).toContain('6 skolor har besvarat enkäten (svarsfrekvens: okänd).');
    expect(text).toContain(
      'Vit makt-miljön: ett fåtal av 6 svarande skolor har uppmärksammat tecken.',
    );
    expect(text).toContain('Klotter: 5 anmälningar om rasistiskt eller stötande klotter.');
    expect(text).toContain('Trafikkontoret: 4 anmälningar.');
    expect(text).toContain('SISAB: 0 anmälningar (rapporterat noll).');
    expect(text).toContain('MTR: ett fåtal anmälningar.');
    expect(text).toContain('Polisen: 2 händelser under perioden.');
    expect(text).not.toMatch(/\b1 (anmälningar|incidenter|kontakter|skolor|händelser)\b/);
    // In a sentence a hidden count takes its quantifier: "ett fåtal av", never "fåtal av".
    expect(text).not.toMatch(/^[^|].*(?<!ett )fåtal av/m);
  });

  it('says the SLA with its denominator, and no share where no time is known', () => {
    expect(text).toContain(
      'Sanerat inom 24 timmar i 1 av 1 anmälan med känd tid (100 %); 4 av 5 anmälningar saknar tid.',
    );
    expect(text).toContain(
      'Entreprenör på plats inom 3 arbetstimmar: kan inte anges, tid saknas för alla 5 anmälningar.',
    );
    expect(text).not.toContain('okänd andel');
  });

  it('reads a field observation without a count as an unknown count, never 1', () => {
    expect(text).toContain(
      'Enheten för fält- och fritid (okänt antal tillfällen): Verksamheten har vid något tillfälle',
    );
    expect(text).toContain(
      '| Vit makt-miljön | Ett fåtal | 3 | 0 | okänt antal | fåtal av 6 | 2 |',
    );
  });

  it('gives every police level one label: null "Ej bedömd", OKAND "Okänt"', () => {
    expect(text).toContain(
      '| Vit makt-miljön | 2016-H2 | Ett fåtal | Okänt | Ej bedömd | Ett fåtal |',
    );
    expect(text).toContain('| Ospecificerat | 2016-H2 | Okänt | Okänt | Ej bedömd | Ett fåtal |');
    expect(text).toContain(
      '| Ensamagerande | Ej bedömd | Ej rapporterat | Ej rapporterat | Ej rapporterat | Ej rapporterat | Ej rapporterat |',
    );
  });

  it('compares with 2015 only what 2015 reported, and says why not for the rest', () => {
    const jamforelse = avsnittet(text, '## Jämfört med föregående period (2015)');
    expect(jamforelse).toContain('| Uppgift | 2016 | 2015 | Förändring |');
    expect(jamforelse).toContain('| Incidenter | 3 | Ej rapporterat | 2015: ej rapporterat |');
    expect(jamforelse).toContain('| Kontakter | 1 | Ej rapporterat | 2015: ej rapporterat |');
    expect(jamforelse).toContain(
      '| Polisens händelser | 2 | Ej rapporterat | 2015: ej rapporterat |',
    );
    expect(jamforelse).toContain(
      '| Skolor som svarat | 6 | Ej rapporterat | 2015: ej rapporterat |',
    );
    expect(jamforelse).toContain('| Klotteranmälningar | 5 | 0 | +5 |');
    expect(jamforelse).not.toContain('+3');
  });

  it('takes an åtgärd’s status text from förvaltning, as it stands now', () => {
    expect(text).toContain(
      '| 9 | Trygghetsvandringar | Öka tryggheten. | Trygghets- och säkerhetssamordnaren | Polisen | Delsteg 1 och 2 pågår, delsteg 3 är förslag |',
    );
    expect(text).not.toContain('2. Förslag');
  });

  it('finds nothing in two sources when only one partner was at a place', () => {
    expect(text).toContain('Ingen plats förekommer hos två eller fler partner under perioden.');
  });
});

describe('the report for 2015, when nobody but klotter reported', () => {
  const text = md(bild2015());

  it('says who has not reported, with no number for them', () => {
    expect(text).toContain('| Förvaltningen | Ej rapporterat |');
    expect(text).toContain('| Klotter (trafikkontoret, SISAB, MTR) | Rapporterat noll |');
    expect(avsnittet(text, '### Lägesbild från polisens underrättelseenhet')).toContain(
      'Polisen har inte rapporterat för 2015.',
    );
    expect(avsnittet(text, '### Lägesbild från förvaltningens verksamheter').trim()).toBe(
      'Förvaltningen har inte rapporterat för 2015.',
    );
    expect(avsnittet(text, '### Lägesbild från skolor inom stadsdelsområdet').trim()).toBe(
      'Skolorna har inte rapporterat för 2015.',
    );
    expect(text).toContain('Incidentrapportering (IA, tidigare RISK): ej rapporterat för 2015.');
    expect(avsnittet(text, '### Det offentliga rummet').trim()).toBe(
      'Polisen har inte rapporterat för 2015.',
    );
    expect(text).not.toMatch(/\b0 (incidenter|kontakter|skolor|händelser)\b/);
  });

  it('shows klotter’s reported zero as 0', () => {
    expect(text).toContain('Klotter: 0 anmälningar om rasistiskt eller stötande klotter.');
    expect(text).toContain('Trafikkontoret: 0 anmälningar (rapporterat noll).');
    expect(text).toContain('SISAB: ej rapporterat.');
    expect(text).toContain('Sanerat inom 24 timmar: inga anmälningar under perioden.');
    expect(text).toContain(
      '| Vit makt-miljön | Ej rapporterat | Ej rapporterat | Ej rapporterat | Ej rapporterat | Ej rapporterat | 0 |',
    );
  });

  it('compares nothing against 2014 when neither side reported', () => {
    expect(text).toContain(
      '| Incidenter | Ej rapporterat | Ej rapporterat | 2015 och 2014: ej rapporterat |',
    );
    expect(text).toContain('| Klotteranmälningar | 0 | Ej rapporterat | 2014: ej rapporterat |');
  });
});

describe('the report for 2016-H2, with reports only for the whole year', () => {
  const text = md(bild2016H2());

  it('shows förvaltning’s, the schools’ and klotter’s 2016 reports as reported for the whole year', () => {
    expect(text).toContain('| Förvaltningen | Rapporterat för hela 2016 |');
    expect(text).toContain('| Polisen | Rapporterat |');
    expect(text).toContain('| Skolorna | Rapporterat för hela 2016 |');
    expect(text).toContain('| Klotter (trafikkontoret, SISAB, MTR) | Rapporterat för hela 2016 |');
    expect(text).toContain(
      'Uppgifter som bara är daterade till hela 2016 räknas inte in i andra halvåret 2016; de visas märkta "hela 2016".',
    );
  });

  it('labels the year’s figures and never counts them into H2', () => {
    const forvaltning = avsnittet(text, '### Lägesbild från förvaltningens verksamheter');
    expect(forvaltning).toContain(
      'Rapporterat för hela 2016: uppgifterna nedan gäller hela 2016 och räknas inte in i andra halvåret 2016.',
    );
    expect(forvaltning).toContain('Vuxenenhetens mottagningstelefon: 1 kontakt');
    const skolor = avsnittet(text, '### Lägesbild från skolor inom stadsdelsområdet');
    expect(skolor).toContain('6 skolor har besvarat enkäten');
    expect(skolor).toContain(
      'Vit makt-miljön: ett fåtal av 6 svarande skolor har uppmärksammat tecken under hela 2016.',
    );
    expect(text).toContain(
      'Incidentrapportering (IA, tidigare RISK): rapporterat för hela 2016 — 3 incidenter under hela 2016, inte inräknade i andra halvåret 2016.',
    );
    expect(text).toContain('**Incidenter, hela 2016**');
    expect(text).toContain(
      'Klotter: rapporterat för hela 2016 — 5 anmälningar om rasistiskt eller stötande klotter under hela 2016, inte inräknade i andra halvåret 2016.',
    );
    // Each partner's wording says what this report does with the year's records: the
    // incidents are listed, the graffiti reports only counted.
    expect(text).toContain('Incidenterna för hela 2016 listas nedan.');
    expect(text).toContain(
      'Klotteranmälningarna för hela 2016 listas inte här, bara antalen ovan; de listas i rapporten för 2016.',
    );
    expect(text).not.toContain('| Rapportör |');
    // The bugs the issue saw: H2 said "0 incidenter" and "0 skolor har besvarat enkäten".
    expect(text).not.toContain('0 incidenter');
    expect(text).not.toContain('0 skolor');
    expect(text).not.toMatch(/Klotter: 0 /);
  });

  it('keeps the police’s own H2 figures, and shows the events dated only to 2016 apart', () => {
    const rum = avsnittet(text, '### Det offentliga rummet');
    expect(rum).toContain('Polisen: 1 händelse under perioden.');
    // The year's count beside the half-year's own, labelled, never added to it.
    expect(rum).toContain('Hela 2016: 2 händelser, inklusive andra halvåret 2016.');
    expect(rum).toContain(
      '1 händelse är daterad bara till hela 2016 och räknas inte in i andra halvåret 2016.',
    );
    expect(rum).toContain('**Händelser, andra halvåret 2016**');
    expect(rum).toContain('**Händelser, hela 2016**');
    expect(rum).toContain('| 2016 | Demonstration | Tillståndsgivna demonstrationer under 2016 |');
    expect(rum).not.toContain('Koordinerad våldsam attack');
  });

  it('marks the year’s figures in the table per environment', () => {
    expect(text).toContain(
      '| Vit makt-miljön | Ett fåtal | 3 (hela 2016) | 0 (hela 2016) | okänt antal (hela 2016) | fåtal av 6 (hela 2016) | 2 (hela 2016) |',
    );
    expect(text).toContain(
      '| Ensamagerande | Ej bedömd | Ej rapporterat | Ej rapporterat | Ej rapporterat | Ej rapporterat | Ej rapporterat |',
    );
  });

  it('keeps the status in the comparison with H1', () => {
    expect(text).toContain(
      '| Incidenter | Rapporterat för hela 2016 | Rapporterat för hela 2016 | 2016-H2 och 2016-H1: rapporterat för hela 2016 |',
    );
    expect(text).toContain('| Polisens händelser | 1 | 1 | ±0 |');
  });
});

describe('the report for 2016-H1, klotter with a report of its own and the year’s', () => {
  // After a report dated 2016-05-10 is registered, klotter has reported for H1 itself (1)
  // and still has the reports dated only to 2016: the year's figures stay visible.
  const bild = bild2016H2();
  bild.period = '2016-H1';
  bild.fran = '2016-01-01';
  bild.till = '2016-07-01';
  const ar = klotter2016();
  bild.klotter = {
    ...ar,
    antal: antal(1),
    perRapportor: [
      {
        rapportor: 'TRAFIKKONTORET',
        namn: 'Trafikkontoret',
        rapporteringsstatus: 'RAPPORTERAT',
        antal: antal(1),
      },
    ],
    sanering: null,
    paPlats: null,
    anmalningar: { totalt: 1, anmalningar: ar.anmalningar.anmalningar.slice(1) },
    grovrePeriod: '2016',
    grovre: ar,
  };
  bild.miljoer = bild.miljoer.map((m) =>
    m.miljo === 'VIT_MAKT'
      ? {
          ...m,
          klotter: {
            rapporteringsstatus: 'RAPPORTERAT',
            antal: antal(1),
            grovrePeriod: '2016',
            grovre: { rapporteringsstatus: 'RAPPORTERAT', antal: antal(3) },
          },
        }
      : m.miljo === 'ENSAMAGERANDE'
        ? {
            ...m,
            klotter: {
              rapporteringsstatus: 'RAPPORTERAT_NOLL',
              antal: antal(0),
              grovrePeriod: '2016',
              grovre: { rapporteringsstatus: 'RAPPORTERAT', antal: antal(0) },
            },
          }
        : m,
  );
  const text = md(bild);

  it('says the period’s own count and the year’s beside it, never added', () => {
    expect(text).toContain('| Klotter (trafikkontoret, SISAB, MTR) | Rapporterat |');
    const klotter = avsnittet(text, '### Incidentrapportering och klotter');
    expect(klotter).toContain(
      'Klotter: 1 anmälan om rasistiskt eller stötande klotter.\n\nHela 2016: 5 anmälningar, inklusive första halvåret 2016.',
    );
    expect(klotter).toContain(
      'Här listas klotteranmälningarna för första halvåret 2016; de för hela 2016 listas i rapporten för 2016.',
    );
    expect(klotter).toContain('**Klotteranmälningar, första halvåret 2016**');
    expect(klotter).toContain('| Trafikkontoret | Rasistiskt | Vit makt-miljön | Hakkors |');
    expect(klotter).not.toMatch(/\b6 anmälningar/);
  });

  it('gives each reporter its own count and the year’s, as the dashboard’s Källor does', () => {
    const klotter = avsnittet(text, '### Incidentrapportering och klotter');
    expect(klotter).toContain('Trafikkontoret: 1 anmälan (hela 2016: 4 anmälningar).');
  });

  it('shows the year’s figure beside the environment’s own, and nothing beside an equal one', () => {
    const tabell = avsnittet(text, '## Sammanställning per miljö');
    expect(tabell).toMatch(/^\| Vit makt-miljön \|.*\| 1 · hela 2016: 3 \|$/m);
    // The same visible number for the half-year and the year: nothing more to say.
    expect(tabell).toMatch(/^\| Ensamagerande \|.*\| 0 \|$/m);
  });
});

describe('the groups the police follow, whatever the period', () => {
  const medGrupp = (l: Lagesbild): Lagesbild => ({
    ...l,
    omrade: {
      ...l.omrade,
      grupperingar: [
        {
          namn: 'Nordiska Motståndsrörelsen',
          miljo: 'VIT_MAKT',
          valdsbejakande: true,
          beskrivning: 'Nazistisk organisation.',
          verksamhetsomrade: 'Inom stadsdelsområdet (demonstrationer).',
        },
      ],
    },
  });
  it('says they are not a report for a period the police did not report', () => {
    const grupper = avsnittet(
      md(medGrupp(bild2015())),
      '### Antidemokratiska grupperingar/miljöer',
    );
    expect(grupper.trim()).toMatch(
      /^Grupperingar som polisen följer i området, oberoende av period — inte en rapport för 2015\.\n\n\| Gruppering \|/,
    );
    expect(avsnittet(md(bild2030()), '### Antidemokratiska grupperingar/miljöer')).toContain(
      'oberoende av period — inte en rapport för 2030.',
    );
  });

  it('says they are not period-bound when the police reported too', () => {
    const grupper = avsnittet(
      md(medGrupp(bild2016())),
      '### Antidemokratiska grupperingar/miljöer',
    );
    expect(grupper.trim()).toMatch(
      /^Grupperingar som polisen följer i området, oberoende av period\.\n\n\| Gruppering \|/,
    );
  });
});

describe('the report for a period that has not begun', () => {
  const text = md(bild2030());

  it('says so at the top, and every partner has not reported', () => {
    expect(avsnittet(text, '## Källor för perioden')).toContain(
      'Perioden har inte börjat: 2030 börjar 2030-01-01. Ingen partner kan ha rapporterat för den ännu.',
    );
    expect(text).toContain('| Klotter (trafikkontoret, SISAB, MTR) | Ej rapporterat |');
    expect(text).toContain('Klotter: ej rapporterat för 2030.');
    expect(text).not.toMatch(/\b0 (incidenter|kontakter|skolor|händelser|anmälningar)\b/);
    expect(text).toContain(
      '| Klotteranmälningar | Ej rapporterat | Ej rapporterat | 2030 och 2029: ej rapporterat |',
    );
  });

  it('says that the figures can change while the period is under way', () => {
    const pagar = md({
      ...bild2016(),
      period: '2026',
      fran: '2026-01-01',
      till: '2027-01-01',
      periodLage: 'PAGAR',
    });
    expect(pagar).toContain('Perioden pågår — siffrorna kan ändras (perioden slutar 2026-12-31).');
  });
});

describe('the report with hidden and unknown counts', () => {
  const bild = bild2016();
  bild.forvaltning!.incidenterAntal = FATAL;
  bild.forvaltning!.kontakter[0]!.antal = FATAL;
  bild.klotter!.antal = EJ_REDOVISAD;
  bild.klotter!.sanering = {
    uppfyllt: FATAL,
    ejUppfyllt: antal(6),
    okant: FATAL,
    kanda: antal(8),
    totalt: antal(10),
    andelUppfyllt: { andel: null, undertryckt: true, visning: 'ej redovisad' },
  };
  bild.polis!.handelserAntal = FATAL;
  const text = md(bild);

  it('reads them as Swedish', () => {
    expect(text).toContain('Incidentrapportering (IA, tidigare RISK): ett fåtal incidenter.');
    expect(text).toContain('Vuxenenhetens mottagningstelefon: ett fåtal kontakter');
    expect(text).toContain(
      'Klotter: ett ej redovisat antal anmälningar om rasistiskt eller stötande klotter.',
    );
    expect(text).toContain(
      'Sanerat inom 24 timmar i ett fåtal av 8 anmälningar med känd tid (andelen ej redovisad); ett fåtal av 10 anmälningar saknar tid.',
    );
    expect(text).toContain('Polisen: ett fåtal händelser under perioden.');
    expect(text).not.toContain('i ej redovisad');
  });

  it('compares no hidden count', () => {
    expect(text).toContain(
      '| Incidenter | fåtal | Ej rapporterat | 2016: fåtal; 2015: ej rapporterat |',
    );
    expect(text).toContain('| Klotteranmälningar | ej redovisad | 0 | 2016: ej redovisad |');
  });
});

describe('the report when a source is unavailable', () => {
  it('marks the source as unavailable and leaves its numbers out', () => {
    const bild = { ...bild2016(), polis: null };
    const text = md(bild, ['polis']);
    expect(text).toContain('| Polisen | Ej tillgänglig just nu |');
    expect(text).toContain(
      '### Lägesbild från polisens underrättelseenhet\n\nEj tillgänglig just nu — källan svarade inte när rapporten togs fram.',
    );
    expect(text).toContain(
      '| Polisens händelser | Ej tillgänglig just nu | Ej rapporterat | 2016: ej tillgänglig just nu; 2015: ej rapporterat |',
    );
    expect(text).toContain('Incidentrapportering (IA, tidigare RISK): 3 incidenter.');
  });
});

describe('the report for a reader not cleared for a partner’s live data', () => {
  it('says where the partner’s figures are, not that its source is down', () => {
    const bild = { ...bild2016(), polis: null };
    const text = renderMarkdown(rapportDokument(bild, { ...FRAMTAGEN, ejBehoriga: ['polis'] }));
    expect(text).toContain('| Polisen | Ej behörig – visas i den fastställda lägesbilden |');
    expect(text).toContain(
      '### Lägesbild från polisens underrättelseenhet\n\nEj behörig – visas i den fastställda lägesbilden: rollen som tog fram rapporten får inte partnerns levande uppgifter.',
    );
    expect(text).toContain(
      '| Polisens händelser | Ej behörig – visas i den fastställda lägesbilden | Ej behörig – visas i den fastställda lägesbilden | Ej behörig – visas i den fastställda lägesbilden |',
    );
    expect(text).not.toContain('svarade inte');
  });
});

describe('the HTML', () => {
  it('captions a table of the longer period’s rows and prints page numbers', () => {
    const html = renderHtml(rapportDokument(bild2016H2(), FRAMTAGEN));
    expect(html).toContain('<table><caption>Incidenter, hela 2016</caption>');
    expect(html).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages);');
  });
});

/** 2016-H1 after a report of its own for Trafikkontoret: the other reporters only for the year. */
describe('each graffiti reporter’s line, beside or instead of the year’s', () => {
  const bild = bild2016H2();
  bild.period = '2016-H1';
  const ar = klotter2016();
  bild.klotter = {
    ...ar,
    rapporteringsstatus: 'RAPPORTERAT',
    antal: antal(1),
    perRapportor: [
      {
        rapportor: 'TRAFIKKONTORET',
        namn: 'Trafikkontoret',
        rapporteringsstatus: 'RAPPORTERAT',
        antal: antal(1),
      },
      {
        rapportor: 'SISAB',
        namn: 'SISAB',
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        antal: null,
      },
      { rapportor: 'MTR', namn: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null },
    ],
    sanering: null,
    paPlats: null,
    anmalningar: { totalt: 1, anmalningar: ar.anmalningar.anmalningar.slice(1) },
    grovrePeriod: '2016',
    grovre: ar,
  };
  const klotter = avsnittet(md(bild), '### Incidentrapportering och klotter');

  it('says the figure for a reporter that reported only for the year, and the year’s beside one’s own', () => {
    expect(klotter).toContain('Trafikkontoret: 1 anmälan (hela 2016: 4 anmälningar).');
    expect(klotter).toContain('SISAB: rapporterat för hela 2016 — 0 anmälningar under hela 2016.');
    expect(klotter).not.toContain('SISAB: rapporterat för hela 2016.');
    expect(klotter).toContain('MTR: ej rapporterat.');
  });
});

/**
 * The police in 2016-H1: the January attack is H1's own, so the police reported for H1; the
 * year's assessments are H2's and say nothing about H1.
 */
describe('the police’s assessment, shown only for a period its own period contains', () => {
  const ar = polis2016();
  const h1 = (): Lagesbild => {
    const bild = bild2016H2();
    bild.period = '2016-H1';
    bild.fran = '2016-01-01';
    bild.till = '2016-07-01';
    bild.polis = {
      rapporteringsstatus: 'RAPPORTERAT',
      publicerad: null,
      bedomningar: [],
      handelserAntal: antal(1),
      handelser: ar.handelser.filter((h) => h.period === '2016-01'),
      grovrePeriod: '2016',
      grovre: ar,
    };
    bild.miljoer = bild.miljoer.map((m) => ({
      ...m,
      polis: {
        rapporteringsstatus: m.miljo === 'AUTONOMA' ? 'RAPPORTERAT' : 'RAPPORTERAT_NOLL',
        bosatta: null,
        handelserAntal: antal(m.miljo === 'AUTONOMA' ? 1 : 0),
        grovrePeriod: null,
        grovre: null,
      },
    }));
    return bild;
  };
  const text = md(h1());
  const polis = avsnittet(text, '### Lägesbild från polisens underrättelseenhet');

  it('says that the police published no assessment for H1, and shows none of H2’s', () => {
    expect(polis).toContain(
      'Polisen har inte publicerat någon bedömning för första halvåret 2016.',
    );
    expect(polis).toContain(
      'Polisen har registrerat 1 händelse under första halvåret 2016; de redovisas under Det offentliga rummet.',
    );
    expect(polis).not.toContain('hela 2016');
    expect(polis).not.toContain('2016-H2');
    expect(polis).not.toContain('Polisens underrättelseenhet skriver');
    expect(text).not.toContain('Polisens bedömning, hela 2016');
    expect(text).toContain('| Polisen | Rapporterat |');
    expect(avsnittet(text, '## Sammanställning per miljö')).toMatch(
      /^\| Vit makt-miljön \| Ej bedömd \|/m,
    );
  });

  it('still counts and lists H1’s own events, with the year’s beside', () => {
    const rum = avsnittet(text, '### Det offentliga rummet');
    expect(rum).toContain('Polisen: 1 händelse under perioden.');
    expect(rum).toContain('Hela 2016: 2 händelser, inklusive första halvåret 2016.');
    expect(rum).toContain('**Händelser, första halvåret 2016**');
    expect(rum).toContain('Koordinerad våldsam attack');
    expect(rum).toContain('**Händelser, hela 2016**');
  });

  it('shows H2’s assessment for the third quarter, which H2 contains, labelled', () => {
    const bild = h1();
    bild.period = '2016-Q3';
    bild.fran = '2016-07-01';
    bild.till = '2016-10-01';
    const h2 = { ...ar, handelserAntal: antal(1), handelser: bild2016H2().polis!.handelser };
    bild.polis = {
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
      publicerad: null,
      bedomningar: [],
      handelserAntal: null,
      handelser: [],
      grovrePeriod: '2016-H2',
      grovre: h2,
    };
    const q3 = md(bild);
    const polisQ3 = avsnittet(q3, '### Lägesbild från polisens underrättelseenhet');
    expect(polisQ3).toContain(
      'Rapporterat för hela andra halvåret 2016: uppgifterna nedan gäller hela andra halvåret 2016 och räknas inte in i tredje kvartalet 2016.',
    );
    expect(q3).toContain('**Polisens bedömning, hela andra halvåret 2016**');
    expect(q3).toContain('| Vit makt-miljön | 2016-H2 | Ett fåtal |');
    // Det offentliga rummet always says something: none of Q3's own, and H2's count.
    const rum = avsnittet(q3, '### Det offentliga rummet');
    expect(rum.trim()).toBe(
      'Inga händelser registrerade för tredje kvartalet 2016.\n\nPolisen har rapporterat för hela andra halvåret 2016: 1 händelse under hela andra halvåret 2016, inte inräknad i tredje kvartalet 2016.',
    );
  });

  it('labels H2’s assessment by its own half-year in a quarter the police reported events for', () => {
    const bild = h1();
    bild.period = '2016-Q4';
    bild.fran = '2016-10-01';
    bild.till = '2017-01-01';
    bild.polis = {
      ...bild2016H2().polis!,
      bedomningar: [],
      grovrePeriod: '2016-H2',
      grovre: { ...ar, handelserAntal: antal(1), handelser: bild2016H2().polis!.handelser },
    };
    bild.miljoer = bild.miljoer.map((m) =>
      m.miljo === 'VIT_MAKT'
        ? {
            ...m,
            polis: {
              rapporteringsstatus: 'RAPPORTERAT',
              bosatta: null,
              handelserAntal: antal(1),
              grovrePeriod: '2016-H2',
              grovre: {
                rapporteringsstatus: 'RAPPORTERAT',
                bosatta: 'FATAL',
                handelserAntal: antal(1),
              },
            },
          }
        : m,
    );
    const q4 = md(bild);
    // Every longer-period label in the table is explained under it: the half-year's
    // assessment as well as the year's figures.
    const tabell = avsnittet(q4, '## Sammanställning per miljö');
    expect(tabell).toMatch(
      /^\| Vit makt-miljön \| Ett fåtal \(hela andra halvåret 2016\) \| 3 \(hela 2016\) \|/m,
    );
    expect(tabell).toContain(
      'Siffror märkta ”hela 2016” är rapporterade för hela 2016, inte för fjärde kvartalet 2016: de visas men räknas inte in i perioden.',
    );
    expect(tabell).toContain(
      'Polisens bedömningar märkta ”hela andra halvåret 2016” gäller hela andra halvåret 2016, som fjärde kvartalet 2016 ingår i; polisen har ingen egen bedömning för fjärde kvartalet 2016.',
    );
    const polisQ4 = avsnittet(q4, '### Lägesbild från polisens underrättelseenhet');
    expect(polisQ4).toContain(
      'Polisens bedömning nedan gäller hela andra halvåret 2016, som fjärde kvartalet 2016 ingår i.',
    );
    expect(polisQ4).not.toContain('räknas inte in');
  });
});
