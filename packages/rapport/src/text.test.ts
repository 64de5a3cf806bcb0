import { describe, expect, it } from 'vitest';
import {
  type AntalVarde,
  antalCell,
  antalFras,
  antalMedOrd,
  cellMedGrovre,
  delAvFras,
  EJ_TILLGANGLIG,
  grovreBredvid,
  grovreBredvidMening,
  grovreForklaring,
  grovreForklaringar,
  helaPerioden,
  jamfor,
  type MedGrovre,
  nivaCell,
  nivaText,
  ORD,
  olasbarPeriodText,
  partnerStatusText,
  periodInnehaller,
  periodLageText,
  periodNamn,
  pluralform,
  rapporteringsstatusText,
  rapportorMening,
  rapportorTillagg,
  rapportorUppgift,
  type SlaVarde,
  slaMening,
  talEllerStatus,
  versal,
} from './text';

const visad = (antal: number) => ({ antal, undertryckt: false, visning: String(antal) });
const FATAL = { antal: null, undertryckt: true, visning: 'fåtal' };
const EJ_REDOVISAD = { antal: null, undertryckt: true, visning: 'ej redovisad' };
const OKANT = { antal: null, undertryckt: false, visning: 'okänt antal' };

describe('plural by count', () => {
  it('uses the singular for exactly one and the plural for 0 and many', () => {
    expect(antalMedOrd(1, ORD.anmalan)).toBe('1 anmälan');
    expect(antalMedOrd(2, ORD.anmalan)).toBe('2 anmälningar');
    expect(antalMedOrd(0, ORD.anmalan)).toBe('0 anmälningar');
    expect(antalMedOrd(1, ORD.incident)).toBe('1 incident');
    expect(antalMedOrd(3, ORD.incident)).toBe('3 incidenter');
    expect(antalMedOrd(1, ORD.skola)).toBe('1 skola');
    expect(antalMedOrd(6, ORD.skola)).toBe('6 skolor');
    expect(antalMedOrd(1, ORD.handelse)).toBe('1 händelse');
    expect(antalMedOrd(4, ORD.handelse)).toBe('4 händelser');
    expect(antalMedOrd(1, ORD.kontakt)).toBe('1 kontakt');
    expect(antalMedOrd(5, ORD.kontakt)).toBe('5 kontakter');
    expect(pluralform(1, ORD.faltobservation)).toBe('fältobservation');
    expect(pluralform(0, ORD.faltobservation)).toBe('fältobservationer');
  });

  it('writes large numbers with spaces between thousands', () => {
    expect(antalMedOrd(1_000_000, ORD.anmalan)).toBe('1 000 000 anmälningar');
  });
});

describe('a protected count in a sentence', () => {
  it('reads a number, 0 and 1 with the noun in agreement', () => {
    expect(antalFras(visad(3), ORD.incident)).toBe('3 incidenter');
    expect(antalFras(visad(1), ORD.incident)).toBe('1 incident');
    expect(antalFras(visad(0), ORD.incident)).toBe('0 incidenter');
    expect(antalFras(2, ORD.kontakt)).toBe('2 kontakter');
  });

  it('reads a hidden or unknown count as Swedish, with the plural noun', () => {
    expect(antalFras(FATAL, ORD.incident)).toBe('ett fåtal incidenter');
    expect(antalFras(EJ_REDOVISAD, ORD.anmalan)).toBe('ett ej redovisat antal anmälningar');
    expect(antalFras(OKANT, ORD.faltobservation)).toBe('ett okänt antal fältobservationer');
  });

  it('reads a part of a whole with the noun agreeing with the whole', () => {
    const skolor = ORD.svarandeSkola;
    expect(`${delAvFras(FATAL, 6, skolor)} har uppmärksammat tecken`).toBe(
      'ett fåtal av 6 svarande skolor har uppmärksammat tecken',
    );
    expect(delAvFras(visad(1), 6, skolor)).toBe('1 av 6 svarande skolor');
    expect(delAvFras(visad(0), 6, skolor)).toBe('0 av 6 svarande skolor');
    expect(delAvFras(visad(1), 1, skolor)).toBe('1 av 1 svarande skola');
    expect(delAvFras(EJ_REDOVISAD, 12, skolor)).toBe(
      'ett ej redovisat antal av 12 svarande skolor',
    );
    expect(delAvFras(OKANT, 6, skolor)).toBe('ett okänt antal av 6 svarande skolor');
    expect(delAvFras(visad(0), FATAL, ORD.anmalan)).toBe('0 av ett fåtal anmälningar');
    expect(versal(delAvFras(FATAL, 6, skolor))).toBe('Ett fåtal av 6 svarande skolor');
  });

  it('shows a cell as the number or what the reader may see, "–" without a count', () => {
    expect(antalCell(visad(0))).toBe('0');
    expect(antalCell(visad(1))).toBe('1');
    expect(antalCell(visad(12))).toBe('12');
    expect(antalCell(FATAL)).toBe('fåtal');
    expect(antalCell(EJ_REDOVISAD)).toBe('ej redovisad');
    expect(antalCell(OKANT)).toBe('okänt antal');
    expect(antalCell(null)).toBe('–');
  });
});

describe('periods in words', () => {
  it('names every kind of period as a person says it', () => {
    expect(periodNamn('2016')).toBe('2016');
    expect(periodNamn('2016-H2')).toBe('andra halvåret 2016');
    expect(periodNamn('2017-T1')).toBe('första tertialet 2017');
    expect(periodNamn('2016-Q3')).toBe('tredje kvartalet 2016');
    expect(periodNamn('2016-05')).toBe('maj 2016');
    expect(periodNamn('2016-W45')).toBe('vecka 45 2016');
    expect(periodNamn('inte en period')).toBe('inte en period');
    expect(helaPerioden('2016')).toBe('hela 2016');
    expect(helaPerioden('2016-H2')).toBe('hela andra halvåret 2016');
  });

  it('says a period that has not begun or is under way, and nothing for one that is over', () => {
    expect(periodLageText('EJ_PABORJAD')).toBe('Perioden har inte börjat');
    expect(periodLageText('PAGAR')).toBe('Perioden pågår — siffrorna kan ändras');
    expect(periodLageText('AVSLUTAD')).toBeNull();
    expect(periodLageText(undefined)).toBeNull();
  });
});

describe('a partner’s status in words', () => {
  it('names each of the five states', () => {
    expect(rapporteringsstatusText('RAPPORTERAT')).toBe('Rapporterat');
    expect(rapporteringsstatusText('RAPPORTERAT_NOLL')).toBe('Rapporterat noll');
    expect(rapporteringsstatusText('RAPPORTERAT_GROVRE_PERIOD', '2016')).toBe(
      'Rapporterat för hela 2016',
    );
    expect(rapporteringsstatusText('RAPPORTERAT_GROVRE_PERIOD', '2016-H2')).toBe(
      'Rapporterat för hela andra halvåret 2016',
    );
    expect(rapporteringsstatusText('RAPPORTERAT_GROVRE_PERIOD', null)).toBe(
      'Rapporterat för längre period',
    );
    expect(rapporteringsstatusText('EJ_RAPPORTERAT')).toBe('Ej rapporterat');
    expect(partnerStatusText(null)).toBe('Ej tillgänglig just nu');
    expect(
      partnerStatusText({ rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD', grovrePeriod: '2016' }),
    ).toBe('Rapporterat för hela 2016');
  });

  it('gives a cell a number only for a section reported for the period', () => {
    expect(talEllerStatus({ rapporteringsstatus: 'RAPPORTERAT' }, visad(3))).toBe('3');
    expect(talEllerStatus({ rapporteringsstatus: 'RAPPORTERAT_NOLL' }, visad(0))).toBe('0');
    expect(talEllerStatus({ rapporteringsstatus: 'RAPPORTERAT' }, FATAL)).toBe('fåtal');
    // Even if a count came with it, a missing report shows its state, never the number.
    expect(talEllerStatus({ rapporteringsstatus: 'EJ_RAPPORTERAT' }, visad(0))).toBe(
      'Ej rapporterat',
    );
    expect(
      talEllerStatus(
        { rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD', grovrePeriod: '2016' },
        null,
      ),
    ).toBe('Rapporterat för hela 2016');
    expect(talEllerStatus(null, null)).toBe(EJ_TILLGANGLIG);
    // Reported for the period, but not this figure (förvaltning's IA incidents in 2017).
    expect(talEllerStatus({ rapporteringsstatus: 'RAPPORTERAT_NOLL' }, null)).toBe(
      'Ej rapporterat',
    );
    expect(
      jamfor(
        { period: '2017', avsnitt: { rapporteringsstatus: 'RAPPORTERAT_NOLL' }, tal: null },
        { period: '2016', avsnitt: { rapporteringsstatus: 'RAPPORTERAT' }, tal: visad(3) },
      ).forandring,
    ).toBe('2017: ej rapporterat');
  });
});

describe('a longer period’s figures beside the period’s own', () => {
  type Rad = MedGrovre<{
    rapporteringsstatus: string;
    handelserAntal: AntalVarde | null;
  }>;
  const tal = (r: Rad) => antalCell(r.handelserAntal);
  const medGrovre = (r: Rad | null) => cellMedGrovre(r, tal);
  const bredvid = (r: Rad) => grovreBredvid(r, tal);
  // The police on 2016-H2: 2 events of its own, and 6 for the whole year (the half-year's
  // 2 among them, and 3 dated only to the year).
  const polisH2: Rad = {
    rapporteringsstatus: 'RAPPORTERAT',
    handelserAntal: visad(2),
    grovrePeriod: '2016',
    grovre: { rapporteringsstatus: 'RAPPORTERAT', handelserAntal: visad(6) },
  };

  it('shows the own figure and the longer period’s beside it, labelled, never added', () => {
    expect(medGrovre(polisH2)).toBe('2 · hela 2016: 6');
    expect(bredvid(polisH2)).toEqual({
      period: '2016',
      siffra: '6',
      text: 'hela 2016: 6',
    });
    // A reported zero keeps its 0, with the year's figure beside it.
    expect(
      medGrovre({
        rapporteringsstatus: 'RAPPORTERAT_NOLL',
        handelserAntal: visad(0),
        grovrePeriod: '2016',
        grovre: { rapporteringsstatus: 'RAPPORTERAT', handelserAntal: visad(4) },
      }),
    ).toBe('0 · hela 2016: 4');
    // A hidden count stays hidden on both sides.
    expect(
      medGrovre({
        ...polisH2,
        grovre: { rapporteringsstatus: 'RAPPORTERAT', handelserAntal: FATAL },
      }),
    ).toBe('2 · hela 2016: fåtal');
  });

  it('keeps the other states as they were', () => {
    // Only the period's own.
    expect(medGrovre({ rapporteringsstatus: 'RAPPORTERAT', handelserAntal: visad(2) })).toBe('2');
    // Only the longer period's, labelled in brackets.
    expect(
      medGrovre({
        ...polisH2,
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        handelserAntal: null,
      }),
    ).toBe('6 (hela 2016)');
    expect(
      bredvid({
        ...polisH2,
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        handelserAntal: null,
      }),
    ).toBeNull();
    expect(medGrovre({ rapporteringsstatus: 'EJ_RAPPORTERAT', handelserAntal: null })).toBe(
      'Ej rapporterat',
    );
    expect(medGrovre(null)).toBe(EJ_TILLGANGLIG);
  });

  it('says the longer period’s figure in a sentence, and what the labels mean', () => {
    expect(grovreBredvidMening('2016', '2016-H2', antalFras(visad(6), ORD.handelse))).toBe(
      'Hela 2016: 6 händelser, inklusive andra halvåret 2016.',
    );
    expect(grovreBredvidMening('2016', '2016-H1', antalFras(visad(1), ORD.anmalan))).toBe(
      'Hela 2016: 1 anmälan, inklusive första halvåret 2016.',
    );
    expect(grovreForklaring('2016', '2016-H2', 'endast')).toBe(
      'Siffror märkta ”hela 2016” är rapporterade för hela 2016, inte för andra halvåret 2016: de visas men räknas inte in i perioden.',
    );
    expect(grovreForklaring('2016', '2016-H2', 'bredvid')).toBe(
      'Bredvid periodens siffra står ”hela 2016: …”: siffran för hela 2016, där andra halvåret 2016 redan ingår. De ska inte läggas ihop.',
    );
  });
});

describe('a period the page cannot read', () => {
  it('says which period is shown instead', () => {
    expect(olasbarPeriodText('2016-H3', '2016')).toBe(
      'Perioden ”2016-H3” i adressen går inte att läsa; visar 2016.',
    );
  });
});

describe('the police’s levels', () => {
  it('gives an environment row its level, a longer period’s labelled, else "Ej bedömd"', () => {
    const rad = (rapporteringsstatus: string, bosatta: string | null) => ({
      rapporteringsstatus,
      bosatta,
    });
    expect(nivaCell(rad('RAPPORTERAT', 'FATAL'))).toBe('Ett fåtal');
    expect(nivaCell(rad('RAPPORTERAT', 'OKAND'))).toBe('Okänt');
    expect(nivaCell(rad('RAPPORTERAT', null))).toBe('Ej bedömd');
    expect(nivaCell(rad('RAPPORTERAT_NOLL', null))).toBe('Ej bedömd');
    // The police reported nothing for the period: not a missing assessment but a missing report.
    expect(nivaCell(rad('EJ_RAPPORTERAT', null))).toBe('Ej rapporterat');
    expect(
      nivaCell({
        ...rad('RAPPORTERAT_GROVRE_PERIOD', null),
        grovrePeriod: '2016-H2',
        grovre: rad('RAPPORTERAT', 'NAGRA'),
      }),
    ).toBe('Några (hela andra halvåret 2016)');
    expect(nivaCell(null)).toBe('Ej tillgänglig just nu');
  });

  it('has one label per state, null being "Ej bedömd" and OKAND "Okänt"', () => {
    expect(nivaText(null)).toBe('Ej bedömd');
    expect(nivaText(undefined)).toBe('Ej bedömd');
    expect(nivaText('OKAND')).toBe('Okänt');
    expect(nivaText('INGA')).toBe('Inga');
    expect(nivaText('FATAL')).toBe('Ett fåtal');
    expect(nivaText('NAGRA')).toBe('Några');
    expect(nivaText('MANGA')).toBe('Många');
  });
});

describe('the SLA sentence', () => {
  const andel = (a: number) => ({
    andel: a,
    undertryckt: false,
    visning: `${Math.round(a * 100)} %`,
  });
  const DOLD_ANDEL = { andel: null, undertryckt: true, visning: 'ej redovisad' };
  const INGEN_ANDEL = { andel: null, undertryckt: false, visning: '–' };
  const sla = (s: Partial<SlaVarde>): SlaVarde => ({
    uppfyllt: visad(0),
    ejUppfyllt: visad(0),
    okant: visad(0),
    andelUppfyllt: INGEN_ANDEL,
    kanda: visad(0),
    totalt: visad(0),
    ...s,
  });
  const VAD = 'sanerat inom 24 timmar';

  it('says the denominator, and how many lack a time', () => {
    expect(
      slaMening(
        sla({
          uppfyllt: visad(1),
          okant: visad(4),
          kanda: visad(1),
          totalt: visad(5),
          andelUppfyllt: andel(1),
        }),
        VAD,
      ),
    ).toBe(
      'Sanerat inom 24 timmar i 1 av 1 anmälan med känd tid (100 %); 4 av 5 anmälningar saknar tid.',
    );
  });

  it('leaves out the missing times when every report has one', () => {
    expect(
      slaMening(
        sla({
          uppfyllt: visad(9),
          ejUppfyllt: visad(3),
          kanda: visad(12),
          totalt: visad(12),
          andelUppfyllt: andel(0.75),
        }),
        VAD,
      ),
    ).toBe('Sanerat inom 24 timmar i 9 av 12 anmälningar med känd tid (75 %).');
    expect(
      slaMening(
        sla({
          uppfyllt: visad(0),
          ejUppfyllt: visad(12),
          kanda: visad(12),
          totalt: visad(12),
          andelUppfyllt: andel(0),
        }),
        VAD,
      ),
    ).toBe('Sanerat inom 24 timmar i 0 av 12 anmälningar med känd tid (0 %).');
  });

  it('reads a hidden share and hidden counts as Swedish', () => {
    const mening = slaMening(
      sla({
        uppfyllt: FATAL,
        ejUppfyllt: visad(6),
        okant: FATAL,
        kanda: visad(8),
        totalt: visad(10),
        andelUppfyllt: DOLD_ANDEL,
      }),
      VAD,
    );
    expect(mening).toBe(
      'Sanerat inom 24 timmar i ett fåtal av 8 anmälningar med känd tid (andelen ej redovisad); ett fåtal av 10 anmälningar saknar tid.',
    );
    expect(mening).not.toContain('i ej redovisad');
    expect(
      slaMening(
        sla({
          uppfyllt: FATAL,
          ejUppfyllt: visad(0),
          kanda: FATAL,
          totalt: FATAL,
          andelUppfyllt: DOLD_ANDEL,
        }),
        VAD,
      ),
    ).toBe(
      'Sanerat inom 24 timmar i ett fåtal av ett fåtal anmälningar med känd tid (andelen ej redovisad).',
    );
  });

  it('says that no share can be given when no time is known', () => {
    const ingen = slaMening(sla({ okant: visad(5), totalt: visad(5) }), VAD);
    expect(ingen).toBe(
      'Sanerat inom 24 timmar: kan inte anges, tid saknas för alla 5 anmälningar.',
    );
    expect(ingen).not.toContain('okänd andel');
    expect(slaMening(sla({ okant: visad(1), totalt: visad(1) }), VAD)).toBe(
      'Sanerat inom 24 timmar: kan inte anges, tid saknas för den enda anmälan.',
    );
    expect(slaMening(sla({ okant: FATAL, totalt: FATAL }), VAD)).toBe(
      'Sanerat inom 24 timmar: kan inte anges, tid saknas för alla anmälningar (fåtal).',
    );
  });

  it('says when there was nothing to measure', () => {
    expect(slaMening(sla({}), 'entreprenör på plats inom 3 arbetstimmar')).toBe(
      'Entreprenör på plats inom 3 arbetstimmar: inga anmälningar under perioden.',
    );
  });
});

describe('a comparison with the previous period', () => {
  const rapporterat = { rapporteringsstatus: 'RAPPORTERAT' };

  it('compares only counts reported on both sides', () => {
    expect(
      jamfor(
        { period: '2016', avsnitt: rapporterat, tal: visad(3) },
        { period: '2015', avsnitt: rapporterat, tal: visad(1) },
      ),
    ).toEqual({ nu: '3', fore: '1', forandring: '+2', jamforbar: true });
    expect(
      jamfor(
        { period: '2016', avsnitt: rapporterat, tal: visad(1) },
        { period: '2015', avsnitt: rapporterat, tal: visad(4) },
      ).forandring,
    ).toBe('−3');
    // A reported zero is compared as 0.
    expect(
      jamfor(
        { period: '2016', avsnitt: { rapporteringsstatus: 'RAPPORTERAT_NOLL' }, tal: visad(0) },
        { period: '2015', avsnitt: { rapporteringsstatus: 'RAPPORTERAT_NOLL' }, tal: visad(0) },
      ),
    ).toEqual({ nu: '0', fore: '0', forandring: '±0', jamforbar: true });
  });

  it('never compares against a missing report, and says why not', () => {
    expect(
      jamfor(
        { period: '2016', avsnitt: rapporterat, tal: visad(3) },
        { period: '2015', avsnitt: { rapporteringsstatus: 'EJ_RAPPORTERAT' }, tal: null },
      ),
    ).toEqual({
      nu: '3',
      fore: 'Ej rapporterat',
      forandring: '2015: ej rapporterat',
      jamforbar: false,
    });
    // A 0 that came with a missing report is not a number to subtract from either.
    expect(
      jamfor(
        { period: '2016', avsnitt: rapporterat, tal: visad(3) },
        { period: '2015', avsnitt: { rapporteringsstatus: 'EJ_RAPPORTERAT' }, tal: visad(0) },
      ).forandring,
    ).toBe('2015: ej rapporterat');
    expect(
      jamfor(
        {
          period: '2016-H2',
          avsnitt: { rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD', grovrePeriod: '2016' },
          tal: null,
        },
        {
          period: '2016-H1',
          avsnitt: { rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD', grovrePeriod: '2016' },
          tal: null,
        },
      ),
    ).toEqual({
      nu: 'Rapporterat för hela 2016',
      fore: 'Rapporterat för hela 2016',
      forandring: '2016-H2 och 2016-H1: rapporterat för hela 2016',
      jamforbar: false,
    });
    expect(
      jamfor(
        { period: '2016', avsnitt: null, tal: null },
        { period: '2015', avsnitt: rapporterat, tal: visad(2) },
      ),
    ).toEqual({
      nu: 'Ej tillgänglig just nu',
      fore: '2',
      forandring: '2016: ej tillgänglig just nu',
      jamforbar: false,
    });
  });

  it('says each side’s reason when they differ', () => {
    expect(
      jamfor(
        {
          period: '2016-H2',
          avsnitt: { rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD', grovrePeriod: '2016' },
          tal: null,
        },
        { period: '2016-H1', avsnitt: { rapporteringsstatus: 'EJ_RAPPORTERAT' }, tal: null },
      ).forandring,
    ).toBe('2016-H2: rapporterat för hela 2016; 2016-H1: ej rapporterat');
  });

  it('does not compare a hidden count', () => {
    expect(
      jamfor(
        { period: '2016', avsnitt: rapporterat, tal: FATAL },
        { period: '2015', avsnitt: rapporterat, tal: visad(5) },
      ),
    ).toEqual({ nu: 'fåtal', fore: '5', forandring: '2016: fåtal', jamforbar: false });
    expect(
      jamfor(
        { period: '2016', avsnitt: rapporterat, tal: visad(5) },
        { period: '2015', avsnitt: rapporterat, tal: OKANT },
      ).forandring,
    ).toBe('2015: okänt antal');
  });
});

describe('the longer periods in words', () => {
  it('knows which period contains which', () => {
    expect(periodInnehaller('2016-H2', '2016-Q3')).toBe(true);
    expect(periodInnehaller('2016-H2', '2016-11')).toBe(true);
    expect(periodInnehaller('2016-H2', '2016-H1')).toBe(false);
    expect(periodInnehaller('2016', '2016-H1')).toBe(true);
    expect(periodInnehaller('2016-H2', 'inte en period')).toBe(false);
  });

  it('explains each label once, the figures instead of the period’s first', () => {
    expect(
      grovreForklaringar(
        [
          { period: '2016', slag: 'bredvid' },
          { period: '2016-H2', slag: 'bedomning' },
          { period: '2016', slag: 'endast' },
          { period: '2016', slag: 'endast' },
        ],
        '2016-11',
      ),
    ).toEqual([
      'Siffror märkta ”hela 2016” är rapporterade för hela 2016, inte för november 2016: de visas men räknas inte in i perioden.',
      'Polisens bedömningar märkta ”hela andra halvåret 2016” gäller hela andra halvåret 2016, som november 2016 ingår i; polisen har ingen egen bedömning för november 2016.',
      'Bredvid periodens siffra står ”hela 2016: …”: siffran för hela 2016, där november 2016 redan ingår. De ska inte läggas ihop.',
    ]);
  });

  it('gives a graffiti reporter the same figures on the dashboard and in the report', () => {
    const rad = (rapporteringsstatus: string, n: number | null) => ({
      rapportor: 'X',
      namn: 'SISAB',
      rapporteringsstatus,
      antal: n === null ? null : { antal: n, undertryckt: false, visning: String(n) },
    });
    const egenOchAr = rapportorUppgift(rad('RAPPORTERAT', 1), rad('RAPPORTERAT', 4), '2016');
    expect(rapportorTillagg(egenOchAr)).toBe('1 · hela 2016: 4');
    expect(rapportorMening('Trafikkontoret', egenOchAr)).toBe(
      'Trafikkontoret: 1 anmälan (hela 2016: 4 anmälningar).',
    );
    const baraAret = rapportorUppgift(
      rad('RAPPORTERAT_GROVRE_PERIOD', null),
      rad('RAPPORTERAT_NOLL', 0),
      '2016',
    );
    expect(rapportorTillagg(baraAret)).toBe('0, hela 2016');
    expect(rapportorMening('SISAB', baraAret)).toBe(
      'SISAB: rapporterat för hela 2016 — 0 anmälningar under hela 2016.',
    );
    const lika = rapportorUppgift(rad('RAPPORTERAT', 4), rad('RAPPORTERAT', 4), '2016');
    expect(rapportorTillagg(lika)).toBe('4');
    expect(rapportorMening('Trafikkontoret', lika)).toBe('Trafikkontoret: 4 anmälningar.');
    const noll = rapportorUppgift(rad('RAPPORTERAT_NOLL', 0), null, null);
    expect(rapportorTillagg(noll)).toBeNull();
    expect(rapportorMening('SISAB', noll)).toBe('SISAB: 0 anmälningar (rapporterat noll).');
    const ej = rapportorUppgift(rad('EJ_RAPPORTERAT', null), null, null);
    expect(rapportorMening('MTR', ej)).toBe('MTR: ej rapporterat.');
  });
});
