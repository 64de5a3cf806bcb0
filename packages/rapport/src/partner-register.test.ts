/**
 * A partner added by one entry in the registry (SUBGRAPHS in @lagesbild/domain), with no
 * other list edited, reaches the dashboard's columns, selections and Källor and the meeting
 * report's Källor, section, cross-partner table and trend. This proves it at the level of
 * the functions that derive from the registry, given a registry with a fixture partner; no
 * fixture subgraph process is started.
 */
import {
  CACHEBARA_OPERATIONER,
  cachebaraOperationer,
  type PartnerEntry,
  partnerRegister,
  SUBGRAPHS,
  type SubgraphEntry,
} from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { tackning } from '../../../dashboard/src/lagesbild';
import { cell, lagesbildUrval, PARTNERS, partnersFran } from '../../../dashboard/src/partners';
import { rapportDokument } from './dokument';
import { antal, bild2016, foregaende2015 } from './exempel.test-data';
import { renderMarkdown } from './render';
import type { Lagesbild } from './types';

const VAKTBOLAG: PartnerEntry = {
  falt: 'vaktbolag',
  namn: 'Vaktbolaget',
  genitiv: 'Vaktbolagets',
  kortNamn: 'Vaktbolaget',
  kallNamn: 'Vaktbolaget',
  inteRapporterat: 'Vaktbolaget har inte rapporterat',
  rapportRubrik: 'Lägesbild från vaktbolaget',
  levandeBehoriga: [],
  avsnittAgare: [],
  avsnittTal: [
    { falt: 'ronderAntal', rubrik: 'Ronder', ord: { en: 'rond', flera: 'ronder' }, skyddat: true },
  ],
  kolumner: [
    {
      falt: 'ronderAntal',
      rubrik: 'Ronder',
      beskrivning: 'Vaktbolagets ronder i miljön.',
      slag: 'antal',
    },
  ],
  operationer: ['DashboardVaktbolag'],
};

/** The registry with one entry more: the fixture partner's subgraph. */
const MED_FIXTUR: readonly SubgraphEntry[] = [
  ...SUBGRAPHS,
  { name: 'vaktbolag', defaultPort: 4006, dir: 'subgraphs/vaktbolag', partner: VAKTBOLAG },
];
const REGISTER = partnerRegister(MED_FIXTUR);

const rapporterat = (n: number) => ({
  rapporteringsstatus: 'RAPPORTERAT',
  grovrePeriod: null,
  grovre: null,
  ronderAntal: antal(n),
});

/** 2016 with the fixture partner's section and rows. */
function bildMedFixtur(): Lagesbild {
  const l = bild2016();
  return {
    ...l,
    vaktbolag: rapporterat(5),
    miljoer: l.miljoer.map((m, i) => ({ ...m, vaktbolag: rapporterat(i + 2) })),
    foregaende: { ...foregaende2015(), vaktbolag: rapporterat(1) },
  } as unknown as Lagesbild;
}

describe('a partner added by one registry entry', () => {
  it('is one of the registry’s partners, after the others', () => {
    expect(REGISTER.map((p) => p.falt)).toEqual([
      'forvaltning',
      'polis',
      'skolor',
      'klotter',
      'vaktbolag',
    ]);
  });

  it('gets the dashboard’s columns, selections and Källor line', () => {
    const partners = partnersFran(REGISTER);
    const vakt = partners.find((p) => p.falt === 'vaktbolag');
    expect(vakt?.namn).toBe('Vaktbolaget');
    expect(vakt?.kolumner.map((k) => k.rubrik)).toEqual(['Ronder']);
    const [ronder] = vakt?.kolumner ?? [];
    expect(ronder && cell(ronder, rapporterat(3) as never).text).toBe('3');
    const urval = lagesbildUrval(partners);
    expect(urval).toContain('vaktbolag { rapporteringsstatus grovrePeriod ronderAntal');
    expect(urval).toContain('ronderAntal { antal undertryckt visning }');
    // The registry's own partners read the same as before.
    expect(partners.slice(0, 4)).toEqual(PARTNERS);

    const kallor = tackning(bildMedFixtur() as never, [], ['lagesbild'], partners);
    expect(kallor.map((k) => k.partner.falt)).toContain('vaktbolag');
    expect(kallor.find((k) => k.partner.falt === 'vaktbolag')?.text).toBe('Rapporterat');
    const borta = tackning(
      { ...bildMedFixtur(), vaktbolag: null } as never,
      [{ message: 'nere', path: ['lagesbild', 'vaktbolag'] }],
      ['lagesbild'],
      partners,
    );
    expect(borta.find((k) => k.partner.falt === 'vaktbolag')?.tackning).toBe('EJ_TILLGANGLIG');
  });

  it('gets the report’s Källor line, section, column and trend row', () => {
    const dok = rapportDokument(bildMedFixtur(), { framtagen: '2026-11-26T12:00:00Z' }, REGISTER);
    const kallor = dok.avsnitt.find((a) => a.rubrik === 'Källor för perioden');
    expect(kallor?.tabeller[0]?.rader.at(-1)).toEqual(['Vaktbolaget', 'Rapporterat']);
    const eget = dok.avsnitt.find((a) => a.rubrik === 'Lägesbild från vaktbolaget');
    expect(eget?.stycken).toEqual(['Ronder: 5 ronder.']);
    const tabell = dok.avsnitt.find((a) => a.rubrik === 'Sammanställning per miljö')?.tabeller[0];
    expect(tabell?.kolumner.at(-1)).toBe('Ronder');
    expect(tabell?.rader.map((r) => r.at(-1))).toEqual(
      bildMedFixtur().miljoer.map((_, i) => String(i + 2)),
    );
    const trend = dok.avsnitt.find((a) => a.rubrik.startsWith('Jämfört med'))?.tabeller[0];
    expect(trend?.rader.at(-1)).toEqual(['Ronder', '5', '1', '+4']);
  });

  it('is said to be missing, or not reported, in the report like any other partner', () => {
    const l = bildMedFixtur();
    const borta = rapportDokument(
      l,
      { framtagen: '2026-11-26T12:00:00Z', saknadeKallor: ['vaktbolag'] },
      REGISTER,
    );
    expect(
      borta.avsnitt.find((a) => a.rubrik === 'Lägesbild från vaktbolaget')?.stycken[0],
    ).toMatch(/^Ej tillgänglig/);
    const ej = rapportDokument(
      {
        ...l,
        vaktbolag: { ...rapporterat(0), rapporteringsstatus: 'EJ_RAPPORTERAT', ronderAntal: null },
      } as unknown as Lagesbild,
      { framtagen: '2026-11-26T12:00:00Z' },
      REGISTER,
    );
    expect(ej.avsnitt.find((a) => a.rubrik === 'Lägesbild från vaktbolaget')?.stycken).toEqual([
      'Vaktbolaget har inte rapporterat för 2016.',
    ]);
  });

  it('leaves the report of the registry’s own partners as it was', () => {
    const utan = renderMarkdown(rapportDokument(bild2016(), { framtagen: '2026-11-26T12:00:00Z' }));
    expect(utan).not.toContain('vaktbolag');
  });

  it('adds its operations to those the gateway may cache', () => {
    expect(CACHEBARA_OPERATIONER).toEqual([
      'Omraden',
      'Dashboard',
      'DashboardHandlingsplan',
      'DashboardKlotterHistorik',
      'LagesbildRapport',
    ]);
    expect(cachebaraOperationer(REGISTER)).toEqual([
      'Omraden',
      'Dashboard',
      'DashboardHandlingsplan',
      'DashboardKlotterHistorik',
      'DashboardVaktbolag',
      'LagesbildRapport',
    ]);
  });
});
