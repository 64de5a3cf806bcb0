import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportera, innehallsHash, kanoniskJson, verifieraExport } from './export';
import type { PubliceratInnehall } from './modell';

const INNEHALL: PubliceratInnehall = {
  omradeId: 'norrmalm',
  period: '2016-H2',
  version: 2,
  faststalld: '2016-12-14',
  mote: 'Trygghets- och säkerhetsrådets möte 14 december 2016',
  troskel: 3,
  avsnitt: [{ partner: 'polis', rapporteringsstatus: 'RAPPORTERAT' as never, grovrePeriod: null }],
  celler: [
    {
      id: '2016-H2|polis|handelser|total',
      period: '2016-H2',
      partner: 'polis',
      matt: 'handelser',
      dimension: 'total',
      nyckel: null,
      status: 'RAPPORTERAT' as never,
      antal: 7,
      visning: '7',
      undertryckt: null,
    },
    {
      id: '2016-H2|polis|handelser|miljo=VIT_MAKT',
      period: '2016-H2',
      partner: 'polis',
      matt: 'handelser',
      dimension: 'miljo',
      nyckel: 'VIT_MAKT',
      status: 'RAPPORTERAT' as never,
      antal: null,
      visning: 'fåtal',
      undertryckt: 'PRIMAR',
    },
    {
      id: '2016|klotter|anmalningar|rapportor=SISAB',
      period: '2016',
      partner: 'klotter',
      matt: 'anmalningar',
      dimension: 'rapportor',
      nyckel: 'SISAB',
      status: 'RAPPORTERAT_NOLL' as never,
      antal: 0,
      visning: '0',
      undertryckt: null,
    },
  ],
  relationer: [{ summa: '2016-H2|polis|handelser|total', delar: ['x'], rest: 'kand' }],
  nivaer: [
    {
      miljo: 'VIT_MAKT',
      bosatta: 'FATAL',
      folkbokforda: null,
      utsattaForBrott: null,
      resor: 'OKAND',
    },
  ],
};

describe('the export of an adopted version', () => {
  it('is canonical JSON: sorted keys, no whitespace, whatever the order given', () => {
    expect(kanoniskJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'å' } })).toBe(
      '{"a":{"c":"å","d":[2,{"e":null,"f":1}]},"b":1}',
    );
    const omvand = Object.fromEntries(Object.entries(INNEHALL).reverse()) as PubliceratInnehall;
    expect(innehallsHash(omvand)).toBe(innehallsHash(INNEHALL));
  });

  it('carries its version and the sha256 of the rest of it', () => {
    const e = exportera(INNEHALL);
    const json = JSON.parse(e.json);
    expect(json.version).toBe(2);
    expect(json.hash).toBe(e.hash);
    const { hash: _h, ...rest } = json;
    expect(createHash('sha256').update(kanoniskJson(rest)).digest('hex')).toBe(e.hash);
    expect(verifieraExport(e.json)).toBe(true);
    expect(verifieraExport(e.json.replace('"antal":7', '"antal":8'))).toBe(false);
    expect(e.filnamn).toBe('lagesbild-norrmalm-2016-H2-v2.json');
  });

  it('writes one CSV per table, every row with version and hash', () => {
    const e = exportera(INNEHALL);
    const [totalt, miljo, rapportor, nivaer] = e.csv;
    expect(e.csv.map((c) => c.namn)).toEqual([
      'lagesbild-norrmalm-2016-H2-v2-totalt.csv',
      'lagesbild-norrmalm-2016-H2-v2-per-miljo.csv',
      'lagesbild-norrmalm-2016-H2-v2-per-rapportor.csv',
      'lagesbild-norrmalm-2016-H2-v2-polisens-nivaer.csv',
    ]);
    expect(totalt?.innehall).toBe(
      'version;sha256;omrade;publiceringsperiod;cell;period;avsnitt;matt;antal;visning;undertryckt;rapporteringsstatus\r\n' +
        `2;${e.hash};norrmalm;2016-H2;2016-H2|polis|handelser|total;2016-H2;polis;handelser;7;7;;RAPPORTERAT\r\n`,
    );
    expect(miljo?.innehall.split('\r\n')[1]).toBe(
      `2;${e.hash};norrmalm;2016-H2;2016-H2|polis|handelser|miljo=VIT_MAKT;2016-H2;polis;handelser;VIT_MAKT;;fåtal;PRIMAR;RAPPORTERAT`,
    );
    expect(rapportor?.innehall.split('\r\n')[0]).toContain(';matt;rapportor;antal;');
    expect(nivaer?.innehall.split('\r\n')[1]).toBe(
      `2;${e.hash};norrmalm;2016-H2;VIT_MAKT;FATAL;;;OKAND`,
    );
  });
});
