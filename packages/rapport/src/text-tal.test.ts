import { FATAL_VISNING, OKANT_ANTAL_VISNING } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import {
  andelCell,
  antalSlag,
  antalUtanOrd,
  bekraftelseFramsteg,
  bekraftelseStatus,
  hashMening,
  MATT_NAMN,
  mattOrdning,
  publiceradCellText,
  talText,
  undertryckningForklaring,
} from './text';

/** The text rules text.test.ts does not reach: numbers, hidden counts, the publication's words. */

const FATAL = { antal: null, undertryckt: true, visning: FATAL_VISNING };
const DOLD = { antal: null, undertryckt: true, visning: 'ej redovisad' };
const OKANT = { antal: null, undertryckt: false, visning: OKANT_ANTAL_VISNING };

describe('numbers as Swedish writes them', () => {
  it('separates thousands with a plain space, never a no-break one', () => {
    expect(talText(0)).toBe('0');
    expect(talText(999)).toBe('999');
    expect(talText(12345)).toBe('12 345');
    expect(talText(1234567)).toBe('1 234 567');
    expect(talText(-4500)).toMatch(/^[-−]4 500$/);
    expect(talText(12345)).not.toMatch(/[\u00a0\u202f]/);
  });
});

describe('a hidden count in a sentence', () => {
  it('knows what kind of value it is', () => {
    expect(antalSlag(3)).toBe('tal');
    expect(antalSlag({ antal: 0, undertryckt: false, visning: '0' })).toBe('tal');
    expect(antalSlag(FATAL)).toBe('fatal');
    expect(antalSlag(DOLD)).toBe('ejRedovisad');
    expect(antalSlag(OKANT)).toBe('okant');
  });

  it('reads without its noun', () => {
    expect(antalUtanOrd(1234)).toBe('1 234');
    expect(antalUtanOrd(FATAL)).toBe('ett fåtal');
    expect(antalUtanOrd(DOLD)).toBe('ett ej redovisat antal');
    expect(antalUtanOrd(OKANT)).toBe('ett okänt antal');
  });

  it('shows a share as the API words it, "–" when there is none', () => {
    expect(andelCell({ andel: 0.75, undertryckt: false, visning: '75 %' })).toBe('75 %');
    expect(andelCell({ andel: null, undertryckt: true, visning: 'ej redovisad' })).toBe(
      'ej redovisad',
    );
    expect(andelCell(null)).toBe('–');
    expect(andelCell(undefined)).toBe('–');
  });
});

describe('the adopted lägesbild in words', () => {
  it('shows a cleared reader what everyone else reads of a hidden cell', () => {
    expect(publiceradCellText({ antal: 3, visning: '3', undertryckt: null })).toBe('3');
    expect(publiceradCellText({ antal: 1, visning: '1', undertryckt: 'PRIMAR' })).toBe(
      '1 (utåt: fåtal)',
    );
    expect(publiceradCellText({ antal: 7, visning: '7', undertryckt: 'SEKUNDAR' })).toBe(
      '7 (utåt: ej redovisad)',
    );
    // A reader who is not cleared has no number to compare with.
    expect(publiceradCellText({ antal: null, visning: 'fåtal', undertryckt: 'PRIMAR' })).toBe(
      'fåtal',
    );
  });

  it('orders the measures as the council reads them, unknown ones last', () => {
    const matt = ['okant', 'anmalningar', 'handelser', 'incidenter', 'kontakter'];
    expect([...matt].sort(mattOrdning)).toEqual([
      'incidenter',
      'kontakter',
      'handelser',
      'anmalningar',
      'okant',
    ]);
    expect(Object.keys(MATT_NAMN).every((m) => MATT_NAMN[m]?.length)).toBe(true);
  });

  it('says the protection’s threshold and the hash', () => {
    expect(undertryckningForklaring(3)).toMatch(/^Antal från 1 till 3 visas som ”fåtal”;/);
    expect(hashMening('abc123')).toBe(
      'Kontrollsumma (SHA-256) för den maskinläsbara exporten (JSON och CSV): abc123. En siffra i en text kan spåras till den här versionen med den.',
    );
  });

  it('says each confirmation and how far a draft has come', () => {
    const polis = { partner: 'polis', partnerNamn: 'Polisen', bekraftad: true };
    const skolor = { partner: 'skolor', partnerNamn: 'Skolorna', bekraftad: false };
    expect(bekraftelseStatus({ ...polis, tid: '2016-12-01T10:00:00Z' })).toBe(
      'Bekräftat 2016-12-01',
    );
    expect(bekraftelseStatus(polis)).toBe('Bekräftat');
    expect(bekraftelseStatus(skolor)).toBe('Inte bekräftat');
    expect(bekraftelseFramsteg([])).toBe('0 av 0 avsnitt är bekräftade');
    expect(bekraftelseFramsteg([polis, skolor])).toBe('1 av 2 avsnitt är bekräftat');
    expect(bekraftelseFramsteg([skolor, skolor])).toBe('0 av 2 avsnitt är bekräftade');
    expect(bekraftelseFramsteg([polis, polis])).toBe('Alla 2 avsnitt är bekräftade');
  });
});
