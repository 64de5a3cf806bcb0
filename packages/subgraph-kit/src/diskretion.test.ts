import { Roll } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { diskretionFor, loadDiskretionTroskel } from './diskretion';
import type { Viewer } from './viewer';

const viewer = (...roller: Roll[]): Viewer => ({ subject: 't', roller, skolaId: null });

describe('disclosure control for a viewer', () => {
  it('is cleared when any role is on the data owner list, with the given threshold', () => {
    const lista = [Roll.POLIS, Roll.RADET];
    expect(diskretionFor(viewer(Roll.SKOLA), lista, 3)).toEqual({ behorig: false, troskel: 3 });
    expect(diskretionFor(viewer(Roll.SKOLA, Roll.RADET), lista, 5)).toEqual({
      behorig: true,
      troskel: 5,
    });
    expect(diskretionFor(viewer(), lista, 3).behorig).toBe(false);
  });

  it('reads <SUBGRAPH>_DISKRETION_TROSKEL, 3 when unset; an explicit value wins; nonsense is refused', () => {
    expect(loadDiskretionTroskel('polis', undefined, {})).toBe(3);
    expect(loadDiskretionTroskel('polis', undefined, { POLIS_DISKRETION_TROSKEL: '5' })).toBe(5);
    expect(loadDiskretionTroskel('polis', 2, { POLIS_DISKRETION_TROSKEL: '5' })).toBe(2);
    // Another subgraph's variable is not this one's.
    expect(loadDiskretionTroskel('klotter', undefined, { POLIS_DISKRETION_TROSKEL: '5' })).toBe(3);
    for (const bad of ['0', 'tre', '2.5']) {
      expect(() =>
        loadDiskretionTroskel('forvaltning', undefined, { FORVALTNING_DISKRETION_TROSKEL: bad }),
      ).toThrow(`Ogiltig diskretionströskel "${bad}"`);
    }
  });
});
