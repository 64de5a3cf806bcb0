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

  it('finds a personnummer however the separator and digits are written', () => {
    for (const text of [
      'Anmälare 121212–1212 ringde', // en dash, as Word writes it
      '121212\u20111212', // non-breaking hyphen
      '121212\u22121212', // minus sign
      '121212\u20141212', // em dash
      '121212\uFF0D1212', // fullwidth hyphen-minus
      '121212 - 1212',
      '121212 -1212',
      '121212\u00A0-\u00A01212', // non-breaking spaces
      '121212\u202F1212', // narrow no-break space
      '121212 1212',
      '121212\u00AD1212', // soft hyphen (invisible)
      '121212\u200B-1212', // zero-width space
      '１２１２１２-１２１２', // fullwidth digits
      '１２１２１２－１２１２',
      '19121212–1212', // with the century
      '19121212 – 1212',
      '121212+1212', // over a hundred years old
    ]) {
      expect(innehallerPersonnummer(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('finds a samordningsnummer (day + 60) in the same spellings', () => {
    expect(innehallerPersonnummer('701063–2391')).toBe(true);
    expect(innehallerPersonnummer('701063 - 2391')).toBe(true);
    expect(innehallerPersonnummer('１９７０１０６３\u20112391')).toBe(true);
  });

  it('still lets dates, ranges, ids and phone numbers through, however they are dashed', () => {
    for (const text of [
      '2016-12-14',
      '2016–12–14',
      '２０１６－１２－１４',
      'Fastställd 2016-12-14, version 1',
      'perioden 2016–2017',
      '2016-H2',
      'ring 08-508 123 45',
      'ring 08 – 508 123 45',
      'ring 070–123 45 67',
      '0701234567',
      'ärende 123456 – 7890', // month 34 is no date
      '811218–9877', // wrong check digit
      'id 9b2f1c3e-4a5d-4e6f-8a7b-0c1d2e3f4a5b',
      'Sveavägen 73–75',
    ]) {
      expect(innehallerPersonnummer(text), JSON.stringify(text)).toBe(false);
    }
  });
});
