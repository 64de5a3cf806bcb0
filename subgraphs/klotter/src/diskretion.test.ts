import { Miljo } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { Kategori, Rapportor } from './entities';
import type { KlotterGruppRad, KlotterSummering } from './loaders';
import { skyddadKlotter } from './skydd';

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

/**
 * What a reader who knows the rule can tell from one shown count: the number, or the range
 * its label says ("fåtal" 1…threshold, "ej redovisad" above it).
 */
function passar(visat: { antal: number | null; visning: string }, v: number, troskel = 3) {
  if (visat.antal !== null) return visat.antal === v;
  if (visat.visning === 'fåtal') return v >= 1 && v <= troskel;
  if (visat.visning === 'ej redovisad') return v > troskel;
  throw new Error(`okänd visning ${visat.visning}`);
}

describe("an SLA's denominator under disclosure control", () => {
  const sla = (antal: number, saneringUppfyllt: number, saneringEj: number): KlotterSummering => ({
    grupper: [rad({ antal, saneringUppfyllt, saneringEj })],
    nollor: new Map(),
  });

  it('"1 av 5 med känd tid": the count is hidden when the known one would follow from it', () => {
    const k = skyddadKlotter(sla(5, 1, 0), utan);
    // 5 − 4 unknown would give back the 1, and 5 − "more than 3" too: the 5 goes.
    expect(k.total.visning).toBe('ej redovisad');
    expect(k.sanering.totalt).toBe(k.total);
    expect(k.sanering.kanda.visning).toBe('fåtal');
    expect(k.sanering.uppfyllt.visning).toBe('fåtal');
    expect(k.sanering.ejUppfyllt.visning).toBe('0');
    expect(k.sanering.andelUppfyllt.visning).toBe('ej redovisad');
    // Every breakdown of the hidden total hides a part of it too.
    expect(k.perMiljo.VIT_MAKT.visning).toBe('ej redovisad');
    expect(k.perRapportor.TRAFIKKONTORET.visning).toBe('ej redovisad');

    const med5 = skyddadKlotter(sla(5, 1, 0), med);
    expect(med5.sanering.kanda.antal).toBe(1);
    expect(med5.sanering.totalt.antal).toBe(5);
    expect(med5.sanering.andelUppfyllt.visning).toBe('100 %');
  });

  it('met and missed are not shown beside a known count they would give away', () => {
    // 10 reports, 5 known: 1 met, 4 missed. 5 − 4 would give back the 1.
    const k = skyddadKlotter(sla(10, 1, 4), utan);
    expect(k.total.antal).toBe(10);
    expect(k.sanering.uppfyllt.visning).toBe('fåtal');
    expect(k.sanering.ejUppfyllt.visning).toBe('ej redovisad');
    expect(k.sanering.kanda.undertryckt).toBe(true);
    expect(k.sanering.okant.undertryckt).toBe(true);
  });

  // A total of 1…threshold is "fåtal" and so is every part of it: that three "fåtal" parts
  // of a "fåtal" total are 1 each is the rule's own limit, not this breakdown's. Above it,
  // no "fåtal" may be left with a single value a reader could believe.
  for (const troskel of [3, 5]) {
    it(`leaves no "fåtal" a reader could work out, threshold ${troskel}, up to 14 reports`, () => {
      const d = { behorig: false, troskel };
      const MAX = 36;
      const p = (v: { antal: number | null; visning: string }, x: number) => passar(v, x, troskel);
      for (let antal = troskel + 1; antal <= 14; antal++) {
        for (let u = 0; u <= antal; u++) {
          for (let e = 0; u + e <= antal; e++) {
            const k = skyddadKlotter(sla(antal, u, e), d);
            const g = k.grupper[0];
            // Every (met, missed, unknown) a reader could believe, given all that is shown.
            const mojliga: number[][] = [];
            for (let u2 = 0; u2 <= MAX; u2++) {
              for (let e2 = 0; u2 + e2 <= MAX; e2++) {
                for (let o2 = 0; u2 + e2 + o2 <= MAX; o2++) {
                  const t2 = u2 + e2 + o2;
                  const ok =
                    p(k.total, t2) &&
                    p(k.perMiljo.VIT_MAKT, t2) &&
                    p(k.perRapportor.TRAFIKKONTORET, t2) &&
                    p(k.sanering.totalt, t2) &&
                    p(k.sanering.kanda, u2 + e2) &&
                    p(k.sanering.okant, o2) &&
                    p(k.sanering.uppfyllt, u2) &&
                    p(k.sanering.ejUppfyllt, e2) &&
                    p(k.paPlats.kanda, 0) &&
                    p(k.paPlats.okant, t2) &&
                    g !== undefined &&
                    p(g.antal, t2) &&
                    p(g.sanering.uppfyllt, u2) &&
                    p(g.sanering.ejUppfyllt, e2) &&
                    p(g.sanering.okant, o2) &&
                    p(g.paPlats.okant, t2);
                  if (ok) mojliga.push([u2, e2, o2, u2 + e2, t2]);
                }
              }
            }
            const fall = `${antal} anmälningar, ${u} uppfyllt, ${e} ej`;
            expect(mojliga.length, fall).toBeGreaterThan(0);
            const visade = [
              k.sanering.uppfyllt,
              k.sanering.ejUppfyllt,
              k.sanering.okant,
              k.sanering.kanda,
              k.total,
            ];
            const namn = ['uppfyllt', 'ej uppfyllt', 'okänt', 'kända', 'totalt'];
            visade.forEach((v, i) => {
              if (v.visning !== 'fåtal') return;
              const varden = new Set(mojliga.map((m) => m[i]));
              expect(varden.size, `${fall}: ${namn[i]}`).toBeGreaterThan(1);
            });
          }
        }
      }
    });
  }
});
