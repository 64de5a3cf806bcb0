import { describe, expect, it } from 'vitest';
import { innehallerPersonnummer } from './personuppgifter';

describe('innehallerPersonnummer', () => {
  it('finds a personnummer in its usual spellings', () => {
    // 811218-9876 is the Swedish Tax Agency's documentation example.
    expect(innehallerPersonnummer('Anmälare 811218-9876 ringde')).toBe(true);
    expect(innehallerPersonnummer('19811218-9876')).toBe(true);
    expect(innehallerPersonnummer('8112189876')).toBe(true);
  });

  it('finds a samordningsnummer (day + 60)', () => {
    expect(innehallerPersonnummer('701063-2391')).toBe(true);
  });

  it('lets dates, addresses, phone numbers and wrong check digits through', () => {
    expect(innehallerPersonnummer('Sveavägen 73, 2016-11-12')).toBe(false);
    expect(innehallerPersonnummer('ring 08-508 123 45')).toBe(false);
    expect(innehallerPersonnummer('811218-9877')).toBe(false);
    expect(innehallerPersonnummer('Gävlegatan 1')).toBe(false);
  });
});
