/**
 * The reviewer's attack on a year and its halves. When the year and both halves are
 * reported (RAPPORTERAT, grovrePeriod null), a reader is taken to know how many records are
 * dated only to the year — 0 here — so year − H1 is H2: 2021 = 9 and 2021-H1 = 7 give
 * 2021-H2 = 2; 2019 = 6 with both halves "fåtal" gives 3 + 3. Every adoption order goes
 * through the capture (`underlagAv`) and the suppression, and the attacker is given the
 * sums with their known rests, written here by hand from the records, not from the capture.
 */
import { MILJOER, parsePeriod } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import type { PubliceratInnehall, Relation, Underlag } from './modell';
import {
  angriparensIntervall,
  type PubliceradVersion,
  SkyddError,
  skyddaVidFaststallande,
} from './skydd';
import { type LagesbildSvar, lankadePerioder, underlagAv } from './underlag';

const T = 3;

type Publicerad = PubliceratInnehall['celler'][number];

const antal = (n: number) => ({ antal: n, undertryckt: false, visning: String(n) });

const EJ = { rapporteringsstatus: 'EJ_RAPPORTERAT', grovrePeriod: null, grovre: null };

/**
 * The gateway's answer for one period in which only förvaltning reported: its incidents per
 * environment (none without one), no contacts, no field observations.
 */
function forvaltning(period: string, incidenter: Record<string, number>): LagesbildSvar {
  const total = Object.values(incidenter).reduce((s, n) => s + n, 0);
  const status = (n: number) => (n > 0 ? 'RAPPORTERAT' : 'RAPPORTERAT_NOLL');
  return {
    omradeId: 'norrmalm',
    period,
    forvaltning: {
      rapporteringsstatus: status(total),
      grovrePeriod: null,
      grovre: null,
      incidenterAntal: antal(total),
      kontakterAntal: null,
    },
    polis: { ...EJ },
    skolor: { ...EJ },
    klotter: { ...EJ, perRapportor: [] },
    miljoer: MILJOER.map((miljo) => ({
      miljo,
      forvaltning: {
        rapporteringsstatus: status(incidenter[miljo] ?? 0),
        grovrePeriod: null,
        grovre: null,
        incidenterAntal: antal(incidenter[miljo] ?? 0),
        kontakterAntal: null,
        faltobservationerAntal: null,
      },
      polis: { ...EJ },
      skolor: { ...EJ },
      klotter: { ...EJ },
    })),
  } as LagesbildSvar;
}

/** A year and its halves: förvaltning's incidents per environment, and those dated only to the year. */
interface Varld {
  ar: string;
  halvar: Record<'H1' | 'H2', Record<string, number>>;
  baraAr: Record<string, number>;
}

function svarAv(v: Varld): Record<string, LagesbildSvar> {
  const ar: Record<string, number> = {};
  for (const m of MILJOER) {
    ar[m] = (v.halvar.H1[m] ?? 0) + (v.halvar.H2[m] ?? 0) + (v.baraAr[m] ?? 0);
  }
  return {
    [v.ar]: forvaltning(v.ar, ar),
    [`${v.ar}-H1`]: forvaltning(`${v.ar}-H1`, v.halvar.H1),
    [`${v.ar}-H2`]: forvaltning(`${v.ar}-H2`, v.halvar.H2),
  };
}

function underlagFor(v: Varld, period: string): Underlag {
  const svar = svarAv(v);
  const [a, b] = lankadePerioder(parsePeriod(period)).map((p) => svar[p.text] as LagesbildSvar);
  return underlagAv(
    { period: svar[period] as LagesbildSvar, lankad1: a ?? null, lankad2: b ?? null },
    'norrmalm',
    period,
    '2022-01-10T08:00:00.000Z',
  );
}

/** The true counts, by cell id: what the capture reads from the answers. */
function sanningAv(v: Varld): Map<string, number> {
  const ut = new Map<string, number>();
  for (const p of [v.ar, `${v.ar}-H1`, `${v.ar}-H2`]) {
    for (const c of underlagFor(v, p).celler) {
      if (c.partner === 'forvaltning' && c.varde !== null) ut.set(c.id, c.varde);
    }
  }
  return ut;
}

/**
 * What the reader knows of the year and its halves, written from the records: year = H1 +
 * H2 + the records dated only to the year, for the total and every environment.
 */
function kandaPeriodsummor(v: Varld): Relation[] {
  const id = (p: string, d: string) => `${p}|forvaltning|incidenter|${d}`;
  const baraAr = (m: string | null) =>
    m === null ? Object.values(v.baraAr).reduce((s, n) => s + n, 0) : (v.baraAr[m] ?? 0);
  return [null, ...MILJOER].map((m) => {
    const d = m === null ? 'total' : `miljo=${m}`;
    return {
      summa: id(v.ar, d),
      delar: [id(`${v.ar}-H1`, d), id(`${v.ar}-H2`, d)],
      rest: 'kand',
      restVarde: baraAr(m),
    };
  });
}

interface Antagen {
  period: string;
  underlag: Underlag;
  celler: Publicerad[];
}

/** Adopts the periods in the order given, each against the ones before, as faststall does. */
async function antaIOrdning(v: Varld, ordning: string[]): Promise<Antagen[]> {
  const antagna: Antagen[] = [];
  for (const period of ordning) {
    const underlag = underlagFor(v, period);
    const tidigare: PubliceradVersion[] = antagna.map((a) => ({
      celler: a.celler,
      relationer: a.underlag.relationer,
      troskel: T,
    }));
    const celler = await skyddaVidFaststallande(underlag, tidigare, T);
    antagna.push({ period, underlag, celler });
  }
  return antagna;
}

/**
 * What the attacker can pin: every cell of 1…t, hidden or not yet published, whose interval,
 * given every published cell, every sum the captures hold and the known period rests, is
 * one value.
 */
async function fastlasta(v: Varld, antagna: Antagen[]): Promise<string[]> {
  const sanning = sanningAv(v);
  const publicerat: PubliceradVersion[] = antagna.map((a) => ({
    celler: a.celler,
    relationer: [...a.underlag.relationer, ...a.underlag.lankade.relationer],
    troskel: T,
  }));
  publicerat.push({ celler: [], relationer: kandaPeriodsummor(v) });
  const ut: string[] = [];
  for (const [id, g] of await angriparensIntervall(publicerat, T, sanning.keys())) {
    const s = sanning.get(id);
    if (s === undefined) continue;
    if (s < g.lo || s > g.hi) ut.push(`${id}: ${s} utanför [${g.lo}, ${g.hi}]`);
    if (s >= 1 && s <= T && g.lo >= g.hi) ut.push(`${id} = ${s} kan räknas ut`);
  }
  return ut;
}

/**
 * The reader's arithmetic on shown numbers only: for every cell id in the year and its
 * halves, year − H1 and year − H2 where both are shown, when the other half is hidden.
 */
function differenser(v: Varld, antagna: Antagen[]): string[] {
  const visat = new Map<string, number>();
  const dolt = new Set<string>();
  for (const a of antagna) {
    for (const c of a.celler) {
      if (c.antal !== null) visat.set(c.id, c.antal);
      else if (c.undertryckt !== null) dolt.add(c.id);
    }
  }
  const ut: string[] = [];
  for (const d of ['total', ...MILJOER.map((m) => `miljo=${m}`)]) {
    const id = (p: string) => `${p}|forvaltning|incidenter|${d}`;
    for (const [kand, okand] of [
      ['H1', 'H2'],
      ['H2', 'H1'],
    ]) {
      const ar = visat.get(id(v.ar));
      const halv = visat.get(id(`${v.ar}-${kand}`));
      if (ar === undefined || halv === undefined || !dolt.has(id(`${v.ar}-${okand}`))) continue;
      const rest = ar - halv;
      if (rest >= 1 && rest <= T) ut.push(`${id(`${v.ar}-${okand}`)} = ${ar} − ${halv} = ${rest}`);
    }
  }
  return ut;
}

function permutationer<X>(xs: X[]): X[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutationer([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

const FALL: {
  namn: string;
  varld: Varld;
  /** The period whose total (and AUTONOMA) is hidden as "ej redovisad", by adoption order. */
  dold: (ordning: string[]) => string;
}[] = [
  {
    // 9 incidents in 2021 about the autonomous environment: 7 in H1, 2 in H2. Of the year
    // and H1, the one adopted first hides its number, so that the other can show its own.
    namn: '2021: 9, H1 7, H2 2',
    varld: { ar: '2021', halvar: { H1: { AUTONOMA: 7 }, H2: { AUTONOMA: 2 } }, baraAr: {} },
    dold: (ordning) => ordning.find((p) => p === '2021' || p === '2021-H1') as string,
  },
  {
    // 6 in 2019, both halves "fåtal": 3 + 3. The year is hidden, whatever the order.
    namn: '2019: 6, H1 3, H2 3',
    varld: { ar: '2019', halvar: { H1: { AUTONOMA: 3 }, H2: { AUTONOMA: 3 } }, baraAr: {} },
    dold: () => '2019',
  },
];

for (const { namn, varld, dold } of FALL) {
  const perioder = [varld.ar, `${varld.ar}-H1`, `${varld.ar}-H2`];

  describe(`the reviewer's attack with a known period rest of 0 — ${namn}`, () => {
    it('is real: primary suppression alone lets year − H1 pin a half', async () => {
      const naiv = perioder.map((p) => ({
        celler: underlagFor(varld, p).celler.map(
          (c): Publicerad =>
            c.varde !== null && c.varde >= 1 && c.varde <= T
              ? { ...c, antal: null, visning: 'fåtal', undertryckt: 'PRIMAR' }
              : { ...c, antal: c.varde, visning: String(c.varde), undertryckt: null },
        ),
        underlag: underlagFor(varld, p),
        period: p,
      }));
      expect(await fastlasta(varld, naiv)).not.toEqual([]);
    });

    it('is what the capture says: every section reported, none for a longer period', () => {
      for (const p of perioder) {
        const u = underlagFor(varld, p);
        expect(u.avsnitt[0]).toEqual({
          partner: 'forvaltning',
          rapporteringsstatus: 'RAPPORTERAT',
          grovrePeriod: null,
        });
        // The year ties to its halves with the rest the reader knows: nothing dated only to it.
        expect([...u.relationer, ...u.lankade.relationer]).toEqual(
          expect.arrayContaining(kandaPeriodsummor(varld)),
        );
      }
    });

    for (const ordning of permutationer(perioder)) {
      it(`pins nothing when adopted in the order ${ordning.join(', ')}`, async () => {
        const antagna = await antaIOrdning(varld, ordning);
        const sanning = sanningAv(varld);
        for (let i = 1; i <= antagna.length; i++) {
          expect(await fastlasta(varld, antagna.slice(0, i))).toEqual([]);
          expect(differenser(varld, antagna.slice(0, i))).toEqual([]);
        }
        for (const a of antagna) {
          for (const c of a.celler) {
            if (c.antal !== null) expect(c.antal, c.id).toBe(sanning.get(c.id));
            if (/\|(total|miljo=AUTONOMA)$/.test(c.id) && (sanning.get(c.id) ?? 0) > T) {
              expect(c.undertryckt, c.id).toBe(a.period === dold(ordning) ? 'SEKUNDAR' : null);
            }
          }
        }
      });
    }
  });
}

describe('records dated only to the year: a rest the reader knows', () => {
  // 2021: 4 VIT_MAKT incidents, 2 in each half, and 1 AUTONOMA incident dated only to the
  // year. Once both halves show AUTONOMA 0 beside the year, 0 + 0 + 1 gives the year's 1.
  const varld: Varld = {
    ar: '2021',
    halvar: { H1: { VIT_MAKT: 2 }, H2: { VIT_MAKT: 2 } },
    baraAr: { AUTONOMA: 1 },
  };
  const perioder = [varld.ar, `${varld.ar}-H1`, `${varld.ar}-H2`];

  it('captures the year and its halves with the known rest', () => {
    const u = underlagFor(varld, '2021-H2');
    expect(u.lankade.relationer).toContainEqual({
      summa: '2021|forvaltning|incidenter|miljo=AUTONOMA',
      delar: [
        '2021-H1|forvaltning|incidenter|miljo=AUTONOMA',
        '2021-H2|forvaltning|incidenter|miljo=AUTONOMA',
      ],
      rest: 'kand',
      restVarde: 1,
    });
  });

  for (const ordning of permutationer(perioder)) {
    // Whatever the order, the second half-year adopted shows AUTONOMA 0 (a zero is never
    // hidden) beside the other half's 0, and the year's 1 can be worked out: that adoption is
    // refused, and the message tells the council to have the record dated or to wait.
    const vagrad = ordning.filter((p) => p !== varld.ar)[1] as string;
    it(`in the order ${ordning.join(', ')} refuses ${vagrad}, naming the year's AUTONOMA`, async () => {
      const fore = ordning.slice(0, ordning.indexOf(vagrad));
      const antagna = await antaIOrdning(varld, fore);
      expect(await fastlasta(varld, antagna)).toEqual([]);
      const fel = await antaIOrdning(varld, [...fore, vagrad]).catch((e: unknown) => e);
      expect(fel).toBeInstanceOf(SkyddError);
      expect((fel as SkyddError).cell).toBe('2021|forvaltning|incidenter|miljo=AUTONOMA');
      expect((fel as SkyddError).message).toBe(
        'Kan inte fastställas utan att ett litet antal kan räknas ut: forvaltning · incidenter · ' +
          'AUTONOMA (2021), eftersom det är känt hur många poster som bara är daterade till ' +
          'året 2021 och inte till ett halvår. Be uppgiftsägaren datera dem till halvår och gör ' +
          `ett nytt utkast, eller avvakta med att fastställa ${vagrad}.`,
      );
      // The rest can still be adopted: only the second half-year is held back.
      const utan = await antaIOrdning(
        varld,
        ordning.filter((p) => p !== vagrad),
      );
      expect(utan).toHaveLength(2);
      expect(await fastlasta(varld, utan)).toEqual([]);
    });
  }
});
