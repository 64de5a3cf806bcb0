import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/**
 * The police's part of the picture end to end: every service its own process under tsx,
 * the question asked once through the gateway, förvaltning's and the police's facts side
 * by side, and the places the police name resolved through förvaltning's register.
 */
describe('the police section, through the gateway', () => {
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
      forvaltning { rapporteringsstatus incidenterAntal { antal } }
      polis {
        rapporteringsstatus
        publicerad
        handelserAntal { antal visning }
        bedomningar { period miljo bosatta folkbokforda utsattaForBrott resor utgivare }
        handelser {
          typ period datum vald
          platser { id namn registrerad }
          gruppering { namn miljo }
        }
      }
      miljoer {
        miljo
        forvaltning { incidenterAntal { antal } kontakterAntal { antal } }
        polis { rapporteringsstatus bosatta folkbokforda utsattaForBrott resor }
      }
    }
  }`;

  /** Counts come as SkyddatAntal; asked as the council, cleared for both partners' numbers. */
  type N = { antal: number | null };
  const n = (antal: number): N => ({ antal });

  interface Answer {
    lagesbild: {
      period: string;
      forvaltning: { rapporteringsstatus: string; incidenterAntal: N };
      polis: {
        rapporteringsstatus: string;
        publicerad: string | null;
        handelserAntal: N | null;
        bedomningar: Record<string, string>[];
        handelser: {
          typ: string;
          period: string;
          datum: string | null;
          vald: boolean | null;
          platser: { id: string; namn: string | null; registrerad: boolean }[];
          gruppering: { namn: string; miljo: string } | null;
        }[];
      };
      miljoer: {
        miljo: string;
        forvaltning: { incidenterAntal: N | null; kontakterAntal: N | null };
        polis: Record<string, string>;
      }[];
    };
  }

  it("2016: förvaltning's and the police's facts in one answer", async () => {
    const { status, body } = await system.gql(
      QUERY,
      { period: '2016' },
      { 'x-lagesbild-roller': 'RADET' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const lb = (body.data as unknown as Answer).lagesbild;
    expect(lb.period).toBe('2016');
    expect(lb.forvaltning).toEqual({ rapporteringsstatus: 'RAPPORTERAT', incidenterAntal: n(3) });

    const p = lb.polis;
    expect(p.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(p.publicerad).toBe('2016-12');
    expect(p.bedomningar.map((b) => [b.period, b.miljo, b.bosatta, b.folkbokforda])).toEqual([
      ['2016-H2', 'VIT_MAKT', 'FATAL', 'OKAND'],
      ['2016-H2', 'AUTONOMA', 'FATAL', 'OKAND'],
      ['2016-H2', 'ISLAMISTISK', 'FATAL', 'FATAL'],
      ['2016-H2', 'OSPECIFICERAD', 'OKAND', 'OKAND'],
    ]);
    expect(p.bedomningar[3]).toMatchObject({ utsattaForBrott: 'NAGRA', resor: 'FATAL' });
    expect(p.bedomningar[0]?.utgivare).toBe(
      'Polisens underrättelseenhet, lokalpolisområde Norrmalm',
    );

    // The January attack's places come back named by förvaltning's register.
    expect(p.handelserAntal).toEqual({ antal: 6, visning: '6' });
    const attack = p.handelser.find((h) => h.typ === 'ATTACK');
    expect(attack).toEqual({
      typ: 'ATTACK',
      period: '2016-01',
      datum: null,
      vald: true,
      platser: [
        { id: 'centralstationen', namn: 'Centralstationen', registrerad: true },
        { id: 'sergels-torg', namn: 'Sergels torg', registrerad: true },
      ],
      gruppering: null,
    });
    const november = p.handelser.filter((h) => h.period === '2016-11');
    expect(november.map((h) => [h.typ, h.vald, h.gruppering?.namn ?? null])).toEqual([
      ['MOTDEMONSTRATION', true, null],
      ['DEMONSTRATION', true, 'Nordiska Motståndsrörelsen'],
    ]);

    // Each environment's row carries both partners' figures.
    const row = (m: string) => lb.miljoer.find((r) => r.miljo === m);
    expect(row('VIT_MAKT')).toEqual({
      miljo: 'VIT_MAKT',
      forvaltning: { incidenterAntal: n(3), kontakterAntal: n(0) },
      polis: {
        rapporteringsstatus: 'RAPPORTERAT',
        bosatta: 'FATAL',
        folkbokforda: 'OKAND',
        utsattaForBrott: 'OKAND',
        resor: 'OKAND',
      },
    });
    expect(row('ISLAMISTISK')).toEqual({
      miljo: 'ISLAMISTISK',
      forvaltning: { incidenterAntal: n(0), kontakterAntal: n(1) },
      polis: {
        rapporteringsstatus: 'RAPPORTERAT',
        bosatta: 'FATAL',
        folkbokforda: 'FATAL',
        utsattaForBrott: 'OKAND',
        resor: 'OKAND',
      },
    });
    // Reported for 2016, but nothing of this environment: no levels, 0 events.
    expect(row('ENSAMAGERANDE')?.polis.rapporteringsstatus).toBe('RAPPORTERAT_NOLL');
    expect(lb.miljoer.every((r) => r.polis !== null)).toBe(true);
  });

  it('2017: no assessment published, but the truck attack is a reported event — counted, not hidden', async () => {
    const { body } = await system.gql(QUERY, { period: '2017' }, { 'x-lagesbild-roller': 'RADET' });
    expect(body.errors).toBeUndefined();
    const p = (body.data as unknown as Answer).lagesbild.polis;
    expect(p.rapporteringsstatus).toBe('RAPPORTERAT');
    expect(p.bedomningar).toEqual([]);
    // The list and the count agree: one event, and the council reads the number.
    expect(p.handelserAntal).toMatchObject({ antal: 1, visning: '1' });
    expect(p.handelser.map((h) => [h.typ, h.datum, h.platser.map((x) => x.namn)])).toEqual([
      ['TERRORDAD', '2017-04-07', ['Drottninggatan']],
    ]);
  });

  it('the place register and the area carry the police’s events and groups', async () => {
    const { body } = await system.gql(
      `{
      plats(id: "Olof Palmes gata") { namn handelser { typ datum } }
      omrade(id: "norrmalm") {
        namn
        grupperingar { namn miljo valdsbejakande aktivPa { namn } }
        handelser(period: "2010") { typ datum platser { namn } }
      }
    }`,
      undefined,
      { 'x-lagesbild-roller': 'RADET' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      plats: { namn: 'Olof Palmes gata', handelser: [{ typ: 'TERRORDAD', datum: '2010-12-11' }] },
      omrade: {
        namn: 'Norrmalm',
        grupperingar: [
          {
            namn: 'Nordiska Motståndsrörelsen',
            miljo: 'VIT_MAKT',
            valdsbejakande: true,
            aktivPa: [],
          },
          {
            namn: 'Självutnämnt medborgargarde',
            miljo: 'ANTIDEMOKRATISK',
            valdsbejakande: false,
            aktivPa: [{ namn: 'Klara' }, { namn: 'Sergels torg' }],
          },
          {
            namn: 'Supportergrupperingar kopplade till huliganism',
            miljo: 'ANTIDEMOKRATISK',
            valdsbejakande: false,
            aktivPa: [],
          },
        ],
        handelser: [
          {
            typ: 'TERRORDAD',
            datum: '2010-12-11',
            platser: [{ namn: 'Bryggargatan' }, { namn: 'Olof Palmes gata' }],
          },
        ],
      },
    });
  });

  it('the police role sees the SKYDDAD targets through the gateway; the council is refused', async () => {
    const query =
      '{ lagesbild(omrade: "norrmalm", period: "2016") { polis { maltavlor { namn } } } }';
    const names = async (roll: string) => {
      const { body } = await system.gql(query, undefined, { 'x-lagesbild-roller': roll });
      expect(body.errors).toBeUndefined();
      const lb = (body.data as { lagesbild: { polis: { maltavlor: { namn: string }[] } } })
        .lagesbild;
      return lb.polis.maltavlor.map((m) => m.namn);
    };
    // The targets are removed from the council's query; they are non-null, so the police
    // section they lie in answers null (GraphQL's rule), with the error naming them.
    const radet = await system.gql(query, undefined, { 'x-lagesbild-roller': 'RADET' });
    expect(radet.status).toBe(200);
    expect(radet.body.data).toEqual({ lagesbild: { polis: null } });
    expect(radet.body.errors).toHaveLength(1);
    expect(radet.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    expect(radet.body.errors?.[0]?.path).toEqual(['lagesbild', 'polis', 'maltavlor']);
    expect(radet.body.errors?.[0]?.message).toMatch(
      /PolisLage\.maltavlor \(kräver klassning:skyddad\)/,
    );
    expect(await names('POLIS')).toEqual([
      'Drottninggatan',
      'Maktcentra och infrastruktur i centrala Stockholm',
    ]);
  });
});
