import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system';

/**
 * Stockholm has thirteen district areas; Norrmalm is the seed. A second area's data lives
 * beside Norrmalm's, in every partner's subgraph, and never leaks into Norrmalm's picture.
 */
describe('many districts', () => {
  let system: RunningSystem;
  const as = (roll: string) => ({ 'x-lagesbild-roller': roll });

  const PICTURE = `query ($omrade: String!) { lagesbild(omrade: $omrade, period: "2016") {
    forvaltning { incidenterAntal { antal visning } incidenter { beskrivning } }
    polis { handelserAntal { antal visning } handelser { rubrik } }
    klotter { antal { antal visning } anmalningar { anmalningar { innehall } } }
    miljoer {
      miljo
      forvaltning { incidenterAntal { antal visning } }
      klotter { antal { antal visning } }
      polis { handelserAntal { antal visning } }
    }
  } }`;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.interrupt();
  });

  it('keeps a second area’s data out of Norrmalm’s picture', async () => {
    const before = await system.gql(PICTURE, { omrade: 'norrmalm' }, as('SAMORDNARE'));
    expect(before.body.errors).toBeUndefined();

    const write = async (query: string, input: Record<string, unknown>, roll: string) => {
      const { body } = await system.gql(query, { input }, as(roll));
      expect(body.errors).toBeUndefined();
    };
    await write(
      'mutation ($input: RegistreraOmradeInput!) { registreraOmrade(input: $input) { id } }',
      { id: 'kungsholmen', namn: 'Kungsholmen', namnd: 'Kungsholmens stadsdelsnämnd' },
      'ADMIN',
    );
    await write(
      'mutation ($input: RegistreraIncidentInput!) { registreraIncident(input: $input) { id } }',
      {
        omradeId: 'kungsholmen',
        datum: '2016-09-02',
        plats: 'Fridhemsplan',
        miljo: 'VIT_MAKT',
        typ: 'PROPAGANDA',
        beskrivning: 'Klistermärken med vit makt-budskap vid tunnelbanan.',
      },
      'SAMORDNARE',
    );
    await write(
      'mutation ($input: RegistreraHandelseInput!) { registreraHandelse(input: $input) { id } }',
      {
        omradeId: 'kungsholmen',
        period: '2016-10',
        typ: 'DEMONSTRATION',
        rubrik: 'Demonstration på Kungsholms torg',
        beskrivning: 'Tillståndsgiven demonstration utan oroligheter.',
        platser: ['Kungsholms torg'],
        vald: false,
      },
      'POLIS',
    );
    // The police's assessment of the half-year: without one, the police have not reported
    // for 2016 and their count is null, not the event's 1.
    await write(
      'mutation ($input: PubliceraBedomningInput!) { publiceraBedomning(input: $input) { id } }',
      {
        omradeId: 'kungsholmen',
        period: '2016-H2',
        miljo: 'VIT_MAKT',
        bosatta: 'INGA',
        text: 'Polisen har inga uppgifter om att miljön finns i området.',
        publicerad: '2016-12',
      },
      'POLIS',
    );
    await write(
      'mutation ($input: RegistreraKlotteranmalanInput!) { registreraKlotteranmalan(input: $input) { id } }',
      {
        rapportor: 'TRAFIKKONTORET',
        rapportorensId: 'TK-KUNGSHOLMEN-2016-1',
        omradeId: 'kungsholmen',
        kategori: 'RASISTISKT',
        miljo: 'VIT_MAKT',
        innehall: 'Hakkors',
        plats: 'Fridhemsplan',
        anmaldTid: '2016-09-03T08:00:00+02:00',
      },
      'TRAFIKKONTORET',
    );

    // Norrmalm's picture is exactly what it was.
    const after = await system.gql(PICTURE, { omrade: 'norrmalm' }, as('SAMORDNARE'));
    expect(after.body).toEqual(before.body);
    const norrmalm = after.body.data?.lagesbild as {
      forvaltning: { incidenterAntal: { antal: number | null } };
      polis: { handelserAntal: { antal: number | null } };
      klotter: { antal: { antal: number | null } };
    };
    expect(norrmalm.forvaltning.incidenterAntal.antal).toBe(3);
    expect(norrmalm.klotter.antal.antal).toBe(4);

    // Kungsholmen's holds only its own (read by the coordinator: the incident was registered
    // with the default classification BEGRANSAD). The coordinator is cleared for every
    // partner's live data: the police's one event is the number too.
    const kungsholmen = await system.gql(PICTURE, { omrade: 'kungsholmen' }, as('SAMORDNARE'));
    const ett = { antal: 1, visning: '1' };
    expect(kungsholmen.body.errors).toBeUndefined();
    expect(kungsholmen.body.data?.lagesbild).toMatchObject({
      forvaltning: {
        incidenterAntal: ett,
        incidenter: [{ beskrivning: 'Klistermärken med vit makt-budskap vid tunnelbanan.' }],
      },
      polis: { handelserAntal: ett, handelser: [{ rubrik: 'Demonstration på Kungsholms torg' }] },
      klotter: { antal: ett, anmalningar: { anmalningar: [{ innehall: 'Hakkors' }] } },
    });
    const picture = kungsholmen.body.data?.lagesbild as
      | { miljoer: { miljo: string }[] }
      | undefined;
    const vitMakt = picture?.miljoer.find((m) => m.miljo === 'VIT_MAKT');
    expect(vitMakt).toEqual({
      miljo: 'VIT_MAKT',
      forvaltning: { incidenterAntal: ett },
      klotter: { antal: ett },
      polis: { handelserAntal: { antal: 0, visning: '0' } },
    });
  });

  it('refuses an area that is not registered, naming the known ones, and a second registration of one that is', async () => {
    const unknown = await system.gql(PICTURE, { omrade: 'atlantis' }, as('SAMORDNARE'));
    // Kungsholmen was registered by the test above.
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Okänt område "atlantis". Kända områden: kungsholmen, norrmalm.',
      extensions: { code: 'BAD_USER_INPUT', kandaOmraden: ['kungsholmen', 'norrmalm'] },
    });
    // An id is read without regard to case: every partner answers for the canonical one.
    const versaler = await system.gql(PICTURE, { omrade: 'Kungsholmen' }, as('SAMORDNARE'));
    const gemener = await system.gql(PICTURE, { omrade: 'kungsholmen' }, as('SAMORDNARE'));
    expect(versaler.body.errors).toBeUndefined();
    expect(versaler.body).toEqual(gemener.body);
    const again = await system.gql(
      'mutation ($input: RegistreraOmradeInput!) { registreraOmrade(input: $input) { id } }',
      { input: { id: 'norrmalm', namn: 'Norrmalm', namnd: 'Norrmalms stadsdelsnämnd' } },
      as('ADMIN'),
    );
    expect(again.body.errors?.[0]).toMatchObject({
      message: 'Området "norrmalm" finns redan.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'id', reason: 'finns redan' }] },
    });
    const notAdmin = await system.gql(
      'mutation ($input: RegistreraOmradeInput!) { registreraOmrade(input: $input) { id } }',
      { input: { id: 'ostermalm', namn: 'Östermalm', namnd: 'Östermalms stadsdelsnämnd' } },
      as('SAMORDNARE'),
    );
    // Removed before planning, as Apollo Router does: nothing is left, nobody is asked.
    expect(notAdmin.body.data).toBeNull();
    expect(notAdmin.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
    expect(notAdmin.body.errors?.[0]?.message).toMatch(
      /^Din roll har inte behörighet att utföra Mutation\.registreraOmrade \(kräver roll:ADMIN\)/,
    );
  });
});
