import { describe, expect, it } from 'vitest';
import { bild2016 } from './exempel.test-data';
import { hotspots } from './hotspots';

const PARK = { id: 'observatorielunden', namn: 'Observatorielunden' };
const PARKLEK = { id: 'observatorielundens-parklek', namn: 'Observatorielundens parklek' };
const NEDGANG = {
  id: 'nedre-observatorielunden-tunnelbanenedgangen',
  namn: 'Nedre Observatorielunden, tunnelbanenedgången',
};

describe('places in more than one partner’s data', () => {
  it('counts a place’s parts as the larger place, with the parts named', () => {
    const l = bild2016();
    // Klotter at the playground (in the fixture) and at the metro entrance; the police at the
    // park itself.
    l.klotter!.anmalningar.anmalningar.push({
      rapportor: 'MTR',
      kategori: 'STOTANDE',
      miljo: 'OSPECIFICERAD',
      innehall: 'Utpekande av ett förtryckt folk',
      platsText: NEDGANG.namn,
      plats: { ...NEDGANG, delAv: PARK },
    });
    l.polis!.handelser.push({
      typ: 'ORO',
      rubrik: 'Bråk i parken',
      datum: '2016-06-01',
      period: '2016',
      miljo: 'VIT_MAKT',
      vald: true,
      beskrivning: 'Bråk.',
      platser: [{ ...PARK, delAv: null }],
    });
    expect(hotspots(l)).toEqual([
      {
        platsId: 'observatorielunden',
        namn: 'Observatorielunden',
        delar: [NEDGANG.namn, PARKLEK.namn],
        uppgifter: [
          { partner: 'polis', partnerNamn: 'Polisen', vad: ['Bråk i parken (våld)'] },
          {
            partner: 'klotter',
            partnerNamn: 'Klotter (trafikkontoret, SISAB, MTR)',
            vad: [
              `Klotter: Sieg Heil (${PARKLEK.namn})`,
              `Klotter: Utpekande av ett förtryckt folk (${NEDGANG.namn})`,
            ],
          },
        ],
      },
    ]);
  });

  it('finds the larger place in the area’s register when the answer names only the part', () => {
    const l = bild2016();
    l.omrade.platser = [
      { ...PARK, delAv: null },
      { ...PARKLEK, delAv: PARK },
    ];
    const anmalan = l.klotter!.anmalningar.anmalningar[0]!;
    anmalan.plats = { id: PARKLEK.id, namn: PARKLEK.namn };
    l.forvaltning!.incidenter[0]!.plats = { ...PARK, delAv: null };
    expect(hotspots(l)).toEqual([
      {
        platsId: 'observatorielunden',
        namn: 'Observatorielunden',
        delar: [PARKLEK.namn],
        uppgifter: [
          {
            partner: 'forvaltning',
            partnerNamn: 'Förvaltningen',
            vad: ['Incident: Skadegörelse utfördes på en dörr.'],
          },
          {
            partner: 'klotter',
            partnerNamn: 'Klotter (trafikkontoret, SISAB, MTR)',
            vad: [`Klotter: Sieg Heil (${PARKLEK.namn})`],
          },
        ],
      },
    ]);
  });

  it('does not make a hotspot of one partner’s records at two parts of a place', () => {
    const l = bild2016();
    l.klotter!.anmalningar.anmalningar.push({
      rapportor: 'MTR',
      kategori: 'STOTANDE',
      miljo: 'OSPECIFICERAD',
      innehall: 'Utpekande',
      platsText: NEDGANG.namn,
      plats: { ...NEDGANG, delAv: PARK },
    });
    expect(hotspots(l)).toEqual([]);
  });

  it('reads only the period’s own records, not a longer period’s', () => {
    const l = bild2016();
    l.polis = {
      ...l.polis!,
      handelser: [],
      grovrePeriod: '2016',
      grovre: { ...l.polis!, handelser: l.polis!.handelser },
    };
    l.forvaltning!.incidenter[0]!.plats = { id: 'sergels-torg', namn: 'Sergels torg', delAv: null };
    expect(hotspots(l)).toEqual([]);
  });
});
