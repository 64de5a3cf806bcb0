import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type RunningSystem, startSystem } from './support/system';

const ANALYTIKER = { 'x-lagesbild-roller': 'ANALYTIKER' };
const SAMORDNARE = { 'x-lagesbild-roller': 'SAMORDNARE' };

type Nod = Record<string, unknown>;
type Lista = { id: string }[];

/**
 * The questions an analyst asks first, each one saved GraphiQL example written from the
 * schema alone, run through the gateway as an analyst; the answers are the seed's.
 */
describe('the analyst’s questions, each one query', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  const exempel = async (fil: string, roll = ANALYTIKER) => {
    const fraga = await readFile(join(ROOT, 'gateway/examples', fil), 'utf8');
    const { status, body } = await system.gql(fraga, undefined, roll);
    expect({ fil, status, errors: body.errors }).toEqual({ fil, status: 200, errors: undefined });
    return body.data as Nod;
  };

  it('what happened at a place in a period: every partner’s records there, with its parts', async () => {
    const { plats } = (await exempel('6-plats-under-period.graphql')) as { plats: Nod };
    expect(plats.id).toBe('observatorielunden');
    expect(plats.namn).toBe('Observatorielunden');
    // The two graffiti reports of 2016 were written at the park's two parts.
    const klotter = plats.klotteranmalningar as { id: string; plats: { namn: string } }[];
    expect(klotter.map((k) => [k.id, k.plats.namn]).sort()).toEqual([
      ['norrmalm-2016-klotter-1', 'Observatorielundens parklek'],
      ['norrmalm-2016-klotter-4', 'Nedre Observatorielunden, tunnelbanenedgången'],
    ]);
    expect(plats.incidenter).toEqual([]);
    expect(plats.handelser).toEqual([]);

    // Without its parts, and in another period, the same place has nothing.
    const { body } = await system.gql(
      `{ plats(id: "observatorielunden") {
          utanDelar: klotteranmalningar(period: "2016") { id }
          annanPeriod: klotteranmalningar(period: "2015", medDelar: true) { id }
          parklek: delar { id klotteranmalningar(period: "2016") { id } }
      } }`,
      undefined,
      ANALYTIKER,
    );
    expect(body.errors).toBeUndefined();
    const p = (body.data as { plats: Nod }).plats;
    expect(p.utanDelar).toEqual([]);
    expect(p.annanPeriod).toEqual([]);
    expect(
      (p.parklek as { id: string; klotteranmalningar: Lista }[])
        .map((d) => [d.id, d.klotteranmalningar.map((k) => k.id)])
        .sort(),
    ).toEqual([
      ['nedre-observatorielunden-tunnelbanenedgangen', ['norrmalm-2016-klotter-4']],
      ['observatorielundens-parklek', ['norrmalm-2016-klotter-1']],
    ]);
  });

  it('places near each other belong together: the park and its parts', async () => {
    const { omrade } = (await exempel('7-platser-som-hor-ihop.graphql')) as { omrade: Nod };
    const platser = omrade.platser as { id: string; delar: { id: string; delAv: Nod }[] }[];
    const park = platser.find((p) => p.id === 'observatorielunden');
    expect(park?.delar.map((d) => d.id).sort()).toEqual([
      'nedre-observatorielunden-tunnelbanenedgangen',
      'observatorielundens-parklek',
    ]);
    expect(park?.delar.every((d) => d.delAv.id === 'observatorielunden')).toBe(true);
    // Only places that are not part of another are listed at the top.
    const ids = platser.map((p) => p.id);
    expect(ids).not.toContain('observatorielundens-parklek');
    expect(ids).toContain('sveavagen-73');
  });

  it('which åtgärder and sub-steps are still förslag', async () => {
    const { omrade } = (await exempel('9-forslag.graphql')) as { omrade: Nod };
    const plan = omrade.handlingsplan as {
      atgarder: Nod[];
      delstegSomForslag: { nr: number; delsteg: { nr: number; text: string }[] }[];
    };
    // No whole åtgärd is a proposal in the seed; two sub-steps of åtgärd 9 are.
    expect(plan.atgarder).toEqual([]);
    const medForslag = plan.delstegSomForslag.filter((a) => a.delsteg.length > 0);
    expect(medForslag.map((a) => [a.nr, a.delsteg.map((d) => d.nr)])).toEqual([[9, [2, 3]]]);
    expect(medForslag[0]?.delsteg[0]?.text).toBe('Informera skolor');
  });

  it('a half-year: reported for the whole year is shown for the year, never counted into H2', async () => {
    const { lagesbild } = (await exempel('10-halvar-och-helar.graphql', {
      'x-lagesbild-roller': 'RADET',
    })) as { lagesbild: Nod };
    expect(lagesbild.periodLage).toBe('AVSLUTAD');
    expect(lagesbild.forvaltning).toEqual({
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
      incidenterAntal: null,
      grovrePeriod: '2016',
      grovre: { incidenterAntal: { visning: '3' } },
    });
    // The police published their H2 assessment and two November events; three events are
    // dated only to 2016 and are shown for the year.
    expect(lagesbild.polis).toEqual({
      rapporteringsstatus: 'RAPPORTERAT',
      handelserAntal: { visning: '2' },
      grovrePeriod: '2016',
      grovre: { handelserAntal: { visning: '6' } },
    });
    expect(lagesbild.skolor).toEqual({
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
      besvarade: null,
      grovrePeriod: '2016',
      grovre: { besvarade: 6 },
    });
    expect(lagesbild.klotter).toEqual({
      rapporteringsstatus: 'RAPPORTERAT_GROVRE_PERIOD',
      antal: null,
      grovrePeriod: '2016',
      grovre: { antal: { visning: '4' } },
    });
  });
  // Last: it writes an incident into 2016-H2.
  it('places in more than one partner’s data, counted at the larger place', async () => {
    const iFlera = (data: Nod) =>
      (data.omrade as { platser: (Nod & { id: string })[] }).platser
        .filter(
          (p) =>
            [p.incidenter, p.handelser, p.klotteranmalningar].filter((l) => (l as Lista).length > 0)
              .length >= 2,
        )
        .map((p) => p.id);
    // The seed has graffiti at the park but nothing else there.
    expect(iFlera(await exempel('8-platser-i-flera-kallor.graphql'))).toEqual([]);

    // The coordinator registers an incident at the playground, a part of the park.
    const { body } = await system.gql(
      `mutation { registreraIncident(input: {
          omradeId: "norrmalm", datum: "2016-09-14", plats: "Observatorielundens parklek",
          miljo: VIT_MAKT, typ: SKADEGORELSE, beskrivning: "Klistermärken på lekstugan."
      }) { id platsId } }`,
      undefined,
      SAMORDNARE,
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { registreraIncident: Nod }).registreraIncident.platsId).toBe(
      'observatorielundens-parklek',
    );
    // Now the park is in förvaltning's and klotter's data: the incident at the playground
    // and the graffiti at the metro entrance meet at the larger place.
    expect(iFlera(await exempel('8-platser-i-flera-kallor.graphql'))).toEqual([
      'observatorielunden',
    ]);
  });

  it('what the council adopted: the 2016-H2 lägesbild, its version, meeting and hash', async () => {
    const { lagesbild, omrade } = (await exempel('11-faststalld-lagesbild.graphql')) as {
      lagesbild: { publicering: Nod };
      omrade: { publiceringar: Nod[] };
    };
    const p = lagesbild.publicering;
    expect(p).toMatchObject({
      id: 'norrmalm-2016-H2-v1',
      version: 1,
      status: 'FASTSTALLD',
      faststalld: '2016-12-14',
      mote: 'Trygghets- och säkerhetsrådets möte 14 december 2016',
    });
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((p.bekraftelser as Nod[]).map((b) => [b.partnerNamn, b.bekraftad])).toEqual([
      ['Förvaltningen', true],
      ['Polisen', true],
      ['Skolorna', true],
      ['Klotterrapportörerna', true],
    ]);
    // The analyst is cleared for every partner: true numbers, and what the public version hides.
    const celler = (p.avsnitt as { celler: Nod[] }[]).flatMap((a) => a.celler);
    const cell = (id: string) => celler.find((c) => c.id === id);
    expect(cell('2016|skolor|skolorMedTecken|miljo=VIT_MAKT')).toMatchObject({
      antal: 1,
      undertryckt: 'PRIMAR',
    });
    // The police's 6 for 2016 would give H2's small count away beside the year's halves.
    expect(cell('2016|polis|handelser|total')).toMatchObject({ antal: 6, undertryckt: 'SEKUNDAR' });
    expect(cell('2016|klotter|anmalningar|total')).toMatchObject({ antal: 4, undertryckt: null });
    expect(omrade.publiceringar).toEqual([
      {
        id: 'norrmalm-2016-H2-v1',
        period: '2016-H2',
        version: 1,
        status: 'FASTSTALLD',
        faststalld: '2016-12-14',
      },
    ]);
  });
});
