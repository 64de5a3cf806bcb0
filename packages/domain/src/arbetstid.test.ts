import { describe, expect, it } from 'vitest';
import {
  arArbetsdag,
  arbetsminuterMellan,
  lokalIso,
  lokaltDatum,
  parseTidpunkt,
  pasksondag,
  svenskaHelgdagar,
} from './arbetstid';

const namnPa = (ar: number, datum: string) =>
  svenskaHelgdagar(ar).find((h) => h.datum === datum)?.namn;

describe('Swedish public holidays', () => {
  it('finds Easter Sunday in years with early and late Easter', () => {
    expect(pasksondag(2016)).toBe('2016-03-27');
    expect(pasksondag(2017)).toBe('2017-04-16');
    expect(pasksondag(2019)).toBe('2019-04-21');
    expect(pasksondag(2024)).toBe('2024-03-31');
    expect(pasksondag(2038)).toBe('2038-04-25');
  });

  it('derives the Easter-based holidays of 2017', () => {
    expect(namnPa(2017, '2017-04-14')).toBe('Långfredagen');
    expect(namnPa(2017, '2017-04-16')).toBe('Påskdagen');
    expect(namnPa(2017, '2017-04-17')).toBe('Annandag påsk');
    expect(namnPa(2017, '2017-05-25')).toBe('Kristi himmelsfärdsdag');
    expect(namnPa(2017, '2017-06-04')).toBe('Pingstdagen');
  });

  it('places the movable Midsummer and All Saints and the fixed days', () => {
    expect(namnPa(2017, '2017-06-23')).toBe('Midsommarafton');
    expect(namnPa(2017, '2017-06-24')).toBe('Midsommardagen');
    expect(namnPa(2017, '2017-11-04')).toBe('Alla helgons dag');
    expect(namnPa(2016, '2016-06-24')).toBe('Midsommarafton');
    expect(namnPa(2017, '2017-06-06')).toBe('Sveriges nationaldag');
    expect(svenskaHelgdagar(2017)).toHaveLength(16);
  });

  it('treats the three eves as non-working days, though they are not holidays by law', () => {
    const eves = svenskaHelgdagar(2017).filter((h) => !h.allmanHelgdag);
    expect(eves.map((h) => h.namn)).toEqual(['Midsommarafton', 'Julafton', 'Nyårsafton']);
    expect(arArbetsdag('2017-06-23')).toBe(false);
    expect(arArbetsdag('2018-12-24')).toBe(false);
    expect(arArbetsdag('2018-12-31')).toBe(false);
  });

  it('knows working days from weekends and holidays', () => {
    expect(arArbetsdag('2017-04-13')).toBe(true); // Skärtorsdagen is a working day
    expect(arArbetsdag('2017-04-14')).toBe(false);
    expect(arArbetsdag('2017-04-15')).toBe(false); // Saturday
    expect(arArbetsdag('2017-04-17')).toBe(false);
    expect(arArbetsdag('2017-04-18')).toBe(true);
  });
});

describe('working minutes between two instants (weekdays 07–16, Stockholm)', () => {
  it('Easter: Thursday 15:00 before Good Friday to Tuesday 09:00 is exactly 3 hours', () => {
    expect(arbetsminuterMellan('2017-04-13T15:00:00+02:00', '2017-04-18T09:00:00+02:00')).toBe(180);
  });

  it('across a weekend: Friday 15:30 to Monday 08:30 is 2 hours', () => {
    expect(arbetsminuterMellan('2017-03-10T15:30:00+01:00', '2017-03-13T08:30:00+01:00')).toBe(120);
  });

  it('an evening call-off counts from 07:00 the next morning', () => {
    expect(arbetsminuterMellan('2017-03-14T17:00:00+01:00', '2017-03-15T07:45:00+01:00')).toBe(45);
    expect(arbetsminuterMellan('2017-03-14T06:00:00+01:00', '2017-03-14T18:00:00+01:00')).toBe(540);
    expect(arbetsminuterMellan('2017-03-14T16:30:00+01:00', '2017-03-14T23:00:00+01:00')).toBe(0);
  });

  it('across the spring summer-time switch, in local time and in UTC alike', () => {
    // Sunday 2017-03-26 02:00 became 03:00. Friday 15:00 CET → Monday 08:00 CEST.
    expect(arbetsminuterMellan('2017-03-24T15:00:00+01:00', '2017-03-27T08:00:00+02:00')).toBe(120);
    expect(arbetsminuterMellan('2017-03-24T14:00:00Z', '2017-03-27T06:00:00Z')).toBe(120);
    // The Monday after the switch: 07:00–16:00 local is 05:00–14:00 UTC.
    expect(arbetsminuterMellan('2017-03-27T04:00:00Z', '2017-03-27T15:00:00Z')).toBe(540);
  });

  it('across the autumn switch', () => {
    // Sunday 2017-10-29 03:00 became 02:00. 07:00–16:00 local on Monday is 06:00–15:00 UTC.
    expect(arbetsminuterMellan('2017-10-27T15:00:00+02:00', '2017-10-30T08:00:00+01:00')).toBe(120);
    expect(arbetsminuterMellan('2017-10-30T06:00:00Z', '2017-10-30T07:00:00Z')).toBe(60);
  });

  it('is zero when the end is not after the start', () => {
    expect(arbetsminuterMellan('2017-03-14T10:00:00+01:00', '2017-03-14T09:00:00+01:00')).toBe(0);
  });
});

describe('timestamps', () => {
  it('prints an instant in Stockholm time with its offset', () => {
    expect(lokalIso(Date.parse('2017-04-13T13:00:00Z'))).toBe('2017-04-13T15:00:00+02:00');
    expect(lokalIso(Date.parse('2017-01-10T10:00:00Z'))).toBe('2017-01-10T11:00:00+01:00');
    expect(lokaltDatum(Date.parse('2016-12-31T23:30:00Z'))).toBe('2017-01-01');
  });

  it('accepts ISO 8601 with an offset only, and real days only', () => {
    expect(parseTidpunkt('2017-04-13T15:00:00+02:00')).toBe(Date.parse('2017-04-13T13:00:00Z'));
    expect(parseTidpunkt('2017-04-13T13:00Z')).toBe(Date.parse('2017-04-13T13:00:00Z'));
    expect(parseTidpunkt('2017-04-13T15:00:00')).toBeNull();
    expect(parseTidpunkt('2017-02-30T10:00:00Z')).toBeNull();
    expect(parseTidpunkt('igår')).toBeNull();
    expect(parseTidpunkt(42)).toBeNull();
  });
});
