import { Roll } from '@lagesbild/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLBody, type RunningSystem, startSystem } from './support/system';

/**
 * Small counts in the live picture, through the gateway (issue 14): the seed's small
 * counts for Norrmalm 2016 (three vit makt incidents, one call, one vit makt event, two vit
 * makt graffiti reports, one school of six) reach a reader cleared for the partner as the
 * numbers, and a reader who is not cleared gets no count of that partner at all — never a
 * "fåtal" that a list beside it or another period could undo. Small counts leave their
 * owners through the adopted lägesbild, where disclosure control is applied once.
 */
const tal = (antal: number) => ({ antal, undertryckt: false, visning: String(antal) });
/** A sum with an observation "vid något tillfälle" in it: unknown, for every reader, never 1. */
const OKANT = { antal: null, undertryckt: false, visning: 'okänt antal' };
const as = (roll: string) => ({ 'x-lagesbild-roller': roll });

const A = '{ antal undertryckt visning }';
const QUERY = `{
  lagesbild(omrade: "norrmalm", period: "2016") {
    forvaltning {
      incidenterAntal ${A}
      kontakterAntal ${A}
      kontakter { kanal antal ${A} }
      atervandare { kandaAntal ${A} insatserAntal ${A} }
    }
    polis { handelserAntal ${A} }
    skolor { besvarade }
    klotter {
      antal ${A}
      perRapportor { rapportor antal ${A} }
      perKategori { kategori antal ${A} sanering { okant ${A} andelUppfyllt { andel visning } } }
    }
    miljoer {
      miljo
      forvaltning { incidenterAntal ${A} kontakterAntal ${A} faltobservationerAntal ${A} }
      polis { handelserAntal ${A} }
      skolor { skolorMedTecken ${A} }
      klotter { antal ${A} }
    }
  }
}`;

type Antal = { antal: number | null; undertryckt: boolean; visning: string };
interface Svar {
  lagesbild: {
    forvaltning: {
      incidenterAntal: Antal;
      kontakterAntal: Antal;
      kontakter: { kanal: string; antal: Antal }[];
      atervandare: { kandaAntal: Antal; insatserAntal: Antal }[];
    };
    polis: { handelserAntal: Antal };
    skolor: { besvarade: number | null };
    klotter: {
      antal: Antal;
      perRapportor: { rapportor: string; antal: Antal | null }[];
      perKategori: {
        kategori: string;
        antal: Antal;
        sanering: { okant: Antal; andelUppfyllt: { andel: number | null; visning: string } };
      }[];
    };
    miljoer: {
      miljo: string;
      forvaltning: { incidenterAntal: Antal; kontakterAntal: Antal; faltobservationerAntal: Antal };
      /** Null where the police have not assessed the environment (not reported). */
      polis: { handelserAntal: Antal | null };
      skolor: { skolorMedTecken: Antal | null };
      klotter: { antal: Antal };
    }[];
  };
}

type Partner = 'forvaltning' | 'polis' | 'skolor' | 'klotter';

/**
 * Who is cleared for each partner's live data, written out here rather than imported, so a
 * change to the domain's LEVANDE_BEHORIGA shows up as a failing line.
 */
const BEHORIGA: Record<Partner, readonly Roll[]> = {
  forvaltning: [Roll.SAMORDNARE, Roll.RADET, Roll.ANALYTIKER, Roll.ADMIN],
  polis: [Roll.POLIS, Roll.RADET, Roll.SAMORDNARE, Roll.ANALYTIKER, Roll.ADMIN],
  skolor: [Roll.UTBILDNINGSFORVALTNING, Roll.RADET, Roll.SAMORDNARE, Roll.ANALYTIKER, Roll.ADMIN],
  klotter: [
    Roll.TRAFIKKONTORET,
    Roll.SISAB,
    Roll.MTR,
    Roll.RADET,
    Roll.SAMORDNARE,
    Roll.ANALYTIKER,
    Roll.ADMIN,
  ],
};
const PARTNERS = Object.keys(BEHORIGA) as Partner[];

describe('small counts in the live picture, through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  async function ask(headers: Record<string, string>): Promise<GraphQLBody> {
    const { status, body } = await system.gql(QUERY, {}, headers);
    expect(status).toBe(200);
    return body;
  }
  const lagesbild = (body: GraphQLBody) => (body.data as unknown as Svar).lagesbild;

  it('the council reads every number, the small ones too', async () => {
    const body = await ask(as('RADET'));
    expect(body.errors).toBeUndefined();
    const lb = lagesbild(body);
    const vitMakt = lb.miljoer.find((m) => m.miljo === 'VIT_MAKT')!;
    expect(lb.forvaltning.incidenterAntal).toEqual(tal(3));
    expect(lb.forvaltning.kontakterAntal).toEqual(tal(1));
    expect(vitMakt.forvaltning).toEqual({
      incidenterAntal: tal(3),
      kontakterAntal: tal(0),
      faltobservationerAntal: OKANT,
    });
    expect(lb.forvaltning.kontakter[0]!.antal).toEqual(tal(1));
    expect(vitMakt.polis.handelserAntal).toEqual(tal(1));
    expect(lb.polis.handelserAntal).toEqual(tal(6));
    // What the per-query rule used to withhold ("ej redovisad"), now the number.
    expect(lb.miljoer.find((m) => m.miljo === 'OSPECIFICERAD')!.polis.handelserAntal).toEqual(
      tal(5),
    );
    expect(vitMakt.skolor.skolorMedTecken).toEqual(tal(1));
    expect(lb.skolor.besvarade).toBe(6);
    expect(vitMakt.klotter.antal).toEqual(tal(2));
    expect(lb.klotter.perRapportor).toEqual([
      { rapportor: 'TRAFIKKONTORET', antal: tal(4) },
      { rapportor: 'SISAB', antal: tal(0) },
      // Not reported stays null: no count at all.
      { rapportor: 'MTR', antal: null },
    ]);
    expect(lb.klotter.perKategori[0]!.sanering).toEqual({
      okant: tal(2),
      andelUppfyllt: { andel: null, visning: '–' },
    });
  });

  it('a school reads no partner’s count: no number, no "fåtal"', async () => {
    const body = await ask(as('SKOLA'));
    const lb = lagesbild(body) as unknown as Record<string, unknown> & { miljoer: unknown[] };
    for (const p of PARTNERS) expect(lb[p], p).toBeNull();
    expect(lb.miljoer).toEqual(
      lb.miljoer.map((m) => ({
        miljo: (m as { miljo: string }).miljo,
        forvaltning: null,
        polis: null,
        skolor: null,
        klotter: null,
      })),
    );
    expect(JSON.stringify(body.data)).not.toContain('fåtal');
    for (const e of body.errors ?? []) {
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(PARTNERS).toContain(e.extensions?.kalla);
    }
  });

  it('each partner’s live data goes to its own list of roles, as numbers', async () => {
    const roller = [...Object.values(Roll), null];
    const rader = await Promise.all(
      roller.map(async (roll) => {
        const lb = lagesbild(await ask(roll ? as(roll) : {}));
        const vitMakt = lb.miljoer.find((m) => m.miljo === 'VIT_MAKT')!;
        return {
          roll,
          forvaltning: vitMakt.forvaltning?.incidenterAntal ?? null,
          polis: vitMakt.polis?.handelserAntal ?? null,
          skolor: vitMakt.skolor?.skolorMedTecken ?? null,
          klotter: vitMakt.klotter?.antal ?? null,
        };
      }),
    );
    const siffra = { forvaltning: tal(3), polis: tal(1), skolor: tal(1), klotter: tal(2) };
    expect(rader).toEqual(
      roller.map((roll) => ({
        roll,
        ...Object.fromEntries(
          PARTNERS.map((p) => [p, roll && BEHORIGA[p].includes(roll) ? siffra[p] : null]),
        ),
      })),
    );
  });
});
