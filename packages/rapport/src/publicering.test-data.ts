/**
 * A publication as PUBLICERING_RAPPORT answers it, for the report's and the page's unit
 * tests: Norrmalm 2016-H2 as the council adopted it, read by a reader not cleared for the
 * partners (SAMVERKANSPART) — small counts "fåtal", a derivable one "ej redovisad" — and
 * the same version as a cleared reader reads it. Written for the tests, in the contract's
 * shape; not the seed.
 */
import type { PubliceradCellSvar, Publicering } from './publicering';

const HASH = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

function cell(
  id: string,
  visning: string,
  antal: number | null,
  undertryckt: 'PRIMAR' | 'SEKUNDAR' | null = null,
): PubliceradCellSvar {
  const [period = '', , matt = '', del = ''] = id.split('|');
  const [dimension = 'total', nyckel = null] = del.split('=');
  return {
    id,
    period,
    matt,
    dimension,
    nyckel,
    antal,
    visning,
    undertryckt,
    rapporteringsstatus: 'RAPPORTERAT',
  };
}

/** Version 1 of 2016-H2 as a reader not cleared for any partner reads it. */
export function publicering2016H2(): Publicering {
  return {
    id: 'pub-norrmalm-2016-H2-1',
    omradeId: 'norrmalm',
    period: '2016-H2',
    version: 1,
    status: 'FASTSTALLD',
    skapad: '2016-12-01T09:00:00.000Z',
    faststalld: '2016-12-14',
    mote: 'Trygghets- och säkerhetsrådets möte 14 december 2016',
    rattelseOrsak: null,
    foregaendeVersion: null,
    ersattAv: null,
    troskel: 3,
    hash: HASH,
    bekraftelser: [
      {
        partner: 'forvaltning',
        partnerNamn: 'Förvaltningen',
        bekraftad: true,
        roll: 'SAMORDNARE',
        tid: '2016-12-05T10:00:00.000Z',
        kommentar: null,
      },
      {
        partner: 'polis',
        partnerNamn: 'Polisen',
        bekraftad: true,
        roll: 'POLIS',
        tid: '2016-12-06T14:30:00.000Z',
        kommentar: 'Enligt underrättelseenhetens rapport december 2016.',
      },
      {
        partner: 'skolor',
        partnerNamn: 'Skolorna',
        bekraftad: true,
        roll: 'UTBILDNINGSFORVALTNING',
        tid: '2016-12-07T08:15:00.000Z',
        kommentar: null,
      },
      {
        partner: 'klotter',
        partnerNamn: 'Klotterrapportörerna',
        bekraftad: true,
        roll: 'TRAFIKKONTORET',
        tid: '2016-12-07T11:00:00.000Z',
        kommentar: null,
      },
    ],
    avsnitt: [
      {
        partner: 'forvaltning',
        partnerNamn: 'Förvaltningen',
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        grovrePeriod: '2016',
        celler: [
          cell('2016|forvaltning|incidenter|total', 'ej redovisad', null, 'SEKUNDAR'),
          cell('2016|forvaltning|incidenter|miljo=VIT_MAKT', 'fåtal', null, 'PRIMAR'),
          cell('2016|forvaltning|incidenter|miljo=ISLAMISTISK', '0', 0),
          cell('2016|forvaltning|kontakter|total', 'fåtal', null, 'PRIMAR'),
          cell('2016|forvaltning|kontakter|miljo=VIT_MAKT', '0', 0),
          cell('2016|forvaltning|kontakter|miljo=ISLAMISTISK', 'fåtal', null, 'PRIMAR'),
        ],
      },
      {
        partner: 'polis',
        partnerNamn: 'Polisen',
        rapporteringsstatus: 'RAPPORTERAT',
        grovrePeriod: null,
        celler: [
          cell('2016-H2|polis|handelser|total', 'fåtal', null, 'PRIMAR'),
          cell('2016-H2|polis|handelser|miljo=VIT_MAKT', 'fåtal', null, 'PRIMAR'),
          cell('2016-H2|polis|handelser|miljo=OSPECIFICERAD', 'fåtal', null, 'PRIMAR'),
        ],
      },
      {
        partner: 'skolor',
        partnerNamn: 'Skolorna',
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        grovrePeriod: '2016',
        celler: [
          cell('2016|skolor|besvaradeSkolor|total', '6', 6),
          cell('2016|skolor|skolorMedTecken|miljo=VIT_MAKT', 'fåtal', null, 'PRIMAR'),
        ],
      },
      {
        partner: 'klotter',
        partnerNamn: 'Klotterrapportörerna',
        rapporteringsstatus: 'EJ_RAPPORTERAT',
        grovrePeriod: null,
        celler: [],
      },
    ],
    nivaer: [
      {
        miljo: 'VIT_MAKT',
        bosatta: 'FATAL',
        folkbokforda: 'OKAND',
        utsattaForBrott: 'OKAND',
        resor: 'OKAND',
      },
      {
        miljo: 'ENSAMAGERANDE',
        bosatta: null,
        folkbokforda: null,
        utsattaForBrott: null,
        resor: null,
      },
    ],
    andringar: [],
  };
}

/** The same version as a reader cleared for every partner (RADET) reads it. */
export function publicering2016H2Behorig(): Publicering {
  const p = publicering2016H2();
  const sanna: Record<string, number> = {
    '2016|forvaltning|incidenter|total': 3,
    '2016|forvaltning|incidenter|miljo=VIT_MAKT': 3,
    '2016|forvaltning|kontakter|total': 1,
    '2016|forvaltning|kontakter|miljo=ISLAMISTISK': 1,
    '2016-H2|polis|handelser|total': 2,
    '2016-H2|polis|handelser|miljo=VIT_MAKT': 1,
    '2016-H2|polis|handelser|miljo=OSPECIFICERAD': 1,
    '2016|skolor|skolorMedTecken|miljo=VIT_MAKT': 1,
  };
  for (const a of p.avsnitt) {
    a.celler = a.celler.map((c) =>
      c.id in sanna ? { ...c, antal: sanna[c.id] ?? null, visning: String(sanna[c.id]) } : c,
    );
  }
  return { ...p, andratSedanFaststallandet: [] };
}

/** Version 2: a correction of version 1, which it replaced. */
export function publicering2016H2Version2(): { v1: Publicering; v2: Publicering } {
  const v1 = publicering2016H2();
  const v2: Publicering = {
    ...publicering2016H2(),
    id: 'pub-norrmalm-2016-H2-2',
    version: 2,
    faststalld: '2017-03-15',
    mote: 'Trygghets- och säkerhetsrådets möte 15 mars 2017',
    rattelseOrsak: 'Polisen registrerade en händelse i december i efterhand.',
    foregaendeVersion: { id: v1.id, version: 1, status: 'ERSATT', faststalld: '2016-12-14' },
    hash: 'b'.repeat(64),
    andringar: [
      {
        cell: '2016-H2|polis|handelser|total',
        rubrik: 'Polisen · händelser · totalt (2016-H2)',
        fran: 'fåtal',
        till: '4',
      },
    ],
  };
  return {
    v1: {
      ...v1,
      status: 'ERSATT',
      ersattAv: { id: v2.id, version: 2, status: 'FASTSTALLD', faststalld: '2017-03-15' },
    },
    v2,
  };
}
