import { describe, expect, it } from 'vitest';
import {
  dayRange,
  isoWeekOf,
  type Period,
  PeriodError,
  parsePeriod,
  periodContains,
  previousPeriod,
  tryParsePeriod,
} from './period';

function range(text: string): [string, string] {
  const p = parsePeriod(text);
  return [p.fran, p.till];
}

function periodError(input: string): PeriodError {
  try {
    parsePeriod(input);
  } catch (e) {
    if (e instanceof PeriodError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('parsePeriod', () => {
  it('parses every kind with its half-open range', () => {
    expect(parsePeriod('2016')).toEqual({
      text: '2016',
      typ: 'AR',
      ar: 2016,
      nummer: null,
      fran: '2016-01-01',
      till: '2017-01-01',
    });
    expect(parsePeriod('2016-H2')).toEqual({
      text: '2016-H2',
      typ: 'HALVAR',
      ar: 2016,
      nummer: 2,
      fran: '2016-07-01',
      till: '2017-01-01',
    });
    expect(range('2016-H1')).toEqual(['2016-01-01', '2016-07-01']);
    expect(parsePeriod('2017-T1')).toMatchObject({ typ: 'TERTIAL', ar: 2017, nummer: 1 });
    expect(range('2017-T1')).toEqual(['2017-01-01', '2017-05-01']);
    expect(range('2017-T2')).toEqual(['2017-05-01', '2017-09-01']);
    expect(range('2017-T3')).toEqual(['2017-09-01', '2018-01-01']);
    expect(parsePeriod('2016-Q3')).toMatchObject({ typ: 'KVARTAL', ar: 2016, nummer: 3 });
    expect(range('2016-Q1')).toEqual(['2016-01-01', '2016-04-01']);
    expect(range('2016-Q3')).toEqual(['2016-07-01', '2016-10-01']);
    expect(range('2016-Q4')).toEqual(['2016-10-01', '2017-01-01']);
    expect(parsePeriod('2016-05')).toMatchObject({ typ: 'MANAD', ar: 2016, nummer: 5 });
    expect(range('2016-05')).toEqual(['2016-05-01', '2016-06-01']);
    expect(range('2016-02')).toEqual(['2016-02-01', '2016-03-01']);
    expect(range('2016-12')).toEqual(['2016-12-01', '2017-01-01']);
    expect(parsePeriod('2016-W45')).toEqual({
      text: '2016-W45',
      typ: 'VECKA',
      ar: 2016,
      nummer: 45,
      fran: '2016-11-07',
      till: '2016-11-14',
    });
  });

  it('trims, ignores case and canonicalises the text', () => {
    expect(parsePeriod(' 2016-h2 ').text).toBe('2016-H2');
    expect(parsePeriod('2017-t1').text).toBe('2017-T1');
    expect(parsePeriod('2016-q3').text).toBe('2016-Q3');
    expect(parsePeriod('2016-w45').text).toBe('2016-W45');
  });

  it('follows ISO-8601 weeks across year boundaries', () => {
    expect(range('2016-W01')).toEqual(['2016-01-04', '2016-01-11']);
    expect(range('2015-W53')).toEqual(['2015-12-28', '2016-01-04']);
    expect(range('2020-W53')).toEqual(['2020-12-28', '2021-01-04']);
    expect(range('2021-W01')).toEqual(['2021-01-04', '2021-01-11']);
    expect(range('2019-W01')).toEqual(['2018-12-31', '2019-01-07']);
    expect(range('2016-W52')).toEqual(['2016-12-26', '2017-01-02']);
  });

  it('accepts years 1900 to 2199 only', () => {
    expect(parsePeriod('1900').fran).toBe('1900-01-01');
    expect(parsePeriod('2199-12').till).toBe('2200-01-01');
    expect(periodError('1899').reason).toBe(
      'år anges med fyra siffror mellan 1900 och 2199, t.ex. "2016".',
    );
    expect(periodError('2200-H1').message).toBe(
      'Ogiltig period "2200-H1": år anges med fyra siffror mellan 1900 och 2199, t.ex. "2016".',
    );
  });

  const shape =
    'ange år (2016), halvår (2016-H2), tertial (2017-T1), kvartal (2016-Q3), månad (2016-05) eller ISO-vecka (2016-W45).';

  it.each([
    ['', 'Ogiltig period "": perioden är tom; ange t.ex. "2016", "2016-H2" eller "2016-W45".'],
    [
      '   ',
      'Ogiltig period "   ": perioden är tom; ange t.ex. "2016", "2016-H2" eller "2016-W45".',
    ],
    ['2016-H3', 'Ogiltig period "2016-H3": halvår anges som H1 eller H2, t.ex. "2016-H2".'],
    ['2016-H2x', 'Ogiltig period "2016-H2x": halvår anges som H1 eller H2, t.ex. "2016-H2".'],
    [
      '2016-13',
      'Ogiltig period "2016-13": månad anges med två siffror från 01 till 12, t.ex. "2016-05".',
    ],
    [
      '2016-5',
      'Ogiltig period "2016-5": månad anges med två siffror från 01 till 12, t.ex. "2016-05".',
    ],
    [
      '2016-00',
      'Ogiltig period "2016-00": månad anges med två siffror från 01 till 12, t.ex. "2016-05".',
    ],
    ['2016-W54', 'Ogiltig period "2016-W54": ISO-vecka anges som W01 till W53, t.ex. "2016-W45".'],
    ['2016-W00', 'Ogiltig period "2016-W00": ISO-vecka anges som W01 till W53, t.ex. "2016-W45".'],
    ['2016-W5', 'Ogiltig period "2016-W5": ISO-vecka anges som W01 till W53, t.ex. "2016-W45".'],
    ['2016-W53', 'Ogiltig period "2016-W53": år 2016 har bara 52 ISO-veckor, så W53 finns inte.'],
    ['2017-T4', 'Ogiltig period "2017-T4": tertial anges som T1, T2 eller T3, t.ex. "2017-T1".'],
    [
      '2016-Q5',
      'Ogiltig period "2016-Q5": kvartal anges som Q1, Q2, Q3 eller Q4, t.ex. "2016-Q3".',
    ],
    ['16', `Ogiltig period "16": ${shape}`],
    ['2016-', `Ogiltig period "2016-": ${shape}`],
    ['abc', `Ogiltig period "abc": ${shape}`],
    ['xyz', `Ogiltig period "xyz": ${shape}`],
    ['2016-X1', `Ogiltig period "2016-X1": ${shape}`],
    ['2016 H2', `Ogiltig period "2016 H2": ${shape}`],
  ])('rejects %j with a specific Swedish message', (input, message) => {
    const e = periodError(input);
    expect(e).toBeInstanceOf(PeriodError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PeriodError');
    expect(e.message).toBe(message);
    expect(e.input).toBe(input);
    expect(message.endsWith(e.reason)).toBe(true);
  });

  it('rejects a non-string from untyped callers', () => {
    const e = periodError(42 as unknown as string);
    expect(e.message).toBe('Ogiltig period: en period anges som text, t.ex. "2016-H2".');
  });
});

describe('tryParsePeriod', () => {
  it('returns null instead of throwing', () => {
    expect(tryParsePeriod('2016-H3')).toBeNull();
    expect(tryParsePeriod('')).toBeNull();
    expect(tryParsePeriod('2016-h1')?.text).toBe('2016-H1');
  });
});

describe('previousPeriod', () => {
  const prev = (text: string): string => previousPeriod(parsePeriod(text)).text;

  it.each([
    ['2016', '2015'],
    ['2016-H2', '2016-H1'],
    ['2016-H1', '2015-H2'],
    ['2017-T2', '2017-T1'],
    ['2017-T1', '2016-T3'],
    ['2016-Q3', '2016-Q2'],
    ['2016-Q1', '2015-Q4'],
    ['2016-05', '2016-04'],
    ['2016-01', '2015-12'],
    ['2016-W45', '2016-W44'],
    ['2016-W01', '2015-W53'],
    ['2017-W01', '2016-W52'],
    ['2021-W01', '2020-W53'],
  ])('%s -> %s', (from, to) => {
    expect(prev(from)).toBe(to);
  });

  it('gives a complete period whose range ends where the original begins', () => {
    for (const text of ['2016', '2016-H1', '2017-T1', '2016-Q1', '2016-01', '2016-W01']) {
      const p = parsePeriod(text);
      const q: Period = previousPeriod(p);
      expect(q.till).toBe(p.fran);
      expect(q.typ).toBe(p.typ);
      expect(parsePeriod(q.text)).toEqual(q);
    }
  });
});

describe('periodContains', () => {
  it('compares half-open ranges', () => {
    const ar = parsePeriod('2016');
    expect(periodContains(ar, parsePeriod('2016-H2'))).toBe(true);
    expect(periodContains(ar, parsePeriod('2016-12'))).toBe(true);
    expect(periodContains(ar, ar)).toBe(true);
    expect(periodContains(ar, dayRange('2016-12-31'))).toBe(true);
    expect(periodContains(ar, dayRange('2017-01-01'))).toBe(false);
    // ISO week 2016-W52 runs into 2017-01-01, so it is not inside the year.
    expect(periodContains(ar, parsePeriod('2016-W52'))).toBe(false);
    expect(periodContains(ar, parsePeriod('2015-W53'))).toBe(false);
    expect(periodContains(parsePeriod('2016-H1'), parsePeriod('2016'))).toBe(false);
    expect(periodContains(parsePeriod('2017-T2'), parsePeriod('2017-05'))).toBe(true);
  });
});

describe('dayRange', () => {
  it('gives the day and the next', () => {
    expect(dayRange('2016-11-07')).toEqual({ fran: '2016-11-07', till: '2016-11-08' });
    expect(dayRange('2016-12-31')).toEqual({ fran: '2016-12-31', till: '2017-01-01' });
    expect(dayRange(' 2016-02-28 ')).toEqual({ fran: '2016-02-28', till: '2016-02-29' });
  });

  it('knows leap years', () => {
    expect(dayRange('2016-02-29')).toEqual({ fran: '2016-02-29', till: '2016-03-01' });
    expect(dayRange('2000-02-29')).toEqual({ fran: '2000-02-29', till: '2000-03-01' });
    expect(() => dayRange('2017-02-29')).toThrow(PeriodError);
    expect(() => dayRange('2017-02-29')).toThrow(
      'Ogiltigt datum "2017-02-29": februari 2017 har bara 28 dagar.',
    );
    expect(() => dayRange('1900-02-29')).toThrow(
      'Ogiltigt datum "1900-02-29": februari 1900 har bara 28 dagar.',
    );
  });

  it('rejects impossible dates in Swedish', () => {
    expect(() => dayRange('2016-02-30')).toThrow(
      'Ogiltigt datum "2016-02-30": februari 2016 har bara 29 dagar.',
    );
    expect(() => dayRange('2016-04-31')).toThrow(
      'Ogiltigt datum "2016-04-31": april 2016 har bara 30 dagar.',
    );
    expect(() => dayRange('2016-13-01')).toThrow(
      'Ogiltigt datum "2016-13-01": månad anges från 01 till 12.',
    );
    expect(() => dayRange('2016-1-1')).toThrow(
      'Ogiltigt datum "2016-1-1": ange datum som ÅÅÅÅ-MM-DD, t.ex. "2016-11-07".',
    );
    expect(() => dayRange('2016-01-00')).toThrow(PeriodError);
  });
});

describe('isoWeekOf', () => {
  it.each([
    ['2016-11-07', 2016, 45],
    ['2016-11-13', 2016, 45],
    ['2016-01-03', 2015, 53],
    ['2016-01-04', 2016, 1],
    ['2015-12-28', 2015, 53],
    ['2018-12-31', 2019, 1],
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2017-01-01', 2016, 52],
  ])('%s is in %i-W%i', (date, ar, vecka) => {
    expect(isoWeekOf(date)).toEqual({ ar, vecka });
  });

  it('agrees with the week period for every day of 2015–2021', () => {
    for (let ms = Date.UTC(2015, 0, 1); ms < Date.UTC(2022, 0, 1); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const { ar, vecka } = isoWeekOf(date);
      const week = parsePeriod(`${ar}-W${String(vecka).padStart(2, '0')}`);
      expect(periodContains(week, dayRange(date))).toBe(true);
    }
  });

  it('validates the date', () => {
    expect(() => isoWeekOf('2017-02-29')).toThrow(PeriodError);
  });
});
