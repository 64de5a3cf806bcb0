import { describe, expect, it } from 'vitest';
import { sweref99tmToWgs84, wgs84ToSweref99tm } from './sweref';

describe('SWEREF 99 TM', () => {
  it('projects central Stockholm', () => {
    // Reference value cross-checked against Snyder's independent transverse Mercator series.
    const { n, e } = wgs84ToSweref99tm(59.3326, 18.0649);
    expect(n).toBeCloseTo(6581100.537, 0);
    expect(e).toBeCloseTo(674344.559, 0);
    expect(Math.abs(n - 6581100.537)).toBeLessThan(1);
    expect(Math.abs(e - 674344.559)).toBeLessThan(1);
  });

  it('puts the central meridian at easting 500 000 and the equator at northing 0', () => {
    expect(wgs84ToSweref99tm(0, 15)).toEqual({ n: 0, e: 500000 });
    expect(wgs84ToSweref99tm(62, 15).e).toBe(500000);
  });

  it('rounds to millimetres', () => {
    const { n, e } = wgs84ToSweref99tm(57.7089, 11.9746);
    expect(Math.round(n * 1000) / 1000).toBe(n);
    expect(Math.round(e * 1000) / 1000).toBe(e);
  });

  it.each([
    [59.3326, 18.0649],
    [55.3367, 10.9],
    [69.0595, 20.5484],
    [65.5, 24.2],
    [57.7089, 11.9746],
    [62.0, 15.0],
  ])('round-trips %f, %f within 1e-7 degrees', (lat, lon) => {
    const { n, e } = wgs84ToSweref99tm(lat, lon);
    const back = sweref99tmToWgs84(n, e);
    expect(Math.abs(back.lat - lat)).toBeLessThan(1e-7);
    expect(Math.abs(back.lon - lon)).toBeLessThan(1e-7);
  });

  it('inverts exactly given unrounded grid values', () => {
    const back = sweref99tmToWgs84(6581100.537, 674344.559);
    expect(back.lat).toBeCloseTo(59.3326, 7);
    expect(back.lon).toBeCloseTo(18.0649, 7);
  });

  it('rejects non-finite input', () => {
    expect(() => wgs84ToSweref99tm(Number.NaN, 18)).toThrow(RangeError);
    expect(() => sweref99tmToWgs84(6580000, Number.POSITIVE_INFINITY)).toThrow(/ändligt tal/);
  });
});
