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
      forvaltning { incidenterAntal }
      klotter {
        rapporteringsstatus
        antal
        perRapportor { rapportor rapporteringsstatus antal }
        perKategori { rapportor kategori antal sanering { okant } }
        anmalningar { totalt anmalningar { kategori miljo innehall platsText plats { id namn registrerad } } }
      }
      miljoer { miljo forvaltning { incidenter } klotter { antal } }
    }
  }`;

  interface Answer {
    lagesbild: {
      period: string;
      forvaltning: { incidenterAntal: number };
      klotter: {
        rapporteringsstatus: string;
        antal: number;
        perRapportor: { rapportor: string; rapporteringsstatus: string; antal: number | null }[];
        perKategori: {
          rapportor: string;
          kategori: string;
          antal: number;
          sanering: { okant: number };
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
      miljoer: { miljo: string; forvaltning: { incidenter: number }; klotter: { antal: number } }[];
    };
  }

  it('2016 for Norrmalm: four reports with their places, SISAB zero, MTR not reported', async () => {
    const { status, body } = await system.gql(QUERY, { period: '2016' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const lb = (body.data as unknown as Answer).lagesbild;
    expect(lb.forvaltning.incidenterAntal).toBe(3);
    expect(lb.klotter.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(lb.klotter.antal).toBe(4);
    expect(lb.klotter.perRapportor).toEqual([
      { rapportor: 'TRAFIKKONTORET', rapporteringsstatus: 'RAPPORTERAT', antal: 4 },
      { rapportor: 'SISAB', rapporteringsstatus: 'RAPPORTERAT_NOLL', antal: 0 },
      { rapportor: 'MTR', rapporteringsstatus: 'EJ_RAPPORTERAT', antal: null },
    ]);
    expect(lb.klotter.perKategori).toEqual([
      { rapportor: 'TRAFIKKONTORET', kategori: 'RASISTISKT', antal: 2, sanering: { okant: 2 } },
      { rapportor: 'TRAFIKKONTORET', kategori: 'STOTANDE', antal: 2, sanering: { okant: 2 } },
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
      forvaltning: { incidenter: 3 },
      klotter: { antal: 2 },
    });
    expect(lb.miljoer.find((m) => m.miljo === 'OSPECIFICERAD')!.klotter.antal).toBe(2);
  });

  it("2015: trafikkontoret's attested zero, not a silent 0", async () => {
    const { body } = await system.gql(QUERY, { period: '2015' });
    expect(body.errors).toBeUndefined();
    const k = (body.data as unknown as Answer).lagesbild.klotter;
    expect(k.rapporteringsstatus).toBe('RAPPORTERAT_NOLL');
    expect(k.perRapportor.map((r) => [r.rapportor, r.rapporteringsstatus])).toEqual([
      ['TRAFIKKONTORET', 'RAPPORTERAT_NOLL'],
      ['SISAB', 'EJ_RAPPORTERAT'],
      ['MTR', 'EJ_RAPPORTERAT'],
    ]);
  });

  it('a place and the area list, through the gateway', async () => {
    const { body } = await system.gql(`{
      plats(id: "Karlbergsvägen") { namn klotteranmalningar { innehall period } }
      omrade(id: "norrmalm") { namn klotteranmalningar(period: "2016", kategori: RASISTISKT, first: 1) { totalt finnsFler anmalningar { innehall } } }
    }`);
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
