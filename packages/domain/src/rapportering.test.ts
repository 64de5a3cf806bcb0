import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period';
import { ejPaborjadPeriodFel, stockholmsDatum } from './rapportering';

describe('ejPaborjadPeriodFel: a period that has not begun cannot be reported', () => {
  const idag = '2026-12-01';
  it.each(['2031-H1', '2030', '2027', '2026-W50', '2027-01'])('refuses %s', (text) => {
    expect(ejPaborjadPeriodFel(parsePeriod(text), idag)).toBe(
      `Perioden ${parsePeriod(text).text} har inte börjat; det går inte att rapportera för den ännu.`,
    );
  });
  it.each(['2026', '2026-H2', '2026-12', '2026-W49', '2016-H2'])(
    'allows %s: over, or the current one',
    (text) => {
      expect(ejPaborjadPeriodFel(parsePeriod(text), idag)).toBeNull();
    },
  );
  it('the day a period begins it may be reported', () => {
    expect(ejPaborjadPeriodFel(parsePeriod('2031-H1'), '2031-01-01')).toBeNull();
    expect(ejPaborjadPeriodFel(parsePeriod('2031-H1'), '2030-12-31')).not.toBeNull();
  });
});

describe('stockholmsDatum', () => {
  it('is the Swedish calendar day, ahead of UTC around midnight', () => {
    expect(stockholmsDatum(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(stockholmsDatum(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(stockholmsDatum(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
