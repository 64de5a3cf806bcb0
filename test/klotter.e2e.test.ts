import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/** The klotter subgraph through the gateway, beside förvaltning's own section. */
describe('klotter in the federated picture', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  const QUERY = `query ($period: Period!) {
    lagesbild(omrade: "norrmalm", period: $period) {
      period
      forvaltning { incidenterAntal { antal } }
      klotter {
        rapporteringsstatus
        antal { antal }
        perRapportor { rapportor rapporteringsstatus antal { antal } }
        perKategori { rapportor kategori antal { antal } sanering { okant { antal } } }
        anmalningar { totalt anmalningar { kategori miljo innehall platsText plats { id namn registrerad } } }
      }
      miljoer { miljo forvaltning { incidenterAntal { antal } } klotter { antal { antal } } }
    }
  }`;

  /** Counts come as SkyddatAntal; asked as the council, cleared for both partners' numbers. */
  type N = { antal: number | null };
  const n = (antal: number): N => ({ antal });
  const RADET = { 'x-lagesbild-roller': 'RADET' };

  interface Answer {
    lagesbild: {
      period: string;
      forvaltning: { incidenterAntal: N };
      klotter: {
        rapporteringsstatus: string;
        antal: N;
        perRapportor: { rapportor: string; rapporteringsstatus: string; antal: N | null }[];
        perKategori: {
          rapportor: string;
          kategori: string;
          antal: N;
          sanering: { okant: N };
        }[];
        anmalningar: {
          totalt: number;
          anmalningar: {
            kategori: string;
            miljo: string;
            innehall: string;
            platsText: string;
            plats: { id: string; namn: string; registrerad: boolean };
          }[];
        };
      };
      miljoer: {
        miljo: string;
        forvaltning: { incidenterAntal: N | null };
        klotter: { antal: N };
      }[];
    };
  }

  it('2016 for Norrmalm: four reports with their places, SISAB zero, MTR not reported', async () => {
    const { status, body } = await system.gql(QUERY, { period: '2016' }, RADET);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const lb = (body.data as unknown as Answer).lagesbild;
    expect(lb.forvaltning.incidenterAntal).toEqual(n(3));
    expect(lb.klotter.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(lb.klotter.antal).toEqual(n(4));
    expect(lb.klotter.perRapportor).toEqual([
      { rapportor: 'TRAFIKKONTORET', rapporteringsstatus: 'RAPPORTERAT', antal: n(4) },
      { rapportor: 'SISAB', rapporteringsstatus: 'RAPPORTERAT_NOLL', antal: n(0) },
      { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null },
    ]);
    const okant2 = { okant: n(2) };
    expect(lb.klotter.perKategori).toEqual([
      { rapportor: 'TRAFIKKONTORET', kategori: 'RASISTISKT', antal: n(2), sanering: okant2 },
      { rapportor: 'TRAFIKKONTORET', kategori: 'STOTANDE', antal: n(2), sanering: okant2 },
    ]);
    // The places resolve in förvaltning's register, the source's spelling kept beside.
    expect(
      lb.klotter.anmalningar.anmalningar.map((a) => [a.kategori, a.plats.namn, a.platsText]),
    ).toEqual([
      ['RASISTISKT', 'Observatorielundens parklek', 'Observatorielundens parklek'],
      ['RASISTISKT', 'Karlbergsvägen', 'Karlbergsvägen'],
      ['STOTANDE', 'Raoul Wallenbergs torg', 'Raul Wallenbergs Torg'],
      [
        'STOTANDE',
        'Nedre Observatorielunden, tunnelbanenedgången',
        'Nedre Observatorielunden, tunnelbanenedgången',
      ],
    ]);
    expect(lb.klotter.anmalningar.anmalningar.every((a) => a.plats.registrerad)).toBe(true);
    const vitMakt = lb.miljoer.find((m) => m.miljo === 'VIT_MAKT')!;
    expect(vitMakt).toEqual({
      miljo: 'VIT_MAKT',
      forvaltning: { incidenterAntal: n(3) },
      klotter: { antal: n(2) },
    });
    expect(lb.miljoer.find((m) => m.miljo === 'OSPECIFICERAD')!.klotter.antal).toEqual(n(2));
  });

  it("2015: trafikkontoret's attested zero, not a silent 0", async () => {
    const { body } = await system.gql(QUERY, { period: '2015' }, RADET);
    expect(body.errors).toBeUndefined();
    const k = (body.data as unknown as Answer).lagesbild.klotter;
    expect(k.rapporteringsstatus).toBe('RAPPORTERAT_NOLL');
    expect(k.antal).toEqual(n(0));
    expect(k.perRapportor.map((r) => [r.rapportor, r.rapporteringsstatus, r.antal])).toEqual([
      ['TRAFIKKONTORET', 'RAPPORTERAT_NOLL', n(0)],
      ['SISAB', 'EJ_RAPPORTERAT', null],
      ['MTR', 'EJ_RAPPORTERAT', null],
    ]);
  });

  const LANGRE = `query ($period: Period!) {
    lagesbild(omrade: "norrmalm", period: $period) {
      klotter {
        rapporteringsstatus antal { antal } grovrePeriod
        sanering { kanda { antal } totalt { antal } }
        perRapportor { rapportor rapporteringsstatus antal { antal } grovrePeriod }
        grovre { rapporteringsstatus antal { antal } sanering { kanda { antal } totalt { antal } } }
      }
      miljoer { miljo klotter { rapporteringsstatus antal { antal } grovrePeriod grovre { antal { antal } } } }
    }
  }`;

  it("2016-H2: the year's reports are shown for the whole year, neither 0 nor hidden", async () => {
    const { body } = await system.gql(LANGRE, { period: '2016-H2' }, RADET);
    expect(body.errors).toBeUndefined();
    const lb = (body.data as { lagesbild: Record<string, unknown> }).lagesbild;
    expect(lb.klotter).toEqual({
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
      antal: null,
      grovrePeriod: '2016',
      sanering: null,
      perRapportor: [
        {
          rapportor: 'TRAFIKKONTORET',
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
          grovrePeriod: '2016',
        },
        {
          rapportor: 'SISAB',
          rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
          antal: null,
          grovrePeriod: '2016',
        },
        {
          rapportor: 'MTR',
          rapporteringsstatus: 'EJ_RAPPORTERAT',
          antal: null,
          grovrePeriod: null,
        },
      ],
      grovre: {
        rapporteringsstatus: 'RAPPORTERAT',
        antal: n(4),
        // None of the four has a known time: "0 av 4 med känd tid".
        sanering: { kanda: n(0), totalt: n(4) },
      },
    });
    const miljoer = lb.miljoer as { miljo: string; klotter: Record<string, unknown> }[];
    expect(miljoer.find((m) => m.miljo === 'VIT_MAKT')?.klotter).toEqual({
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
      antal: null,
      grovrePeriod: '2016',
      grovre: { antal: n(2) },
    });
  });

  it('2030 has not begun: klotter has not reported, and no count says 0', async () => {
    const { body } = await system.gql(LANGRE, { period: '2030' }, RADET);
    expect(body.errors).toBeUndefined();
    const lb = (body.data as { lagesbild: Record<string, unknown> }).lagesbild;
    expect(lb.klotter).toMatchObject({
      rapporteringsstatus: 'EJ_RAPPORTERAT',
      antal: null,
      grovrePeriod: null,
      sanering: null,
      grovre: null,
    });
    const miljoer = lb.miljoer as { klotter: Record<string, unknown> }[];
    expect(miljoer).toHaveLength(6);
    for (const m of miljoer) {
      expect(m.klotter).toEqual({
        rapporteringsstatus: 'EJ_RAPPORTERAT',
        antal: null,
        grovrePeriod: null,
        grovre: null,
      });
    }
  });

  it('a place and the area list, through the gateway', async () => {
    const { body } = await system.gql(
      `{
      plats(id: "Karlbergsvägen") { namn klotteranmalningar { innehall period } }
      omrade(id: "norrmalm") { namn klotteranmalningar(period: "2016", kategori: RASISTISKT, first: 1) { totalt finnsFler anmalningar { innehall } } }
    }`,
      undefined,
      RADET,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      plats: {
        namn: 'Karlbergsvägen',
        klotteranmalningar: [{ innehall: 'Hakkors', period: '2016' }],
      },
      omrade: {
        namn: 'Norrmalm',
        klotteranmalningar: {
          totalt: 2,
          finnsFler: true,
          anmalningar: [{ innehall: 'Sieg Heil' }],
        },
      },
    });
  });
});
