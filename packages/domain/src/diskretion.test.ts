import { describe, expect, it } from 'vitest';
import {
  DiskretionError,
  harDiskretionsbehorighet,
  parseDiskretionTroskel,
  procentVisning,
  skyddaAndel,
  skyddaAntal,
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
