import { describe, expect, it } from 'vitest';
import {
  arKantOmrade,
  KANDA_OMRADE_IDN,
  okantOmradeFel,
  omradeIdFranNamn,
  STADSDELSOMRADEN,
  stadsdelsomrade,
} from './omraden';

describe("Stockholm's stadsdelsområden", () => {
  it('are the thirteen, ids folded from the names', () => {
    expect(STADSDELSOMRADEN.map((o) => [o.id, o.namn])).toEqual([
      ['rinkeby-kista', 'Rinkeby-Kista'],
      ['spanga-tensta', 'Spånga-Tensta'],
      ['hasselby-vallingby', 'Hässelby-Vällingby'],
      ['bromma', 'Bromma'],
      ['kungsholmen', 'Kungsholmen'],
      ['norrmalm', 'Norrmalm'],
      ['ostermalm', 'Östermalm'],
      ['sodermalm', 'Södermalm'],
      ['enskede-arsta-vantor', 'Enskede-Årsta-Vantör'],
      ['skarpnack', 'Skarpnäck'],
      ['farsta', 'Farsta'],
      ['hagersten-alvsjo', 'Hägersten-Älvsjö'],
      ['skarholmen', 'Skärholmen'],
    ]);
    for (const o of STADSDELSOMRADEN) expect(o.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(omradeIdFranNamn('Hägersten-Älvsjö')).toBe('hagersten-alvsjo');
    expect(Object.isFrozen(STADSDELSOMRADEN)).toBe(true);
  });

  it('knows an id as a reader may type it', () => {
    expect(arKantOmrade('norrmalm')).toBe(true);
    expect(arKantOmrade(' Norrmalm ')).toBe(true);
    expect(arKantOmrade('HAGERSTEN-ALVSJO')).toBe(true);
    expect(stadsdelsomrade('Ostermalm')?.namn).toBe('Östermalm');
    for (const okand of ['finns-inte', 'vasastan', 'östermalm', '', "x' OR 1=1--", 'norrmalm\0']) {
      expect(arKantOmrade(okand)).toBe(false);
    }
  });

  it('refuses an unknown id naming every known one, sorted', () => {
    expect(okantOmradeFel('norrmalm')).toBeNull();
    expect(okantOmradeFel('Skärholmen')).toBe(
      `Okänt område "Skärholmen". Kända områden: ${KANDA_OMRADE_IDN.join(', ')}.`,
    );
    expect(okantOmradeFel('finns-inte')).toBe(
      'Okänt område "finns-inte". Kända områden: bromma, enskede-arsta-vantor, farsta, ' +
        'hagersten-alvsjo, hasselby-vallingby, kungsholmen, norrmalm, ostermalm, ' +
        'rinkeby-kista, skarholmen, skarpnack, sodermalm, spanga-tensta.',
    );
  });
});
