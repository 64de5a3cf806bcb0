import { Miljo } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { Kategori, Rapportor } from './entities';
import type { KlotterGruppRad, KlotterSummering } from './loaders';
import { skyddadKlotter } from './resolvers/lagesbild.resolver';

/**
 * Klotter's counts for one area and period, protected together for a reader without
 * clearance: no "fåtal" follows from a total minus the shown parts, whichever breakdown
 * (environment, reporter, category, SLA outcome) the reader subtracts.
 */
const utan = { behorig: false, troskel: 3 };
const med = { behorig: true, troskel: 3 };

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

describe('klotter under secondary suppression', () => {
  it('hides enough beside the total that the small cells cannot be subtracted out', () => {
    const k = skyddadKlotter(summering(), utan);
    expect(k.total.antal).toBe(13);
    // Environments: vit makt 3 is "fåtal", so the unspecified 10 is withheld.
    expect(k.perMiljo.VIT_MAKT.visning).toBe('fåtal');
    expect(k.perMiljo.OSPECIFICERAD.visning).toBe('ej redovisad');
    // Reporters: SISAB's 1 is "fåtal", so trafikkontoret's 12 is withheld.
    expect(k.perRapportor.SISAB.visning).toBe('fåtal');
    expect(k.perRapportor.TRAFIKKONTORET.visning).toBe('ej redovisad');
    // Trafikkontoret's categories: its count is hidden, so one non-zero category is too
    // (else 10 + 2 would give back the 12 and with it SISAB's 1).
    const tk = k.grupper.filter((g) => g.rapportor === Rapportor.TRAFIKKONTORET);
    expect(tk.map((g) => g.antal.visning)).toEqual(['fåtal', 'ej redovisad']);
    // The overall SLA: 10 met, 3 missed — the 3 is small, so one more outcome is withheld
    // and 13 − shown does not give it back.
    expect(k.sanering.ejUppfyllt.visning).toBe('fåtal');
    expect(k.sanering.uppfyllt.visning).toBe('ej redovisad');
    expect(k.sanering.andelUppfyllt.undertryckt).toBe(true);
  });

  it('gives the same answer to every field of one request', () => {
    const s = summering();
    expect(skyddadKlotter(s, utan)).toBe(skyddadKlotter(s, utan));
    expect(skyddadKlotter(s, med)).not.toBe(skyddadKlotter(s, utan));
  });

  it('shows a cleared reader every number', () => {
    const k = skyddadKlotter(summering(), med);
    expect(k.perMiljo.OSPECIFICERAD.antal).toBe(10);
    expect(k.perRapportor.SISAB.antal).toBe(1);
    expect(k.grupper.map((g) => g.antal.antal)).toEqual([2, 10, 1]);
    expect(k.sanering.uppfyllt.antal).toBe(10);
    expect(k.sanering.andelUppfyllt.visning).toBe('77 %');
  });
});
