import { importkommandoSkrivare } from '@lagesbild/subgraph-kit';
import { startTestSubgraph, type TestSubgraph, withToken } from '@lagesbild/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klotter } from '../server';
import { importOpen311 } from './import';

const URL_PATH = '/open311/v2/requests.json';
const skrivare = importkommandoSkrivare('import:kommando open311 klotter');

const stangd = {
  service_request_id: 'TK-311-1',
  status: 'closed',
  status_notes: 'Sanerat av entreprenören.',
  service_name: 'Rasistiskt klotter',
  service_code: 'klotter-rasistiskt',
  description: 'Hakkors på elskåp',
  agency_responsible: 'Trafikkontoret',
  requested_datetime: '2017-04-13T14:00:00+02:00',
  updated_datetime: '2017-04-18T10:00:00+02:00',
  expected_datetime: '2017-04-14T14:00:00+02:00',
  address: 'Tegnérgatan 10',
  lat: 59.3375,
  long: 18.0556,
  extended_attributes: {
    environment: 'VIT_MAKT',
    called_off_datetime: '2017-04-13T15:00:00+02:00',
    on_site_datetime: '2017-04-18T09:00:00+02:00',
    removed_datetime: '2017-04-18T10:00:00+02:00',
    police_report: true,
  },
};
const oppen = {
  service_request_id: 'SISAB-77',
  status: 'open',
  status_notes: null,
  service_name: 'Stötande klotter',
  service_code: 'klotter-stotande',
  description: 'Stötande text på skolgårdens mur',
  agency_responsible: 'SISAB',
  requested_datetime: '2017-01-10T11:00:00+01:00',
  updated_datetime: '2017-01-10T11:00:00+01:00',
  expected_datetime: '2017-01-11T11:00:00+01:00',
  address: 'Rörstrandsgatan 1',
  lat: null,
  long: null,
  extended_attributes: {
    environment: 'OSPECIFICERAD',
    called_off_datetime: null,
    on_site_datetime: null,
    removed_datetime: null,
    police_report: null,
  },
};

describe('Open311 GeoReport v2', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await startTestSubgraph(klotter);
  });
  afterAll(() => s?.stop());

  const get = async (query = '') => {
    const res = await fetch(`${s.url}${URL_PATH}${query}`, {
      headers: await withToken({ 'x-lagesbild-roller': 'RADET' }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
  };

  it('imports good records, rejects each bad one with its reasons, and round-trips', async () => {
    const em = s.running.orm.orm.em.fork();
    const result = await importOpen311(
      em,
      [
        stangd,
        oppen,
        {
          ...oppen,
          service_request_id: 'SISAB-78',
          agency_responsible: 'Polisen',
          service_code: 'grafitti',
        },
        { ...oppen, service_request_id: 'SISAB-79', requested_datetime: '2017-01-10 11:00' },
        { ...oppen, service_request_id: 'SISAB-80', description: 'Anmäld av 811228-9874' },
        { ...oppen, service_request_id: 'SISAB-81', address: null },
        {
          ...stangd,
          service_request_id: 'TK-311-2',
          extended_attributes: {
            ...stangd.extended_attributes,
            removed_datetime: '2017-04-12T10:00:00+02:00',
          },
        },
        'inte ett objekt',
        { ...oppen },
      ],
      { omradeId: 'norrmalm', skrivare },
    );
    expect(result).toMatchObject({ mottagna: 9, nya: 2, uppdaterade: 0, oforandrade: 0 });
    expect(result.avvisade.map((a) => [a.post, a.service_request_id])).toEqual([
      [3, 'SISAB-78'],
      [4, 'SISAB-79'],
      [5, 'SISAB-80'],
      [6, 'SISAB-81'],
      [7, 'TK-311-2'],
      [8, null],
      [9, 'SISAB-77'],
    ]);
    expect(result.avvisade[0]!.skal).toEqual([
      'agency_responsible "Polisen" är ingen känd rapportör (Trafikkontoret, SISAB, MTR)',
      'service_code "grafitti" är okänd (klotter-rasistiskt, klotter-stotande, klotter-odefinierat)',
    ]);
    expect(result.avvisade[1]!.skal[0]).toMatch(/^requested_datetime ska vara en tid/);
    expect(result.avvisade[2]!.skal[0]).toMatch(/personnummer/);
    expect(result.avvisade[3]!.skal).toEqual(['platsen saknas: ange address (eller lat och long)']);
    expect(result.avvisade[4]!.skal).toEqual(['saneringen kan inte ligga före anmälan']);
    expect(result.avvisade[6]!.skal).toEqual(['samma service_request_id finns redan i post 2']);

    // Export gives the same fields back.
    const { status, body } = await get('?service_request_id=TK-311-1,SISAB-77');
    expect(status).toBe(200);
    expect(body).toEqual([oppen, stangd]);

    // Idempotent: the same file again changes nothing.
    const rows = await s.countRows('klotteranmalan');
    const loggat = await s.countRows('kit_granskningslogg');
    // Two writes, and the GET's read of TK-311-1's status_notes (BEGRANSAD).
    expect(loggat).toBe(3);
    const again = await importOpen311(s.running.orm.orm.em.fork(), [stangd, oppen], {
      omradeId: 'norrmalm',
      skrivare,
    });
    expect(again).toMatchObject({ nya: 0, uppdaterade: 0, oforandrade: 2, avvisade: [] });
    expect(await s.countRows('klotteranmalan')).toBe(rows);
    // Nothing written, nothing logged.
    expect(await s.countRows('kit_granskningslogg')).toBe(loggat);
  });

  it('the imported report carries its SLA and place into GraphQL', async () => {
    const { body } = await s.gql<{
      _entities: { klotteranmalningar: Record<string, unknown>[] }[];
    }>(
      `{ _entities(representations: [{ __typename: "Plats", id: "tegnergatan-10" }]) {
        ... on Plats { klotteranmalningar { rapportor kategori miljo slaPaPlats paPlatsArbetsminuter slaSanering polisanmald } }
      } }`,
      {},
      { 'x-lagesbild-roller': 'RADET' },
    );
    expect(body.data!._entities[0]!.klotteranmalningar).toEqual([
      {
        rapportor: 'TRAFIKKONTORET',
        kategori: 'RASISTISKT',
        miljo: 'VIT_MAKT',
        slaPaPlats: 'UPPFYLLT',
        paPlatsArbetsminuter: 180,
        slaSanering: 'EJ_UPPFYLLT',
        polisanmald: true,
      },
    ]);
  });

  it('GET filters by date, status and service code, and pages', async () => {
    const closed = await get('?status=closed');
    expect(
      (closed.body as { service_request_id: string }[]).map((r) => r.service_request_id),
    ).toEqual(['TK-311-1']);
    const dated = await get(
      `?start_date=${encodeURIComponent('2017-01-01T00:00:00+01:00')}&end_date=${encodeURIComponent('2017-02-01T00:00:00+01:00')}`,
    );
    expect(
      (dated.body as { service_request_id: string }[]).map((r) => r.service_request_id),
    ).toEqual(['SISAB-77']);
    const code = await get('?service_code=klotter-rasistiskt&page_size=2');
    expect(code.headers.get('x-total-count')).toBe('3');
    expect(code.headers.get('link')).toContain('page=2');
    // The seed's reports, whose times the document does not give, come first.
    expect(
      (code.body as { requested_datetime: string | null }[])[0]!.requested_datetime,
    ).toBeNull();
    const bad = await get('?status=halvoppen');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      { code: 400, description: 'status ska vara open, closed eller båda.' },
    ]);
  });

  it('GET lists only for readers cleared for klotter’s live data, as GraphQL does', async () => {
    const som = async (roll: string) =>
      fetch(`${s.url}${URL_PATH}`, { headers: await withToken({ 'x-lagesbild-roller': roll }) });
    for (const roll of ['POLIS', 'SKOLA', 'UTBILDNINGSFORVALTNING', 'SAMVERKANSPART', '']) {
      const res = await som(roll);
      expect(res.status, roll).toBe(403);
      expect(await res.json()).toEqual([
        {
          code: 403,
          description:
            'Klotterrapportörernas siffror och register visas bara för de behöriga (TRAFIKKONTORET, SISAB, MTR, RADET, SAMORDNARE, ANALYTIKER, ADMIN). Läs den fastställda lägesbilden.',
        },
      ]);
    }
    for (const roll of ['TRAFIKKONTORET', 'SISAB', 'MTR', 'SAMORDNARE', 'ANALYTIKER', 'ADMIN']) {
      expect((await som(roll)).status, roll).toBe(200);
    }
  });

  it('GET gives status_notes (anteckningar, BEGRANSAD) only to cleared readers, and audits it: role × endpoint', async () => {
    const LOGG = '{ granskningsloggKlotter(first: 1) { subjekt roller operation typ vad } }';
    const senaste = async () =>
      (
        await s.gql<{ granskningsloggKlotter: Record<string, unknown>[] }>(
          LOGG,
          {},
          { 'x-lagesbild-roller': 'ADMIN' },
        )
      ).body.data!.granskningsloggKlotter[0];
    const som = async (roll: string) =>
      fetch(`${s.url}${URL_PATH}?service_request_id=TK-311-1`, {
        headers: await withToken({
          'x-lagesbild-roller': roll,
          'x-lagesbild-subjekt': `lasare-${roll || 'utan-roll'}`,
        }),
      });
    // [role, status, status_notes given]
    const matris: [string, number, boolean][] = [
      ['SISAB', 200, false],
      ['TRAFIKKONTORET', 200, false],
      ['MTR', 200, false],
      ['SKOLA', 403, false],
      ['SAMVERKANSPART', 403, false],
      ['', 403, false],
      ['RADET', 200, true],
      ['SAMORDNARE', 200, true],
      ['ANALYTIKER', 200, true],
      ['ADMIN', 200, true],
    ];
    for (const [roll, status, anteckningar] of matris) {
      const logg = await s.countRows('kit_granskningslogg');
      const res = await som(roll);
      expect(res.status, roll).toBe(status);
      const body = (await res.json()) as Record<string, unknown>[];
      if (status !== 200) {
        expect(await s.countRows('kit_granskningslogg'), roll).toBe(logg);
        continue;
      }
      expect(body, roll).toHaveLength(1);
      const [post] = body;
      expect(post!.service_request_id).toBe('TK-311-1');
      if (anteckningar) {
        expect(post!.status_notes, roll).toBe('Sanerat av entreprenören.');
        // The classified read is in the log, as a GraphQL read of it would be.
        expect(await s.countRows('kit_granskningslogg'), roll).toBe(logg + 1);
        expect(await senaste(), roll).toEqual({
          subjekt: `lasare-${roll}`,
          roller: [roll],
          operation: 'open311:GET /requests',
          typ: 'LASNING',
          vad: expect.stringMatching(/^Klotteranmalan:\S+$/),
        });
      } else {
        // Omitted, not null: null would say "no notes".
        expect(Object.keys(post!), roll).not.toContain('status_notes');
        expect(JSON.stringify(post), roll).not.toContain('Sanerat');
        expect(await s.countRows('kit_granskningslogg'), roll).toBe(logg);
      }
    }
  });

  it('POST refuses a report dated in the future (issue 15, item 4); nothing written', async () => {
    const fore = await s.countRows('klotteranmalan');
    const res = await fetch(`${s.url}${URL_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'SISAB' })),
      },
      body: JSON.stringify([
        {
          ...oppen,
          service_request_id: 'SISAB-2099',
          requested_datetime: '2099-01-10T11:00:00+01:00',
          updated_datetime: '2099-01-10T11:00:00+01:00',
          expected_datetime: null,
        },
      ]),
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { nya: number; avvisade: { skal: string[] }[] };
    expect(result.nya).toBe(0);
    // Open311 carries instants, not periods: an instant after now is refused, which is
    // stricter than the period rule (a day that has begun may still have hours to come).
    expect(result.avvisade.map((a) => a.skal)).toEqual([['anmälan ligger i framtiden']]);
    expect(await s.countRows('klotteranmalan')).toBe(fore);
  });

  it("POST imports for the sender's own agency only", async () => {
    const post = async (body: unknown, roll?: string) =>
      fetch(`${s.url}${URL_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(await withToken(roll ? { 'x-lagesbild-roller': roll } : { authorization: '' })),
        },
        body: JSON.stringify(body),
      });
    expect((await post([oppen])).status).toBe(401);
    const res = await post(
      [
        { ...oppen, service_request_id: 'SISAB-90' },
        { ...stangd, service_request_id: 'TK-9' },
      ],
      'SISAB',
    );
    expect(res.status).toBe(200);
    const result = (await res.json()) as {
      nya: number;
      avvisade: { post: number; skal: string[] }[];
    };
    expect(result.nya).toBe(1);
    expect(result.avvisade).toEqual([
      {
        post: 2,
        service_request_id: 'TK-9',
        skal: ['din roll får inte skicka anmälningar för Trafikkontoret'],
      },
    ]);
  });

  it('a POST refuses a personnummer however it is written, and writes nothing', async () => {
    const fore = {
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
    };
    const texter = [
      'Anmäld av 121212–1212', // en dash, as Word writes it
      'Anmäld av 121212\u20111212', // non-breaking hyphen
      'Anmäld av 121212\u22121212', // minus sign
      'Anmäld av 121212 - 1212',
      'Anmäld av １２１２１２-１２１２', // fullwidth digits
      'Anmäld av 19121212–1212',
      'Anmäld av 701063 – 2391', // samordningsnummer
    ];
    const res = await fetch(`${s.url}${URL_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': 'SISAB' })),
      },
      body: JSON.stringify(
        texter.map((description, i) => ({
          ...oppen,
          service_request_id: `SISAB-PNR-${i}`,
          description,
        })),
      ),
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as {
      nya: number;
      avvisade: { post: number; skal: string[] }[];
    };
    expect(result.nya).toBe(0);
    expect(result.avvisade.map((a) => a.post)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const a of result.avvisade) {
      expect(a.skal).toEqual([
        'description ser ut att innehålla ett personnummer; inga personuppgifter lagras',
      ]);
    }
    expect({
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
    }).toEqual(fore);
  });

  it('a POST writes each report with its audit entry: who, role, operation, what', async () => {
    const post = async (body: unknown, headers: Record<string, string>) =>
      fetch(`${s.url}${URL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await withToken(headers)) },
        body: JSON.stringify(body),
      });
    const state = async () => ({
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
    });
    const LOGG = '{ granskningsloggKlotter(first: 5) { subjekt roller operation typ vad } }';
    const fore = await state();

    // Refused: no token, a role that reports no graffiti, a bad record, another's report.
    expect((await post([oppen], { authorization: '' })).status).toBe(401);
    expect((await post([oppen], { 'x-lagesbild-roller': 'RADET' })).status).toBe(403);
    const dalig = await post([{ ...oppen, service_request_id: 'MTR-1', address: null }], {
      'x-lagesbild-roller': 'MTR',
    });
    expect(((await dalig.json()) as { nya: number }).nya).toBe(0);
    const annans = await post([{ ...stangd, service_request_id: 'TK-77' }], {
      'x-lagesbild-roller': 'MTR',
    });
    expect(((await annans.json()) as { avvisade: unknown[] }).avvisade).toHaveLength(1);
    expect(await state()).toEqual(fore);

    const ok = await post(
      [
        {
          ...oppen,
          service_request_id: 'MTR-311-1',
          agency_responsible: 'MTR',
          address: 'Odenplan',
        },
      ],
      { 'x-lagesbild-roller': 'MTR', 'x-lagesbild-subjekt': 'mtr-rapportor-4' },
    );
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { nya: number }).nya).toBe(1);
    expect(await state()).toEqual({ anmalningar: fore.anmalningar + 1, logg: fore.logg + 1 });

    const { body } = await s.gql<{ granskningsloggKlotter: Record<string, unknown>[] }>(
      LOGG,
      {},
      { 'x-lagesbild-roller': 'ADMIN' },
    );
    const [senaste] = body.data!.granskningsloggKlotter;
    const anmalan = await s.gql<{ _entities: { klotteranmalningar: { id: string }[] }[] }>(
      `{ _entities(representations: [{ __typename: "Plats", id: "odenplan" }]) {
        ... on Plats { klotteranmalningar { id } } } }`,
      {},
      { 'x-lagesbild-roller': 'ADMIN' },
    );
    const id = anmalan.body.data!._entities[0]!.klotteranmalningar[0]!.id;
    expect(senaste).toEqual({
      subjekt: 'mtr-rapportor-4',
      roller: ['MTR'],
      operation: 'open311:POST /requests',
      typ: 'SKRIVNING',
      vad: `Klotteranmalan:${id} ny, post 1`,
    });
  });

  const LISTA =
    'Kända områden: bromma, enskede-arsta-vantor, farsta, hagersten-alvsjo, ' +
    'hasselby-vallingby, kungsholmen, norrmalm, ostermalm, rinkeby-kista, skarholmen, ' +
    'skarpnack, sodermalm, spanga-tensta.';

  const postSom = async (query: string, body: unknown, roll = 'SISAB') =>
    fetch(`${s.url}${URL_PATH}${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await withToken({ 'x-lagesbild-roller': roll })),
      },
      body: JSON.stringify(body),
    });

  it('POST ?omrade= an unknown area is 400 with the message; nothing written (issue 15, item 3)', async () => {
    const fore = {
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
    };
    for (const omrade of ['finns-inte', "x' OR 1=1--", '']) {
      const res = await postSom(`?omrade=${encodeURIComponent(omrade)}`, [
        { ...oppen, service_request_id: 'SISAB-OMR-1' },
      ]);
      expect(res.status, omrade).toBe(400);
      expect(await res.json()).toEqual([
        { code: 400, description: `Okänt område "${omrade}". ${LISTA}` },
      ]);
    }
    expect({
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
    }).toEqual(fore);
  });

  it('GET takes an optional area, checked the same way', async () => {
    const alla = await get();
    expect(alla.status).toBe(200);
    const norrmalm = await get('?omrade=Norrmalm');
    expect(norrmalm.status).toBe(200);
    expect(norrmalm.body).toEqual(alla.body);
    const kungsholmen = await get('?omrade=kungsholmen');
    expect(kungsholmen.status).toBe(200);
    expect(kungsholmen.body).toEqual([]);
    const okant = await get(`?omrade=${encodeURIComponent("x' OR 1=1--")}`);
    expect(okant.status).toBe(400);
    expect(okant.body).toEqual([
      { code: 400, description: `Okänt område "x' OR 1=1--". ${LISTA}` },
    ]);
  });

  it('POST of a known request with another category or area is 409; nothing changes (issue 15, item 11)', async () => {
    const ny = await postSom('', [{ ...oppen, service_request_id: 'SISAB-KONFLIKT' }]);
    expect(ny.status).toBe(200);
    const fore = {
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
      post: (await get('?service_request_id=SISAB-KONFLIKT')).body,
    };
    const kategori = await postSom('', [
      {
        ...oppen,
        service_request_id: 'SISAB-KONFLIKT',
        service_code: 'klotter-rasistiskt',
        extended_attributes: {
          ...oppen.extended_attributes,
          called_off_datetime: '2017-01-10T12:00:00+01:00',
        },
      },
    ]);
    expect(kategori.status).toBe(409);
    expect(await kategori.json()).toEqual({
      mottagna: 1,
      nya: 0,
      uppdaterade: 0,
      oforandrade: 0,
      avvisade: [
        {
          post: 1,
          service_request_id: 'SISAB-KONFLIKT',
          skal: [
            'Anmälan "SISAB-KONFLIKT" från SISAB finns redan och säger något annat: kategorin är STOTANDE, inte RASISTISKT. Skickas en anmälan igen får bara tiderna ändras.',
          ],
          konflikt: true,
        },
      ],
    });
    const omrade = await postSom('?omrade=kungsholmen', [
      { ...oppen, service_request_id: 'SISAB-KONFLIKT' },
    ]);
    expect(omrade.status).toBe(409);
    expect(((await omrade.json()) as { avvisade: { skal: string[] }[] }).avvisade[0]!.skal).toEqual(
      [
        'Anmälan "SISAB-KONFLIKT" från SISAB finns redan och säger något annat: området är norrmalm, inte kungsholmen. Skickas en anmälan igen får bara tiderna ändras.',
      ],
    );
    expect({
      anmalningar: await s.countRows('klotteranmalan'),
      logg: await s.countRows('kit_granskningslogg'),
      post: (await get('?service_request_id=SISAB-KONFLIKT')).body,
    }).toEqual(fore);
  });
});
