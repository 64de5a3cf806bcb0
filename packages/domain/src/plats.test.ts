import { describe, expect, it } from 'vitest';
import { platsId } from './plats';

describe('platsId', () => {
  it('gives every spelling of an address the same id', () => {
    expect(platsId('Sveavägen 73')).toBe('sveavagen-73');
    expect(platsId('SVEAVÄGEN 73 ')).toBe('sveavagen-73');
    expect(platsId('sveavagen 73')).toBe('sveavagen-73');
    expect(platsId('Sergels torg')).toBe('sergels-torg');
  });

  it('folds diacritics and collapses separators', () => {
    expect(platsId('Östermalmstorg')).toBe('ostermalmstorg');
    expect(platsId('Ålgatan')).toBe('algatan');
    expect(platsId('Café Übersee')).toBe('cafe-ubersee');
    expect(platsId('  T-Centralen, uppgång Vasagatan!  ')).toBe('t-centralen-uppgang-vasagatan');
    expect(platsId('Drottninggatan 45–47')).toBe('drottninggatan-45-47');
    expect(platsId('--Kungsgatan__/__12--')).toBe('kungsgatan-12');
  });

  it('rejects a name that folds to nothing', () => {
    expect(() => platsId('')).toThrow(/^Platsnamnet är tomt/);
    expect(() => platsId('  – !? ')).toThrow(/^Platsnamnet är tomt/);
  });
});
