import { describe, expect, it } from 'vitest';
import { cellAndringar, nivaAndringar, underlagAndringar, type VisadCell } from './andringar';
import type { Underlag } from './modell';
import { datumText, rubrik, rubrikAvId, standardMote, visningUtanSkydd } from './text';

const visad = (id: string, visning: string): VisadCell => {
  const [period, partner, matt, dim] = id.split('|') as [string, never, string, string];
  const [dimension, nyckel] = dim.split('=');
  return {
    id,
    period,
    partner,
    matt,
    dimension: dimension as never,
    nyckel: nyckel ?? null,
    visning,
  };
};

describe('the Swedish words of a cell', () => {
  it('names a cell by partner, what it counts, its breakdown and period', () => {
    expect(rubrik(visad('2016-H2|polis|handelser|miljo=VIT_MAKT', ''))).toBe(
      'Polisen · händelser · Vit makt (2016-H2)',
    );
    expect(rubrik(visad('2016|klotter|anmalningar|rapportor=SISAB', ''))).toBe(
      'Klotterrapportörerna · anmälningar · SISAB (2016)',
    );
    expect(rubrik(visad('2016|skolor|skolorMedTecken|miljo=VIT_MAKT', ''))).toBe(
      'Skolorna · skolor med tecken · Vit makt (2016)',
    );
    expect(rubrik(visad('2016|forvaltning|incidenter|total', ''))).toBe(
      'Förvaltningen · incidenter · totalt (2016)',
    );
    expect(rubrikAvId('2016-H2|forvaltning|kontakter|miljo=ISLAMISTISK')).toBe(
      'Förvaltningen · kontakter · Våldsbejakande islamism (2016-H2)',
    );
  });

  it('reads a missing number as its state, never 0', () => {
    expect(visningUtanSkydd({ varde: 3, status: 'RAPPORTERAT' as never })).toBe('3');
    expect(visningUtanSkydd({ varde: 0, status: 'RAPPORTERAT_NOLL' as never })).toBe('0');
    expect(visningUtanSkydd({ varde: null, status: 'RAPPORTERAT' as never })).toBe('okänt antal');
    expect(visningUtanSkydd({ varde: null, status: 'EJ_RAPPORTERAT' as never })).toBe(
      'Ej rapporterat',
    );
    expect(visningUtanSkydd({ varde: null, status: 'RAPPORTERAT_GROVRE_PERIOD' as never })).toBe(
      'Rapporterat för längre period',
    );
  });

  it('names the meeting from its date', () => {
    expect(datumText('2016-12-04')).toBe('4 december 2016');
    expect(standardMote('2016-12-14')).toBe('Trygghets- och säkerhetsrådets möte 14 december 2016');
  });
});

describe('what changed', () => {
  it('lists the fields that differ, new and gone ones too', () => {
    const fore = [
      visad('2016|polis|handelser|total', '6'),
      visad('2016|polis|handelser|miljo=VIT_MAKT', 'fåtal'),
      visad('2016|polis|handelser|miljo=AUTONOMA', '0'),
    ];
    const efter = [
      visad('2016|polis|handelser|total', '7'),
      visad('2016|polis|handelser|miljo=VIT_MAKT', 'fåtal'),
      visad('2016|klotter|anmalningar|total', '4'),
    ];
    expect(cellAndringar(fore, efter)).toEqual([
      {
        cell: '2016|polis|handelser|total',
        rubrik: 'Polisen · händelser · totalt (2016)',
        fran: '6',
        till: '7',
      },
      {
        cell: '2016|klotter|anmalningar|total',
        rubrik: 'Klotterrapportörerna · anmälningar · totalt (2016)',
        fran: null,
        till: '4',
      },
      {
        cell: '2016|polis|handelser|miljo=AUTONOMA',
        rubrik: 'Polisen · händelser · Autonoma (2016)',
        fran: '0',
        till: null,
      },
    ]);
    expect(cellAndringar(fore, fore)).toEqual([]);
  });

  it("lists the police's levels that changed, in words", () => {
    const tom = {
      miljo: 'VIT_MAKT',
      bosatta: null,
      folkbokforda: null,
      utsattaForBrott: null,
      resor: null,
    };
    expect(nivaAndringar('2016-H2', [tom], [{ ...tom, bosatta: 'FATAL' }])).toEqual([
      {
        cell: '2016-H2|polis|niva|bosatta=VIT_MAKT',
        rubrik: 'Polisen · bosatta · Vit makt (2016-H2)',
        fran: 'Ej bedömd',
        till: 'Ett fåtal',
      },
    ]);
  });

  it('compares two captured pictures with every number', () => {
    const u = (varde: number | null, status: string): Underlag =>
      ({
        period: '2016-H2',
        nivaer: [],
        celler: [
          {
            id: '2016-H2|polis|handelser|total',
            period: '2016-H2',
            partner: 'polis',
            matt: 'handelser',
            dimension: 'total',
            nyckel: null,
            varde,
            status,
          },
        ],
      }) as unknown as Underlag;
    expect(underlagAndringar(u(2, 'RAPPORTERAT'), u(2, 'RAPPORTERAT'))).toEqual([]);
    expect(underlagAndringar(u(null, 'EJ_RAPPORTERAT'), u(1, 'RAPPORTERAT'))).toEqual([
      {
        cell: '2016-H2|polis|handelser|total',
        rubrik: 'Polisen · händelser · totalt (2016-H2)',
        fran: 'Ej rapporterat',
        till: '1',
      },
    ]);
  });
});
