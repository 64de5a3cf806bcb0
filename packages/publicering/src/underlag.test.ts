import { MILJOER, parsePeriod } from '@lagesbild/domain';
import { type FragmentDefinitionNode, Kind, parse, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  type LagesbildSvar,
  lankadePerioder,
  PUBLICERING_UNDERLAG,
  UnderlagError,
  type UnderlagSvar,
  underlagAv,
  underlagVariabler,
} from './underlag';

type Status = 'RAPPORTERAT' | 'RAPPORTERAT_NOLL' | 'RAPPORTERAT_GROVRE_PERIOD' | 'EJ_RAPPORTERAT';
const antal = (n: number | null, undertryckt = false) =>
  n === null
    ? null
    : { antal: undertryckt ? null : n, undertryckt, visning: undertryckt ? 'fåtal' : String(n) };

interface Sektion {
  rapporteringsstatus: Status;
  grovrePeriod?: string | null;
  grovre?: Sektion | null;
  [falt: string]: unknown;
}

/**
 * One `lagesbild` of the gateway's answer: every partner not reported unless told, the
 * sections and rows given per partner (the rows by environment; the rest not reported).
 */
function lagesbild(
  period: string,
  avsnitt: Partial<Record<'forvaltning' | 'polis' | 'skolor' | 'klotter', Sektion>> = {},
  rader: Partial<
    Record<'forvaltning' | 'polis' | 'skolor' | 'klotter', Record<string, Sektion>>
  > = {},
): LagesbildSvar {
  const ej: Sektion = { rapporteringsstatus: 'EJ_RAPPORTERAT', grovrePeriod: null, grovre: null };
  const partner = (p: 'forvaltning' | 'polis' | 'skolor' | 'klotter') =>
    avsnitt[p] ?? { ...ej, ...(p === 'klotter' ? { perRapportor: [] } : {}) };
  return {
    omradeId: 'norrmalm',
    period,
    forvaltning: partner('forvaltning'),
    polis: partner('polis'),
    skolor: partner('skolor'),
    klotter: partner('klotter'),
    miljoer: MILJOER.map((miljo) => ({
      miljo,
      forvaltning: rader.forvaltning?.[miljo] ?? ej,
      polis: rader.polis?.[miljo] ?? ej,
      skolor: rader.skolor?.[miljo] ?? ej,
      klotter: rader.klotter?.[miljo] ?? ej,
    })),
  } as LagesbildSvar;
}

/** The police reported `total` events for the period, `perMiljo` of them per environment. */
function polis(total: number, perMiljo: Record<string, number>) {
  const rader = Object.fromEntries(
    MILJOER.map((m) => [
      m,
      {
        rapporteringsstatus: (perMiljo[m] ?? 0) > 0 ? 'RAPPORTERAT' : 'RAPPORTERAT_NOLL',
        handelserAntal: antal(perMiljo[m] ?? 0),
        bosatta: m === 'VIT_MAKT' ? 'FATAL' : null,
      } as Sektion,
    ]),
  );
  return {
    avsnitt: { rapporteringsstatus: 'RAPPORTERAT', handelserAntal: antal(total) } as Sektion,
    rader,
  };
}

function svar(h2: LagesbildSvar, ar: LagesbildSvar, h1: LagesbildSvar): UnderlagSvar {
  return { period: h2, lankad1: ar, lankad2: h1 };
}

describe('the capture query', () => {
  it('asks for the period and its two linked periods through aliases, within the gateway limits', () => {
    expect(PUBLICERING_UNDERLAG).toMatch(/query PubliceringUnderlag\(/);
    const aliases = PUBLICERING_UNDERLAG.match(/^\s*\w+: lagesbild\(/gm) ?? [];
    expect(aliases).toHaveLength(3);
    // Depth through the fragments, counted as the gateway counts it (GATEWAY_MAX_DEPTH 15).
    const doc = parse(PUBLICERING_UNDERLAG);
    const fragments = new Map(
      doc.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const djup = (set: SelectionSetNode | undefined): number =>
      Math.max(
        0,
        ...(set?.selections ?? []).map((s) =>
          s.kind === Kind.FIELD
            ? 1 + djup(s.selectionSet)
            : s.kind === Kind.FRAGMENT_SPREAD
              ? djup(fragments.get(s.name.value)?.selectionSet)
              : djup(s.selectionSet),
        ),
      );
    const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(
      djup(operation?.kind === Kind.OPERATION_DEFINITION ? operation.selectionSet : undefined),
    ).toBe(6);
    expect(underlagVariabler('norrmalm', parsePeriod('2016-H2'))).toEqual({
      omrade: 'norrmalm',
      period: '2016-H2',
      lankad1: '2016',
      lankad2: '2016-H1',
    });
    expect(underlagVariabler('norrmalm', parsePeriod('2016'))).toEqual({
      omrade: 'norrmalm',
      period: '2016',
      lankad1: '2016-H1',
      lankad2: '2016-H2',
    });
    expect(lankadePerioder(parsePeriod('2017-H1')).map((p) => p.text)).toEqual(['2017', '2017-H2']);
    expect(() => lankadePerioder(parsePeriod('2016-Q3'))).toThrow(UnderlagError);
  });
});

describe('underlagAv: the answer as cells and sums', () => {
  const p2 = polis(2, { VIT_MAKT: 1, OSPECIFICERAD: 1 });
  const p1 = polis(1, { OSPECIFICERAD: 1 });
  const p16 = polis(6, { VIT_MAKT: 1, OSPECIFICERAD: 5 });
  const klotter16: Sektion = {
    rapporteringsstatus: 'RAPPORTERAT',
    antal: antal(4),
    perRapportor: [
      { rapportor: 'TRAFIKKONTORET', rapporteringsstatus: 'RAPPORTERAT', antal: antal(4) },
      { rapportor: 'SISAB', rapporteringsstatus: 'RAPPORTERAT_NOLL', antal: antal(0) },
      { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null },
    ],
  };
  const klotterRader = {
    VIT_MAKT: { rapporteringsstatus: 'RAPPORTERAT', antal: antal(2) } as Sektion,
    OSPECIFICERAD: { rapporteringsstatus: 'RAPPORTERAT', antal: antal(2) } as Sektion,
  };
  const skolor16: Sektion = { rapporteringsstatus: 'RAPPORTERAT', besvarade: 6 };
  const skolorRader = {
    VIT_MAKT: {
      rapporteringsstatus: 'RAPPORTERAT',
      besvarade: 6,
      skolorMedTecken: antal(1),
    } as Sektion,
  };
  const h2 = lagesbild(
    '2016-H2',
    {
      polis: { ...p2.avsnitt, grovrePeriod: '2016', grovre: p16.avsnitt },
      klotter: {
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        antal: null,
        perRapportor: [],
        grovrePeriod: '2016',
        grovre: klotter16,
      },
      skolor: {
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        besvarade: null,
        grovrePeriod: '2016',
        grovre: skolor16,
      },
      forvaltning: {
        rapporteringsstatus: 'RAPPORTERAT',
        incidenterAntal: null,
        kontakterAntal: antal(3),
      },
    },
    {
      polis: p2.rader,
      klotter: Object.fromEntries(
        MILJOER.map((m) => [
          m,
          {
            rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
            antal: null,
            grovrePeriod: klotterRader[m as keyof typeof klotterRader] ? '2016' : null,
            grovre: klotterRader[m as keyof typeof klotterRader] ?? null,
          } as Sektion,
        ]),
      ),
      skolor: {
        VIT_MAKT: {
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          grovrePeriod: '2016',
          grovre: skolorRader.VIT_MAKT,
        },
      },
      forvaltning: Object.fromEntries(
        MILJOER.map((m) => [
          m,
          {
            rapporteringsstatus: 'RAPPORTERAT',
            incidenterAntal: null,
            kontakterAntal: antal(m === 'ISLAMISTISK' ? 1 : 0),
            faltobservationerAntal: null,
          } as Sektion,
        ]),
      ),
    },
  );
  const ar = lagesbild(
    '2016',
    { polis: p16.avsnitt, klotter: klotter16, skolor: skolor16 },
    { polis: p16.rader, klotter: klotterRader, skolor: skolorRader },
  );
  const h1 = lagesbild('2016-H1', { polis: p1.avsnitt }, { polis: p1.rader });
  const u = underlagAv(svar(h2, ar, h1), 'norrmalm', '2016-H2', '2026-12-01T00:00:00.000Z');
  const varde = (id: string) => {
    const c = [...u.celler, ...u.lankade.celler].find((x) => x.id === id);
    if (!c) throw new Error(`no cell ${id}`);
    return [c.varde, c.status];
  };

  it('keeps the period, its sections and the police levels', () => {
    expect(u).toMatchObject({
      omradeId: 'norrmalm',
      period: '2016-H2',
      hamtad: '2026-12-01T00:00:00.000Z',
    });
    expect(u.avsnitt).toEqual([
      { partner: 'forvaltning', rapporteringsstatus: 'RAPPORTERAT', grovrePeriod: null },
      { partner: 'polis', rapporteringsstatus: 'RAPPORTERAT', grovrePeriod: '2016' },
      { partner: 'skolor', rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD', grovrePeriod: '2016' },
      {
        partner: 'klotter',
        rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
        grovrePeriod: '2016',
      },
    ]);
    expect(u.nivaer[0]).toEqual({
      miljo: 'VIT_MAKT',
      bosatta: 'FATAL',
      folkbokforda: null,
      utsattaForBrott: null,
      resor: null,
    });
  });

  it('gives each count a cell, a missing one null with its state, never 0', () => {
    expect(varde('2016-H2|polis|handelser|total')).toEqual([2, 'RAPPORTERAT']);
    expect(varde('2016-H2|polis|handelser|miljo=VIT_MAKT')).toEqual([1, 'RAPPORTERAT']);
    expect(varde('2016-H2|polis|handelser|miljo=AUTONOMA')).toEqual([0, 'RAPPORTERAT_NOLL']);
    // Förvaltning reported for the period, but not its incidents: not reported, not 0.
    expect(varde('2016-H2|forvaltning|incidenter|total')).toEqual([null, 'EJ_RAPPORTERAT']);
    expect(varde('2016-H2|klotter|anmalningar|total')).toEqual([null, 'RAPPORTERAT_GROVRE_PERIOD']);
    expect(varde('2016|klotter|anmalningar|rapportor=MTR')).toEqual([null, 'EJ_RAPPORTERAT']);
  });

  it("gives a section's longer period its cells under that period's id, in the publication", () => {
    const egna = new Set(u.celler.map((c) => c.id));
    for (const id of [
      '2016|polis|handelser|total',
      '2016|klotter|anmalningar|rapportor=SISAB',
      '2016|klotter|anmalningar|miljo=VIT_MAKT',
      '2016|skolor|skolorMedTecken|miljo=VIT_MAKT',
      '2016|skolor|besvaradeSkolor|total',
    ]) {
      expect(egna.has(id), id).toBe(true);
    }
    expect(varde('2016|skolor|skolorMedTecken|miljo=VIT_MAKT')).toEqual([1, 'RAPPORTERAT']);
    // The other half-year is linked, not published.
    expect(egna.has('2016-H1|polis|handelser|total')).toBe(false);
    expect(varde('2016-H1|polis|handelser|total')).toEqual([1, 'RAPPORTERAT']);
    expect(new Set([...u.celler, ...u.lankade.celler].map((c) => c.id)).size).toBe(
      u.celler.length + u.lankade.celler.length,
    );
  });

  it('sums a table where its parts add up, with the known rest', () => {
    expect(u.relationer).toContainEqual({
      summa: '2016-H2|polis|handelser|total',
      delar: MILJOER.map((m) => `2016-H2|polis|handelser|miljo=${m}`),
      rest: 'kand',
      restVarde: 0,
    });
    // Contacts without an environment: the rest.
    expect(u.relationer).toContainEqual({
      summa: '2016-H2|forvaltning|kontakter|total',
      delar: MILJOER.map((m) => `2016-H2|forvaltning|kontakter|miljo=${m}`),
      rest: 'kand',
      restVarde: 2,
    });
    // A reporter that did not report has no reports in the period: out of the sum.
    expect(u.relationer).toContainEqual({
      summa: '2016|klotter|anmalningar|total',
      delar: [
        '2016|klotter|anmalningar|rapportor=TRAFIKKONTORET',
        '2016|klotter|anmalningar|rapportor=SISAB',
      ],
      rest: 'kand',
      restVarde: 0,
    });
    // The schools' counts never add up: a school can answer about several environments.
    const alla = [...u.relationer, ...u.lankade.relationer];
    expect(alla.some((r) => r.summa.includes('|skolor|'))).toBe(false);
    // Nothing sums incidents förvaltning did not report.
    expect(alla.some((r) => r.summa === '2016-H2|forvaltning|incidenter|total')).toBe(false);
  });

  it('ties the year to its halves with the known rest, among the linked sums', () => {
    // 6 events in 2016, 1 in H1 and 2 in H2: 3 are dated only to the year.
    expect(u.lankade.relationer).toContainEqual({
      summa: '2016|polis|handelser|total',
      delar: ['2016-H1|polis|handelser|total', '2016-H2|polis|handelser|total'],
      rest: 'kand',
      restVarde: 3,
    });
    // Nothing dated only to the year: the rest is 0, and the reader is taken to know it.
    expect(u.lankade.relationer).toContainEqual({
      summa: '2016|polis|handelser|miljo=VIT_MAKT',
      delar: ['2016-H1|polis|handelser|miljo=VIT_MAKT', '2016-H2|polis|handelser|miljo=VIT_MAKT'],
      rest: 'kand',
      restVarde: 0,
    });
    for (const r of u.relationer) {
      for (const id of [r.summa, ...r.delar]) expect(u.celler.some((c) => c.id === id)).toBe(true);
    }
  });

  it('leaves the rest unknown where a half has no number', () => {
    // The police did not report for H1: the year is only known to hold at least H2.
    const utanH1 = underlagAv(
      svar(h2, ar, lagesbild('2016-H1')),
      'norrmalm',
      '2016-H2',
      '2026-12-01T00:00:00.000Z',
    );
    // Both its cells are the publication's own here (the police's year is its "hela 2016").
    const perioden = [...utanH1.relationer, ...utanH1.lankade.relationer].filter(
      (r) => r.summa === '2016|polis|handelser|total' && r.delar[0]?.startsWith('2016-H'),
    );
    expect(perioden).toEqual([
      {
        summa: '2016|polis|handelser|total',
        delar: ['2016-H2|polis|handelser|total'],
        rest: 'okand',
      },
    ]);
  });

  it('refuses a picture the reader does not see whole, or that is missing a section', () => {
    const dold = lagesbild('2016-H2', {
      polis: { rapporteringsstatus: 'RAPPORTERAT', handelserAntal: antal(2, true) },
    });
    expect(() => underlagAv(svar(dold, ar, h1), 'norrmalm', '2016-H2', 'x')).toThrow(
      'Polisens antal visas inte i sin helhet för din roll; ett utkast görs av den som ser alla antal (samordnaren).',
    );
    try {
      underlagAv(svar(dold, ar, h1), 'norrmalm', '2016-H2', 'x');
    } catch (e) {
      expect((e as UnderlagError).slag).toBe('DOLD');
    }
    const utan = { ...lagesbild('2016-H2'), skolor: null, klotter: null };
    expect(() => underlagAv(svar(utan, ar, h1), 'norrmalm', '2016-H2', 'x')).toThrow(
      'Skolornas och Klotterrapportörernas avsnitt för 2016-H2 kunde inte läsas; lägesbilden är inte hel.',
    );
  });
});
