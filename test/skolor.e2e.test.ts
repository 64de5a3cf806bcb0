import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/**
 * The schools' section of the 2016 picture through the gateway, beside förvaltning's: six
 * schools answered and one saw white-power propaganda — "1" to the education
 * administration, "fåtal" to a reader without clearance — and no school is named.
 */
describe('skolor in the 2016 picture, through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  const QUERY = `{
    lagesbild(omrade: "norrmalm", period: "2016") {
      period
      forvaltning { rapporteringsstatus incidenterAntal { visning } }
      skolor {
        rapporteringsstatus besvarade utskick svarsfrekvens svarsfrekvensVisning
        enkater { titel svar { skola { namn } svar { ja text } } }
      }
      miljoer {
        miljo
        forvaltning { incidenterAntal { visning } }
        skolor {
          besvarade
          skolorMedTecken { antal undertryckt visning }
          andelMedTecken { andel undertryckt visning }
          observationer
        }
      }
    }
    omrade(id: "norrmalm") { namn skolor { namn huvudman } }
  }`;

  interface Data {
    lagesbild: {
      period: string;
      forvaltning: { rapporteringsstatus: string; incidenterAntal: { visning: string } };
      skolor: {
        rapporteringsstatus: string;
        besvarade: number;
        utskick: number | null;
        svarsfrekvens: number | null;
        svarsfrekvensVisning: string;
        enkater: { titel: string; svar: { skola: { namn: string }; svar: { ja: boolean }[] }[] }[];
      };
      miljoer: {
        miljo: string;
        forvaltning: { incidenterAntal: { visning: string } | null };
        skolor: {
          besvarade: number;
          skolorMedTecken: unknown;
          andelMedTecken: unknown;
          observationer: string[] | null;
        };
      }[];
    };
    omrade: { namn: string; skolor: { namn: string; huvudman: string | null }[] };
  }

  async function ask(headers: Record<string, string>, query = QUERY): Promise<Data> {
    const { status, body } = await system.gql(query, {}, headers);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data as unknown as Data;
  }

  it('both views side by side: "1" to the cleared reader, "fåtal" to one without a role', async () => {
    // The schools' observations are the education administration's (and ADMIN's): the
    // gateway refuses a query for them from anyone else, so the other reader leaves them out.
    const refused = await system.gql(QUERY, {}, {});
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.message).toMatch(/SkolorMiljo\.observationer/);
    const [anonymous, cleared] = await Promise.all([
      ask({}, QUERY.replace(/\n\s*observationer\n/, '\n')),
      ask({ 'x-lagesbild-roller': 'UTBILDNINGSFORVALTNING' }),
    ]);
    for (const data of [anonymous, cleared]) {
      const lb = data.lagesbild;
      expect(lb.period).toBe('2016');
      // Förvaltning's section, from its own subgraph, in the same answer. Its three
      // incidents are förvaltning's to clear, and neither reader is: "fåtal" to both.
      expect(lb.forvaltning).toEqual({
        rapporteringsstatus: 'RAPPORTERAT',
        incidenterAntal: { visning: 'fåtal' },
      });
      expect(lb.miljoer[0]!.forvaltning).toEqual({ incidenterAntal: { visning: 'fåtal' } });
      // Six answered, whoever asks; how many got the survey is not known, so neither is the rate.
      expect(lb.skolor).toMatchObject({
        rapporteringsstatus: 'RAPPORTERAT',
        besvarade: 6,
        utskick: null,
        svarsfrekvens: null,
        svarsfrekvensVisning: 'okänd',
      });
      expect(lb.miljoer[0]!.miljo).toBe('VIT_MAKT');
      expect(lb.miljoer[0]!.skolor.besvarade).toBe(6);
      // Not asked about the other environments: no figure, not a zero.
      expect(lb.miljoer.slice(1).map((m) => m.skolor.skolorMedTecken)).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      // No school is named: anonymous respondents only.
      expect(data.omrade.skolor).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => ({ namn: `Respondent ${n}`, huvudman: null })),
      );
    }

    expect(anonymous.lagesbild.miljoer[0]!.skolor).toEqual({
      besvarade: 6,
      skolorMedTecken: { antal: null, undertryckt: true, visning: 'fåtal' },
      andelMedTecken: { andel: null, undertryckt: true, visning: 'ej redovisad' },
    });
    expect(anonymous.lagesbild.skolor.enkater[0]!.svar).toEqual([]);

    expect(cleared.lagesbild.miljoer[0]!.skolor).toEqual({
      besvarade: 6,
      skolorMedTecken: { antal: 1, undertryckt: false, visning: '1' },
      andelMedTecken: { andel: 1 / 6, undertryckt: false, visning: '17 %' },
      observationer: ['vit makt-propaganda i form av klistermärken och flygblad i elevskåp'],
    });
    const svar = cleared.lagesbild.skolor.enkater[0]!.svar;
    expect(svar).toHaveLength(6);
    expect(svar.filter((u) => u.svar[0]!.ja).map((u) => u.skola.namn)).toEqual(['Respondent 1']);
  });
});
