import { Miljo } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { Kategori, Rapportor } from './entities';
import type { KlotterGruppRad, KlotterSummering } from './loaders';
import { klotterTal } from './tal';

/**
 * Klotter's counts for one area and period, as a reader cleared for klotter's live data
 * reads them (nobody else reaches them): every number, the SLA's parts adding up.
 */
const rad = (r: Partial<KlotterGruppRad>): KlotterGruppRad => ({
  rapportor: Rapportor.TRAFIKKONTORET,
  kategori: Kategori.RASISTISKT,
  miljo: Miljo.VIT_MAKT,
  antal: 0,
  saneringUppfyllt: 0,
  saneringEj: 0,
  paPlatsUppfyllt: 0,
  paPlatsEj: 0,
  ...r,
});

// Trafikkontoret 12 (10 unspecified, 2 vit makt), SISAB 1 (vit makt): 13 in all.
const summering = (): KlotterSummering => ({
  grupper: [
    rad({
      miljo: Miljo.OSPECIFICERAD,
      kategori: Kategori.ODEFINIERAT,
      antal: 10,
      saneringUppfyllt: 8,
      saneringEj: 2,
    }),
    rad({ antal: 2, saneringUppfyllt: 2 }),
    rad({ rapportor: Rapportor.SISAB, antal: 1, saneringEj: 1 }),
  ],
  nollor: new Map(),
});

const tal = (antal: number) => ({ antal, undertryckt: false, visning: String(antal) });

describe('klotter’s counts for a cleared reader', () => {
  it('shows every number, per environment, reporter and category', () => {
    const k = klotterTal(summering());
    expect(k.total).toEqual(tal(13));
    expect(k.perMiljo.VIT_MAKT).toEqual(tal(3));
    expect(k.perMiljo.OSPECIFICERAD).toEqual(tal(10));
    expect(k.perMiljo.AUTONOMA).toEqual(tal(0));
    expect(k.perRapportor).toEqual({
      TRAFIKKONTORET: tal(12),
      SISAB: tal(1),
      MTR: tal(0),
    });
    expect(k.grupper.map((g) => [g.rapportor, g.kategori, g.antal.antal])).toEqual([
      ['TRAFIKKONTORET', 'RASISTISKT', 2],
      ['TRAFIKKONTORET', 'ODEFINIERAT', 10],
      ['SISAB', 'RASISTISKT', 1],
    ]);
  });

  it('splits each SLA into met, missed and unknown, with the share of the known', () => {
    const k = klotterTal(summering());
    expect(k.sanering.uppfyllt).toEqual(tal(10));
    expect(k.sanering.ejUppfyllt).toEqual(tal(3));
    expect(k.sanering.okant).toEqual(tal(0));
    expect(k.sanering.kanda).toEqual(tal(13));
    expect(k.sanering.totalt).toEqual(tal(13));
    expect(k.sanering.andelUppfyllt.visning).toBe('77 %');
    // No on-site time is known: all 13 unknown, and no share ("–"), never 0 %.
    expect(k.paPlats.okant).toEqual(tal(13));
    expect(k.paPlats.kanda).toEqual(tal(0));
    expect(k.paPlats.andelUppfyllt).toEqual({ andel: null, undertryckt: false, visning: '–' });
    expect(k.grupper[2]?.sanering.ejUppfyllt).toEqual(tal(1));
  });

  it('gives the same answer to every field of one request', () => {
    const s = summering();
    expect(klotterTal(s)).toBe(klotterTal(s));
  });
});
