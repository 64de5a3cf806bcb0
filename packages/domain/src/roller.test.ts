import { describe, expect, it } from 'vitest';
import { KLASSNING_NAMN, Klassning, klassningRank } from './klassning';
import { MILJO_BESKRIVNING, MILJO_NAMN, MILJOER, Miljo } from './miljo';
import { NIVA_BESKRIVNING, NIVA_NAMN, Niva } from './niva';
import {
  clearance,
  klassningOverBehorighetFel,
  mayRead,
  parseRoll,
  ROLL_KLASSNING,
  ROLL_NAMN,
  Roll,
} from './roller';

describe('clearance and mayRead', () => {
  it('takes the highest classification of the roles', () => {
    expect(clearance([])).toBe(Klassning.OPPEN);
    expect(clearance([Roll.SKOLA, Roll.MTR])).toBe(Klassning.OPPEN);
    expect(clearance([Roll.SISAB, Roll.RADET])).toBe(Klassning.BEGRANSAD);
    expect(clearance([Roll.ANALYTIKER, Roll.POLIS, Roll.SKOLA])).toBe(Klassning.SKYDDAD);
    expect(clearance([Roll.ADMIN])).toBe(Klassning.SKYDDAD);
  });

  it('lets a role read up to its clearance and no further', () => {
    expect(mayRead([], Klassning.OPPEN)).toBe(true);
    expect(mayRead([], Klassning.BEGRANSAD)).toBe(false);
    expect(mayRead([Roll.TRAFIKKONTORET], Klassning.BEGRANSAD)).toBe(false);
    expect(mayRead([Roll.SAMORDNARE], Klassning.BEGRANSAD)).toBe(true);
    expect(mayRead([Roll.SAMORDNARE], Klassning.SKYDDAD)).toBe(false);
    expect(mayRead([Roll.UTBILDNINGSFORVALTNING], Klassning.OPPEN)).toBe(true);
    expect(mayRead([Roll.POLIS], Klassning.SKYDDAD)).toBe(true);
  });

  it('maps each role as agreed', () => {
    expect(ROLL_KLASSNING).toEqual({
      RADET: 'BEGRANSAD',
      ANALYTIKER: 'BEGRANSAD',
      SAMORDNARE: 'BEGRANSAD',
      POLIS: 'SKYDDAD',
      SKOLA: 'OPPEN',
      UTBILDNINGSFORVALTNING: 'BEGRANSAD',
      TRAFIKKONTORET: 'OPPEN',
      SISAB: 'OPPEN',
      MTR: 'OPPEN',
      SAMVERKANSPART: 'OPPEN',
      ADMIN: 'SKYDDAD',
    });
  });

  it('ignores an unknown role smuggled in at run time', () => {
    expect(clearance(['GUD' as Roll])).toBe(Klassning.OPPEN);
  });
});

describe('parseRoll', () => {
  it('reads roles case-insensitively', () => {
    expect(parseRoll('polis')).toBe(Roll.POLIS);
    expect(parseRoll(' Utbildningsforvaltning ')).toBe(Roll.UTBILDNINGSFORVALTNING);
    expect(parseRoll('SISAB')).toBe(Roll.SISAB);
    expect(parseRoll('samverkanspart')).toBe(Roll.SAMVERKANSPART);
    expect(parseRoll('rektor')).toBeUndefined();
    expect(parseRoll('')).toBeUndefined();
  });
});

describe('vocabulary', () => {
  it('names roles, levels and classifications in Swedish', () => {
    expect(ROLL_NAMN[Roll.RADET]).toBe('Trygghets- och säkerhetsrådet');
    expect(ROLL_NAMN[Roll.POLIS]).toBe('Polisen (lokalpolisområde Norrmalm)');
    expect(ROLL_NAMN[Roll.ADMIN]).toBe('Administratör');
    expect(Object.keys(ROLL_NAMN)).toHaveLength(11);
    expect(NIVA_NAMN[Niva.FATAL]).toBe('Ett fåtal');
    expect(NIVA_NAMN[Niva.OKAND]).toBe('Okänt');
    expect(Object.keys(NIVA_BESKRIVNING)).toEqual(Object.values(Niva));
    expect(KLASSNING_NAMN[Klassning.OPPEN]).toBe('Öppen');
    expect(KLASSNING_NAMN[Klassning.BEGRANSAD]).toBe('Begränsad');
    expect(
      [Klassning.OPPEN, Klassning.BEGRANSAD, Klassning.SKYDDAD].map((k) => klassningRank(k)),
    ).toEqual([0, 1, 2]);
  });

  it('lists the environments in order with names and descriptions', () => {
    expect(MILJOER).toEqual([
      'VIT_MAKT',
      'AUTONOMA',
      'ISLAMISTISK',
      'ENSAMAGERANDE',
      'ANTIDEMOKRATISK',
      'OSPECIFICERAD',
    ]);
    expect(MILJOER.map((m) => MILJO_NAMN[m])).toEqual([
      'Vit makt-miljön',
      'Autonoma miljön',
      'Våldsbejakande islamism',
      'Ensamagerande',
      'Antidemokratiska grupperingar',
      'Ospecificerat',
    ]);
    for (const m of MILJOER) expect(MILJO_BESKRIVNING[m]).toMatch(/^[A-ZÅÄÖ].*\.$/);
    expect(MILJO_BESKRIVNING[Miljo.ANTIDEMOKRATISK]).toContain('inte');
  });
});

describe('clearance to write', () => {
  it('refuses a classification above the writer’s own, in Swedish', () => {
    expect(klassningOverBehorighetFel([Roll.SAMORDNARE], Klassning.BEGRANSAD)).toBeNull();
    expect(klassningOverBehorighetFel([Roll.SAMORDNARE], Klassning.OPPEN)).toBeNull();
    expect(klassningOverBehorighetFel([Roll.ADMIN], Klassning.SKYDDAD)).toBeNull();
    expect(klassningOverBehorighetFel([Roll.SAMORDNARE], Klassning.SKYDDAD)).toBe(
      'Klassningen Skyddad är en högre klassning än din behörighet (Begränsad); välj en klassning du själv får läsa.',
    );
    expect(klassningOverBehorighetFel([Roll.SISAB], Klassning.BEGRANSAD)).toContain(
      'högre klassning än din behörighet (Öppen)',
    );
    expect(klassningOverBehorighetFel([], Klassning.BEGRANSAD)).not.toBeNull();
  });
});
