import { describe, expect, it } from 'vitest';
import {
  AVSNITT_AGARE,
  ejBehorigaPartner,
  ejLevandeBehorigText,
  harLevandeBehorighet,
  LEVANDE_BEHORIGA,
  PARTNER_NAMN,
  PARTNERS,
  type Partner,
} from './behorighet';
import { ROLL_KLASSNING, Roll } from './roller';

describe('who reads a partner’s live data', () => {
  it('clears the owner, the council, the coordinator, the analyst and ADMIN', () => {
    expect(LEVANDE_BEHORIGA).toEqual({
      forvaltning: ['SAMORDNARE', 'RADET', 'ANALYTIKER', 'ADMIN'],
      polis: ['POLIS', 'RADET', 'SAMORDNARE', 'ANALYTIKER', 'ADMIN'],
      skolor: ['UTBILDNINGSFORVALTNING', 'RADET', 'SAMORDNARE', 'ANALYTIKER', 'ADMIN'],
      klotter: ['TRAFIKKONTORET', 'SISAB', 'MTR', 'RADET', 'SAMORDNARE', 'ANALYTIKER', 'ADMIN'],
    });
    for (const p of PARTNERS) {
      for (const r of [Roll.RADET, Roll.SAMORDNARE, Roll.ANALYTIKER, Roll.ADMIN]) {
        expect(harLevandeBehorighet([r], p), `${r} ${p}`).toBe(true);
      }
      // The section's owners are cleared for their own live data.
      for (const r of AVSNITT_AGARE[p]) expect(harLevandeBehorighet([r], p)).toBe(true);
    }
  });

  it('clears a single school and the council’s other actors for nothing live', () => {
    for (const p of PARTNERS) {
      expect(harLevandeBehorighet([Roll.SKOLA], p)).toBe(false);
      expect(harLevandeBehorighet([Roll.SAMVERKANSPART], p)).toBe(false);
      expect(harLevandeBehorighet([], p)).toBe(false);
    }
    expect(ejBehorigaPartner([Roll.SAMVERKANSPART])).toEqual(PARTNERS);
    expect(ejBehorigaPartner([Roll.SKOLA])).toEqual(PARTNERS);
  });

  it('clears a partner for its own section only (and the police for none of förvaltning’s)', () => {
    const ej = (r: Roll) => ejBehorigaPartner([r]);
    expect(ej(Roll.POLIS)).toEqual(['forvaltning', 'skolor', 'klotter']);
    expect(ej(Roll.UTBILDNINGSFORVALTNING)).toEqual(['forvaltning', 'polis', 'klotter']);
    expect(ej(Roll.TRAFIKKONTORET)).toEqual(['forvaltning', 'polis', 'skolor']);
    expect(ej(Roll.SISAB)).toEqual(['forvaltning', 'polis', 'skolor']);
    expect(ej(Roll.MTR)).toEqual(['forvaltning', 'polis', 'skolor']);
    expect(ej(Roll.SAMORDNARE)).toEqual([]);
    expect(ej(Roll.RADET)).toEqual([]);
    // Several roles: cleared where any of them is.
    expect(ejBehorigaPartner([Roll.POLIS, Roll.SKOLA])).toEqual([
      'forvaltning',
      'skolor',
      'klotter',
    ]);
    expect(ejBehorigaPartner([Roll.POLIS, Roll.UTBILDNINGSFORVALTNING])).toEqual([
      'forvaltning',
      'klotter',
    ]);
  });

  it('names the section owners and refuses an unknown partner or role', () => {
    expect(AVSNITT_AGARE).toEqual({
      forvaltning: ['SAMORDNARE'],
      polis: ['POLIS'],
      skolor: ['UTBILDNINGSFORVALTNING'],
      klotter: ['TRAFIKKONTORET', 'SISAB', 'MTR'],
    });
    expect(harLevandeBehorighet([Roll.ADMIN], 'okand' as Partner)).toBe(false);
    expect(harLevandeBehorighet(['GUD' as Roll], 'polis')).toBe(false);
  });

  it('says in Swedish who may read and where the others read', () => {
    expect(PARTNER_NAMN).toEqual({
      forvaltning: 'Förvaltningen',
      polis: 'Polisen',
      skolor: 'Skolorna',
      klotter: 'Klotterrapportörerna',
    });
    expect(ejLevandeBehorigText('polis')).toBe(
      'Polisens siffror och register visas bara för de behöriga (POLIS, RADET, SAMORDNARE, ANALYTIKER, ADMIN). Läs den fastställda lägesbilden.',
    );
    expect(ejLevandeBehorigText('skolor')).toMatch(/^Skolornas siffror och register/);
  });

  it('gives the council’s other actors open records only', () => {
    expect(ROLL_KLASSNING[Roll.SAMVERKANSPART]).toBe('OPPEN');
  });
});
