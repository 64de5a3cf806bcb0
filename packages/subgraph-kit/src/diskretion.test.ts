import { describe, expect, it } from 'vitest';
import { loadDiskretionTroskel } from './diskretion';

describe('the disclosure threshold from configuration', () => {
  it('reads <SUBGRAPH>_DISKRETION_TROSKEL, 3 when unset; an explicit value wins; nonsense is refused', () => {
    expect(loadDiskretionTroskel('polis', undefined, {})).toBe(3);
    expect(loadDiskretionTroskel('polis', undefined, { POLIS_DISKRETION_TROSKEL: '5' })).toBe(5);
    expect(loadDiskretionTroskel('polis', 2, { POLIS_DISKRETION_TROSKEL: '5' })).toBe(2);
    // Another subgraph's variable is not this one's.
    expect(loadDiskretionTroskel('klotter', undefined, { POLIS_DISKRETION_TROSKEL: '5' })).toBe(3);
    for (const bad of ['0', 'tre', '2.5', '1e3']) {
      expect(() =>
        loadDiskretionTroskel('forvaltning', undefined, { FORVALTNING_DISKRETION_TROSKEL: bad }),
      ).toThrow(`FORVALTNING_DISKRETION_TROSKEL="${bad}" är inte ett giltigt värde`);
    }
  });
});
