import { Roll } from '@lagesbild/domain';
import { startTestSubgraph } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forvaltningSubgraph } from '../subgraphs/forvaltning/src/server';
import { klotterSubgraph } from '../subgraphs/klotter/src/server';
import { polisSubgraph } from '../subgraphs/polis/src/server';
import { type RunningSystem, startSystem } from './support/system';

/**
 * Disclosure control in förvaltning, polis and klotter, through the gateway: the seed's
 * small counts for Norrmalm 2016 (three vit makt incidents, one call, one vit makt event,
 * two vit makt graffiti reports) reach a reader without clearance as "fåtal", while the
 * council reads the numbers; zero stays zero and larger counts are shown to everyone.
 */
const FATAL = { antal: null, undertryckt: true, visning: 'fåtal' };
/** Hidden so that a "fåtal" cannot be worked out by subtraction; not small itself. */
const EJ_REDOVISAD = { antal: null, undertryckt: true, visning: 'ej redovisad' };
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
    klotter {
      antal ${A}
      perRapportor { rapportor antal ${A} }
      perKategori { kategori antal ${A} sanering { okant ${A} andelUppfyllt { andel visning } } }
    }
    miljoer {
      miljo
      forvaltning { incidenterAntal ${A} kontakterAntal ${A} faltobservationerAntal ${A} }
      polis { handelserAntal ${A} }
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
      klotter: { antal: Antal };
    }[];
  };
}

/**
 * Who each data owner clears, written out here rather than imported, so a change to a
 * list in a subgraph's behorighet.ts shows up as a failing line.
 */
const BEHORIGA: Record<'forvaltning' | 'polis' | 'klotter', readonly Roll[]> = {
  forvaltning: [Roll.SAMORDNARE, Roll.RADET, Roll.ANALYTIKER, Roll.ADMIN],
  polis: [Roll.POLIS, Roll.RADET, Roll.ANALYTIKER, Roll.ADMIN],
  klotter: [
    Roll.RADET,
    Roll.ANALYTIKER,
    Roll.SAMORDNARE,
    Roll.ADMIN,
    Roll.TRAFIKKONTORET,
    Roll.SISAB,
    Roll.MTR,
  ],
};

describe('small counts from förvaltning, polis and klotter, through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  async function ask(headers: Record<string, string>): Promise<Svar['lagesbild']> {
    const { status, body } = await system.gql(QUERY, {}, headers);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return (body.data as unknown as Svar).lagesbild;
  }

  it('a school reads "fåtal" for 1–3, the number above, and 0 as 0', async () => {
    const lb = await ask(as('SKOLA'));
    const vitMakt = lb.miljoer.find((m) => m.miljo === 'VIT_MAKT')!;
    const islamistisk = lb.miljoer.find((m) => m.miljo === 'ISLAMISTISK')!;
    const ospec = lb.miljoer.find((m) => m.miljo === 'OSPECIFICERAD')!;

    // Förvaltning: three vit makt incidents, one call, one field observation of unknown count.
    expect(lb.forvaltning.incidenterAntal).toEqual(FATAL);
    expect(lb.forvaltning.kontakterAntal).toEqual(FATAL);
    expect(vitMakt.forvaltning).toEqual({
      incidenterAntal: FATAL,
      kontakterAntal: tal(0),
      faltobservationerAntal: OKANT,
    });
    expect(islamistisk.forvaltning.kontakterAntal).toEqual(FATAL);
    // The call's own record carries the same count, and is protected the same way.
    expect(lb.forvaltning.kontakter.map((k) => [k.kanal, k.antal])).toEqual([
      ['MOTTAGNINGSTELEFON', FATAL],
      ['STODTELEFON', tal(0)],
    ]);
    expect(lb.forvaltning.atervandare).toEqual([{ kandaAntal: tal(0), insatserAntal: tal(0) }]);

    // Polis: six events in the year (shown), one of them vit makt (not). The five
    // unspecified ones are withheld too: 6 − 5 would give back the vit makt one.
    expect(lb.polis.handelserAntal).toEqual(tal(6));
    expect(vitMakt.polis.handelserAntal).toEqual(FATAL);
    expect(ospec.polis.handelserAntal).toEqual(EJ_REDOVISAD);
    expect(islamistisk.polis.handelserAntal).toEqual(tal(0));
    // Not assessed by the police in 2016, and no events: the police reported for the year,
    // so a reported 0 (zeros are never hidden).
    const ensam = lb.miljoer.find((m) => m.miljo === 'ENSAMAGERANDE')!;
    expect(ensam.polis.handelserAntal).toEqual(tal(0));

    // Klotter: four reports (shown), two per environment and category (not); the SLA
    // outcomes are counts of the same reports and so suppressed too. No outcome is known
    // (0 met, 0 missed), so the share is "–" for everyone.
    expect(lb.klotter.antal).toEqual(tal(4));
    expect(vitMakt.klotter.antal).toEqual(FATAL);
    expect(lb.klotter.perRapportor).toEqual([
      { rapportor: 'TRAFIKKONTORET', antal: tal(4) },
      { rapportor: 'SISAB', antal: tal(0) },
      // Not reported stays null: no count at all, not a protected one.
      { rapportor: 'MTR', antal: null },
    ]);
    expect(lb.klotter.perKategori).toEqual(
      ['RASISTISKT', 'STOTANDE'].map((kategori) => ({
        kategori,
        antal: FATAL,
        sanering: { okant: FATAL, andelUppfyllt: { andel: null, visning: '–' } },
      })),
    );
  });

  it('no "fåtal" can be worked out as a total minus the shown parts', async () => {
    for (const roll of ['SKOLA', 'POLIS', 'TRAFIKKONTORET', 'SAMORDNARE']) {
      const lb = await ask(as(roll));
      const m = lb.miljoer;
      const breakdowns: [string, Antal, Antal[]][] = [
        // A row with no count (not reported) shows nothing: it can only hide more.
        [
          'polis',
          lb.polis.handelserAntal,
          m.flatMap((x) => (x.polis.handelserAntal ? [x.polis.handelserAntal] : [])),
        ],
        ['incidenter', lb.forvaltning.incidenterAntal, m.map((x) => x.forvaltning.incidenterAntal)],
        ['kontakter', lb.forvaltning.kontakterAntal, m.map((x) => x.forvaltning.kontakterAntal)],
        ['klotter per miljö', lb.klotter.antal, m.map((x) => x.klotter.antal)],
        [
          'klotter per rapportör',
          lb.klotter.antal,
          lb.klotter.perRapportor.flatMap((r) => (r.antal ? [r.antal] : [])),
        ],
      ];
      for (const [namn, total, celler] of breakdowns) {
        const dolda = celler.filter((c) => c.undertryckt);
        if (total.antal === null || dolda.length === 0) continue;
        // With the total shown, what the hidden cells add up to must not be small, nor a
        // single hidden cell's value: at least two cells hidden, summing above 3.
        const rest = total.antal - celler.reduce((sum, c) => sum + (c.antal ?? 0), 0);
        expect({ roll, namn, dolda: dolda.length > 1, rest: rest > 3 }).toEqual({
          roll,
          namn,
          dolda: true,
          rest: true,
        });
      }
    }
    // The seed's case spelled out: as a school, 6 events minus the shown environments is
    // not the vit makt event's 1.
    const lb = await ask(as('SKOLA'));
    const visade = lb.miljoer.reduce((sum, x) => sum + (x.polis.handelserAntal?.antal ?? 0), 0);
    expect(lb.polis.handelserAntal.antal).toBe(6);
    expect(6 - visade).not.toBe(1);
  });

  it('the council reads every number', async () => {
    const lb = await ask(as('RADET'));
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
    expect(lb.miljoer.find((m) => m.miljo === 'OSPECIFICERAD')!.polis.handelserAntal).toEqual(
      tal(5),
    );
    expect(vitMakt.klotter.antal).toEqual(tal(2));
    expect(lb.klotter.perKategori[0]!.sanering).toEqual({
      okant: tal(2),
      andelUppfyllt: { andel: null, visning: '–' },
    });
  });

  it('each data owner clears its own list of roles', async () => {
    const roller = [...Object.values(Roll), null];
    const rader = await Promise.all(
      roller.map(async (roll) => {
        const lb = await ask(roll ? as(roll) : {});
        const vitMakt = lb.miljoer.find((m) => m.miljo === 'VIT_MAKT')!;
        return {
          roll,
          forvaltning: vitMakt.forvaltning.incidenterAntal.undertryckt,
          polis: vitMakt.polis.handelserAntal!.undertryckt,
          klotter: vitMakt.klotter.antal.undertryckt,
        };
      }),
    );
    expect(rader).toEqual(
      roller.map((roll) => ({
        roll,
        forvaltning: !(roll && BEHORIGA.forvaltning.includes(roll)),
        polis: !(roll && BEHORIGA.polis.includes(roll)),
        klotter: !(roll && BEHORIGA.klotter.includes(roll)),
      })),
    );
  });
});

describe('a threshold of 0 shows every count', () => {
  const lagesbild = { __typename: 'Lagesbild', omradeId: 'norrmalm', period: '2016' };
  const vitMakt = { ...lagesbild, __typename: 'MiljoLage', miljo: 'VIT_MAKT' };

  it('förvaltning, polis and klotter, to a reader without a role', async () => {
    const f = await startTestSubgraph(forvaltningSubgraph({ diskretionTroskel: 0 }));
    const p = await startTestSubgraph(polisSubgraph({ diskretionTroskel: 0 }));
    const k = await startTestSubgraph(klotterSubgraph({ diskretionTroskel: 0 }));
    try {
      const fb = await f.gql(
        `{ lagesbild(omrade: "norrmalm", period: "2016") { forvaltning { incidenterAntal ${A} } } }`,
      );
      expect(fb.body.data).toEqual({ lagesbild: { forvaltning: { incidenterAntal: tal(3) } } });
      const entities = `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on MiljoLage { polis { handelserAntal ${A} } }
      } }`;
      const pb = await p.gql(entities, { r: [vitMakt] });
      expect(pb.body.data).toEqual({ _entities: [{ polis: { handelserAntal: tal(1) } }] });
      const kb = await k.gql(entities.replace(`polis { handelserAntal`, `klotter { antal`), {
        r: [vitMakt],
      });
      expect(kb.body.data).toEqual({ _entities: [{ klotter: { antal: tal(2) } }] });
    } finally {
      await Promise.all([f.stop(), p.stop(), k.stop()]);
    }
  });
});
