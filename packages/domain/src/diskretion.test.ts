import { describe, expect, it } from 'vitest';
import {
  DiskretionError,
  harDiskretionsbehorighet,
  parseDiskretionTroskel,
  procentVisning,
  skyddaAndel,
  skyddaAntal,
  skyddaFordelning,
} from './diskretion';
import { Roll } from './roller';

const utan = { behorig: false, troskel: 3 };
const med = { behorig: true, troskel: 3 };

describe('skyddaAntal', () => {
  it('shows 1, 2 and 3 as "fåtal" to a reader without clearance, with the number withheld', () => {
    for (const n of [1, 2, 3]) {
      expect(skyddaAntal(n, utan)).toEqual({ antal: null, undertryckt: true, visning: 'fåtal' });
    }
  });

  it('shows 0 as 0: a zero points at no one', () => {
    expect(skyddaAntal(0, utan)).toEqual({ antal: 0, undertryckt: false, visning: '0' });
  });

  it('shows counts above the threshold as they are', () => {
    expect(skyddaAntal(4, utan)).toEqual({ antal: 4, undertryckt: false, visning: '4' });
    expect(skyddaAntal(120, utan)).toEqual({ antal: 120, undertryckt: false, visning: '120' });
  });

  it('shows every count to a reader with clearance', () => {
    expect(skyddaAntal(1, med)).toEqual({ antal: 1, undertryckt: false, visning: '1' });
    expect(skyddaAntal(3, med)).toEqual({ antal: 3, undertryckt: false, visning: '3' });
  });

  it('follows the threshold it is given', () => {
    expect(skyddaAntal(4, { behorig: false, troskel: 5 }).undertryckt).toBe(true);
    expect(skyddaAntal(6, { behorig: false, troskel: 5 }).antal).toBe(6);
    expect(skyddaAntal(2, { behorig: false, troskel: 1 }).antal).toBe(2);
    expect(skyddaAntal(1, { behorig: false, troskel: 1 }).visning).toBe('fåtal');
  });

  it('refuses what is not a count', () => {
    expect(() => skyddaAntal(-1, utan)).toThrow(DiskretionError);
    expect(() => skyddaAntal(1.5, utan)).toThrow('Ett antal är ett heltal från 0, inte 1.5.');
  });
});

describe('skyddaAndel', () => {
  it('suppresses a share whose numerator is suppressed', () => {
    expect(skyddaAndel(1, 6, utan)).toEqual({
      andel: null,
      undertryckt: true,
      visning: 'ej redovisad',
    });
  });

  it('suppresses a share whose denominator is suppressed, even with a zero numerator', () => {
    expect(skyddaAndel(0, 2, utan)).toEqual({
      andel: null,
      undertryckt: true,
      visning: 'ej redovisad',
    });
  });

  it('shows a share of unsuppressed counts, as whole percent', () => {
    expect(skyddaAndel(0, 6, utan)).toEqual({ andel: 0, undertryckt: false, visning: '0 %' });
    expect(skyddaAndel(4, 6, utan)).toEqual({
      andel: 4 / 6,
      undertryckt: false,
      visning: '67 %',
    });
  });

  it('shows every share to a reader with clearance', () => {
    expect(skyddaAndel(1, 6, med)).toEqual({
      andel: 1 / 6,
      undertryckt: false,
      visning: '17 %',
    });
  });

  it('has no share of nothing', () => {
    expect(skyddaAndel(0, 0, utan)).toEqual({ andel: null, undertryckt: false, visning: '–' });
  });

  it('refuses a numerator above its denominator', () => {
    expect(() => skyddaAndel(7, 6, med)).toThrow('Täljaren 7 är större än nämnaren 6.');
    expect(() => skyddaAndel(-1, 6, med)).toThrow(DiskretionError);
  });

  it('formats percent the Swedish way', () => {
    expect(procentVisning(0.5)).toBe('50 %');
    expect(procentVisning(1)).toBe('100 %');
  });
});

describe('clearance and threshold configuration', () => {
  it('grants clearance when any role is on the owner’s list', () => {
    const skoldata = [Roll.UTBILDNINGSFORVALTNING, Roll.ADMIN];
    expect(harDiskretionsbehorighet([], skoldata)).toBe(false);
    expect(harDiskretionsbehorighet([Roll.RADET], skoldata)).toBe(false);
    expect(harDiskretionsbehorighet([Roll.RADET, Roll.ADMIN], skoldata)).toBe(true);
  });

  it('reads the threshold from configuration, 3 when unset', () => {
    expect(parseDiskretionTroskel(undefined)).toBe(3);
    expect(parseDiskretionTroskel('')).toBe(3);
    expect(parseDiskretionTroskel(' 5 ')).toBe(5);
    expect(parseDiskretionTroskel(2)).toBe(2);
  });

  it('refuses a threshold that would silently show small counts', () => {
    for (const bad of ['0', '-1', 'tre', '2.5']) {
      expect(() => parseDiskretionTroskel(bad)).toThrow(
        `Ogiltig diskretionströskel "${bad}": ange ett heltal från 1 (standard 3).`,
      );
    }
  });
});

describe('skyddaFordelning', () => {
  const visningar = (f: { celler: readonly { visning: string }[]; total: { visning: string } }) => [
    f.celler.map((c) => c.visning),
    f.total.visning,
  ];

  it('hides the next smallest cell when one "fåtal" cell would follow from the total (the seed: Norrmalm 2016)', () => {
    const f = skyddaFordelning({ OSPECIFICERAD: 5, VIT_MAKT: 1, ISLAMISM: 0 }, 6, utan);
    expect(f.celler.VIT_MAKT).toEqual({ antal: null, undertryckt: true, visning: 'fåtal' });
    expect(f.celler.OSPECIFICERAD).toEqual({
      antal: null,
      undertryckt: true,
      visning: 'ej redovisad',
    });
    expect(f.celler.ISLAMISM).toEqual({ antal: 0, undertryckt: false, visning: '0' });
    expect(f.total).toEqual({ antal: 6, undertryckt: false, visning: '6' });
  });

  it('hides the smallest shown cell, not a larger one', () => {
    const f = skyddaFordelning([40, 2, 7, 12], 61, utan);
    expect(visningar(f)).toEqual([['40', 'fåtal', 'ej redovisad', '12'], '61']);
  });

  it('hides the total when every non-zero cell is small and their sum is small', () => {
    const f = skyddaFordelning([1, 1, 0], 2, utan);
    expect(visningar(f)).toEqual([['fåtal', 'fåtal', '0'], 'fåtal']);
    expect(f.total.antal).toBeNull();
  });

  it('keeps the total when the small cells leave each other undetermined', () => {
    // 2 + 2 = 4: each cell could be 1, 2 or 3.
    const f = skyddaFordelning([2, 2], 4, utan);
    expect(visningar(f)).toEqual([['fåtal', 'fåtal'], '4']);
  });

  it('hides more until no small cell is pinned down by its bounds', () => {
    // 3 + 1 = 4 with one more small cell: 4 − (1…3) leaves both undetermined; but
    // [3, 3] with total 6 would pin both to 3 (each at most 3).
    expect(visningar(skyddaFordelning([3, 3, 10], 16, utan))).toEqual([
      ['fåtal', 'fåtal', 'ej redovisad'],
      '16',
    ]);
  });

  it('with one cell only, hides the total when the cell is small', () => {
    expect(visningar(skyddaFordelning([2], 2, utan))).toEqual([['fåtal'], 'fåtal']);
    expect(visningar(skyddaFordelning([5], 5, utan))).toEqual([['5'], '5']);
  });

  it('hides the total as "ej redovisad" when no cell is left to hide and it is not small', () => {
    // 1 and 9 hidden, total 10: the only other non-zero cell is hidden, then the total.
    const f = skyddaFordelning([1, 9, 0], 10, utan);
    expect(visningar(f)).toEqual([['fåtal', 'ej redovisad', '0'], '10']);
    expect(visningar(skyddaFordelning([1, 0], 10, utan))).toEqual([['fåtal', '0'], 'ej redovisad']);
  });

  it('shows everything with threshold 0 and to a cleared reader', () => {
    const f = { OSPECIFICERAD: 5, VIT_MAKT: 1 };
    for (const d of [{ behorig: false, troskel: 0 }, med]) {
      const s = skyddaFordelning(f, 6, d);
      expect(s.celler.VIT_MAKT).toEqual({ antal: 1, undertryckt: false, visning: '1' });
      expect(s.total).toEqual({ antal: 6, undertryckt: false, visning: '6' });
    }
  });

  it('never lets total minus the shown cells equal a hidden small cell', () => {
    for (const celler of [
      [1, 5],
      [1, 4, 4],
      [2, 0, 7, 1],
      [3, 30],
      [1, 2, 3],
      [1, 1, 50],
    ]) {
      const total = celler.reduce((s, v) => s + v, 0);
      const f = skyddaFordelning(celler, total, utan);
      const dolda = f.celler.filter((c) => c.undertryckt).length;
      if (f.total.antal === null) continue;
      expect(dolda).not.toBe(1);
      const rest = f.total.antal - f.celler.reduce((s, c) => s + (c.antal ?? 0), 0);
      expect(rest === 0 || rest > 3).toBe(true);
    }
  });

  it('with the total hidden elsewhere, hides one non-zero cell so the cells do not add up to it', () => {
    const inom = { lo: 4, hi: Number.POSITIVE_INFINITY };
    const f = skyddaFordelning([10, 0, 7], 17, utan, { totalDoldInom: inom });
    expect(visningar(f)).toEqual([['10', '0', 'ej redovisad'], 'ej redovisad']);
    const g = skyddaFordelning([10, 2], 12, utan, { totalDoldInom: inom });
    expect(visningar(g)).toEqual([['10', 'fåtal'], 'ej redovisad']);
    // Known elsewhere to be 10…12: 10 shown would leave the small cell 0…2, so it goes too.
    const h = skyddaFordelning([10, 2], 12, utan, { totalDoldInom: { lo: 10, hi: 12 } });
    expect(visningar(h)).toEqual([['ej redovisad', 'fåtal'], 'ej redovisad']);
    expect(visningar(skyddaFordelning([10, 2], 12, med, { totalDoldInom: inom }))).toEqual([
      ['10', '2'],
      '12',
    ]);
  });

  it('tells what a reader can bound each cell to', () => {
    const f = skyddaFordelning({ OSPECIFICERAD: 5, VIT_MAKT: 1, ISLAMISM: 0 }, 6, utan);
    expect(f.granser).toEqual({
      OSPECIFICERAD: { lo: 4, hi: 5 },
      VIT_MAKT: { lo: 1, hi: 2 },
      ISLAMISM: { lo: 0, hi: 0 },
    });
    expect(f.totalGranser).toEqual({ lo: 6, hi: 6 });
  });

  it('refuses cells that add up to more than the total, and non-counts', () => {
    expect(() => skyddaFordelning([3, 4], 6, utan)).toThrow(DiskretionError);
    expect(() => skyddaFordelning([-1], 6, utan)).toThrow(DiskretionError);
  });
});
