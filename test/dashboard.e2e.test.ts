import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type RunningSystem, startSystem } from './support/system';

/**
 * The council's dashboard in Debian's Chromium, headless, against the whole system started
 * by the launcher: the page as a council member reads it, a period switch, and one partner
 * going down. No browser is downloaded: playwright-core drives /usr/bin/chromium.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'test-output');

describe('the dashboard, in a browser', () => {
  let system: RunningSystem;
  let userDataDir: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    system = await startSystem();
    userDataDir = await mkdtemp(join(tmpdir(), 'lagesbild-chromium-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      // Without the background-networking flags Chromium keeps calling home on a closed
      // network; --no-sandbox because CI runs as root.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=sv-SE',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await system?.interrupt();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  // The page sends several queries at once (the picture, the report's data, five years of
  // graffiti, the action plan): give each expectation time for all of them.
  const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
  const cell = (miljo: string, kolumn: string) =>
    page.locator(`table.miljoer tr[data-miljo="${miljo}"] td[data-kolumn="${kolumn}"]`);
  const kalla = (partner: string) => page.locator(`table.kallor tr[data-partner="${partner}"] td`);

  it('shows Norrmalm 2016 as the seed tells it, every partner side by side', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${system.gatewayUrl}/dashboard`);
    await poll(() => page.title()).toBe('Lägesbild');
    await page.locator('table.miljoer tr[data-miljo="VIT_MAKT"]').waitFor();

    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lägesbild');
    expect(await page.getByLabel('Område', { exact: true }).inputValue()).toBe('norrmalm');
    expect(
      await page.getByLabel('Område', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Norrmalm');
    // No role until the reader picks one.
    expect(await page.getByLabel('Visa som', { exact: true }).inputValue()).toBe('');
    // The gateway serves GraphiQL in development, and the page links to it only then.
    expect(
      await page.getByRole('link', { name: 'GraphiQL – ställ egna frågor' }).getAttribute('href'),
    ).toBe('/graphiql');

    // The white-power row: a few individuals (police), three IA incidents and the stickers
    // fält- och fritid saw, one of six schools — shown as "fåtal" to a reader without
    // clearance — and two graffiti reports.
    const vitMakt = page.getByRole('row', { name: /Vit makt-miljön/ });
    expect(await vitMakt.getByRole('rowheader').textContent()).toBe('Vit makt-miljön');
    await poll(() => cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('Ett fåtal');
    expect(await cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('3');
    expect(await cell('VIT_MAKT', 'forvaltning.faltobservationer').textContent()).toBe('1');
    expect(await cell('VIT_MAKT', 'forvaltning.kontakter').textContent()).toBe('0');
    expect(await cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('fåtal av 6');
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('2');
    // The one call, about violent Islamism.
    expect(await cell('ISLAMISTISK', 'forvaltning.kontakter').textContent()).toBe('1');
    expect(await page.locator('table.miljoer tbody tr').count()).toBe(6);
    for (const header of ['Miljö', 'Incidenter', 'Bosatta', 'Skolor med tecken', 'Anmälningar']) {
      await poll(() =>
        page.locator('table.miljoer').getByRole('columnheader', { name: header }).count(),
      ).toBe(1);
    }

    for (const partner of ['forvaltning', 'polis', 'skolor', 'klotter']) {
      await poll(() => kalla(partner).locator('.status').first().textContent()).toBe('Rapporterat');
    }
    // Klotter's own reporters, each with its state.
    const rapportor = (id: string) => kalla('klotter').locator(`li[data-rapportor="${id}"]`);
    expect(await rapportor('SISAB').textContent()).toMatch(/^SISAB: Rapporterat/);
    expect(await rapportor('TRAFIKKONTORET').textContent()).toMatch(/^Trafikkontoret: /);

    // The trend against 2015, when förvaltning had not reported.
    const trend = page.locator('table.trend');
    expect(await trend.locator('caption').textContent()).toBe('2016 jämfört med 2015');
    expect(
      await trend.locator('tr[data-kolumn="forvaltning.incidenter"] td').allTextContents(),
    ).toEqual(['3', '0', '+3']);
    expect(await trend.locator('tbody[data-partner]').count()).toBe(4);

    // The places in several partners' data, from the report's query and hotspots().
    await poll(() => page.getByRole('heading', { name: 'Platser i flera källor' }).count()).toBe(1);
    // The seed has no place two partners share in 2016 (see the report test for one).
    await poll(() => page.locator('#platser-rubrik + p').textContent()).toBe(
      'Ingen plats förekommer hos två eller fler partner under 2016.',
    );

    // The charts: per environment, graffiti over five years, and the SLA.
    await poll(() => page.getByRole('img', { name: /stapeldiagram/i }).count()).toBe(3);
    await page.locator('table.klotter-ar tr[data-rapportor="SISAB"]').waitFor();
    expect(await page.locator('table.klotter-ar thead th').allTextContents()).toEqual([
      'Rapportör',
      '2012',
      '2013',
      '2014',
      '2015',
      '2016',
    ]);

    // The action plan and what changed since the period began.
    expect(await page.locator('table.atgarder tbody tr').count()).toBe(11);
    expect(await page.locator('table.andringar tbody tr').count()).toBeGreaterThan(0);

    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-norrmalm-2016.png'),
      fullPage: true,
    });

    // GraphQL through the gateway and the page's own files: nothing from anywhere else.
    const origin = new URL(system.gatewayUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(requests).toContain(`${origin}/graphql`);
  });

  it('shows a cleared reader the schools\' count: "1 av 6" as Utbildningsförvaltningen', async () => {
    // The roles the page's GraphQL requests were signed for, read from their tokens.
    const roller: string[] = [];
    const lyssna = (r: import('playwright-core').Request) => {
      const token = /^Bearer (.+)$/.exec(r.headers().authorization ?? '')?.[1];
      if (!r.url().endsWith('/graphql') || !token) return;
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
        roller: string[];
      };
      roller.push(...claims.roller);
    };
    page.on('request', lyssna);
    await page.goto(
      `${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016&roll=UTBILDNINGSFORVALTNING`,
    );
    await poll(() => cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('1 av 6');
    expect(await page.getByLabel('Visa som', { exact: true }).inputValue()).toBe(
      'UTBILDNINGSFORVALTNING',
    );
    expect(roller).toContain('UTBILDNINGSFORVALTNING');
    // The schools' administration is not cleared for förvaltning's, the police's or klotter's
    // small counts: the table reads "fåtal", the chart leaves them out and says so, and the
    // trend does not add up what it cannot show.
    expect(await cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('fåtal');
    expect(await cell('VIT_MAKT', 'polis.handelser').textContent()).toBe('fåtal');
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('fåtal');
    expect(await cell('VIT_MAKT', 'forvaltning.kontakter').textContent()).toBe('0');
    await poll(() => page.locator('p.diagram-undertryckt').textContent()).toMatch(
      /^Redovisas inte för din roll och ritas inte: Incidenter \(förvaltningen\), Vit makt-miljön: fåtal;/,
    );
    // The unspecified police events are withheld too (6 − 5 would give back the vit makt
    // one), and say so: not small, so not "fåtal".
    expect(await cell('OSPECIFICERAD', 'polis.handelser').textContent()).toBe('ej redovisad');
    expect(await page.locator('p.diagram-undertryckt').textContent()).toContain(
      'Händelser (polisen), Ospecificerat: ej redovisad',
    );
    expect(
      await page
        .locator('table.trend tr[data-kolumn="forvaltning.incidenter"] td')
        .allTextContents(),
    ).toEqual(['ej redovisad', '0', '–']);

    // Back to the default (the council): the count is suppressed again.
    await page.getByLabel('Visa som', { exact: true }).selectOption('');
    await poll(() => cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('fåtal av 6');
    // ... and förvaltning's numbers, which the council is cleared for, are back.
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('3');
    expect(await page.locator('p.diagram-undertryckt').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('roll')).toBeNull();
    page.off('request', lyssna);
  });

  it('switches to 2015: klotter reported zero, förvaltning did not report', async () => {
    await page.getByLabel('År', { exact: true }).selectOption('2015');
    await poll(() => kalla('forvaltning').locator('.status').first().textContent()).toBe(
      'Ej rapporterat',
    );
    await poll(() => kalla('klotter').locator('.status').first().textContent()).toBe(
      'Rapporterat noll',
    );
    expect(
      await kalla('klotter').locator('li[data-rapportor="TRAFIKKONTORET"] .status').textContent(),
    ).toBe('Rapporterat noll');
    expect(await cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('0');
    expect(await cell('VIT_MAKT', 'forvaltning.faltobservationer').textContent()).toBe('0');
    expect(await cell('ISLAMISTISK', 'forvaltning.kontakter').textContent()).toBe('0');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2015');
    expect(await page.locator('table.trend caption').textContent()).toBe('2015 jämfört med 2014');
    // In the graffiti history, a reported zero and a missing report read as such, not as 0.
    await poll(() =>
      page
        .locator('table.klotter-ar tr[data-rapportor="TRAFIKKONTORET"] td[data-ar="2015"]')
        .textContent(),
    ).toBe('Rapporterat noll');
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-norrmalm-2015.png'),
      fullPage: true,
    });

    // A half-year builds the Period string the graph expects.
    await page.getByLabel('Slag', { exact: true }).selectOption('HALVAR');
    await page.getByLabel('År', { exact: true }).selectOption('2016');
    await page.getByLabel('Halvår', { exact: true }).selectOption('2');
    await poll(() => new URL(page.url()).searchParams.get('period')).toBe('2016-H2');
    await poll(() => page.locator('table.trend caption').textContent()).toBe(
      '2016-H2 (juli–december) jämfört med 2016-H1 (januari–juni)',
    );

    await page.getByLabel('Slag', { exact: true }).selectOption('AR');
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('3');
  });

  it('shows a place two partners recorded, and opens the printable report', async () => {
    // Graffiti at Sergels torg in 2016, where the police recorded the January attack.
    const { body } = await system.gql(
      `mutation ($input: RegistreraKlotteranmalanInput!) { registreraKlotteranmalan(input: $input) { id } }`,
      {
        input: {
          rapportor: 'TRAFIKKONTORET',
          rapportorensId: 'TK-2016-E2E-DASHBOARD',
          omradeId: 'norrmalm',
          kategori: 'RASISTISKT',
          miljo: 'VIT_MAKT',
          innehall: 'Hakkors på trappan',
          plats: 'Sergels torg',
          anmaldTid: '2016-03-14T09:30:00+01:00',
        },
      },
      { 'x-lagesbild-roller': 'TRAFIKKONTORET' },
    );
    expect(body.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Uppdatera' }).click();
    const sergel = page.locator('table.platser tbody[data-plats="sergels-torg"]');
    await poll(() => sergel.locator('th').textContent()).toBe('Sergels torg');
    expect(await sergel.locator('tr td:nth-of-type(1)').allTextContents()).toEqual([
      'Polisen',
      'Klotter (trafikkontoret, SISAB, MTR)',
    ]);
    await poll(() => cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('3');

    const lank = page.getByRole('link', { name: 'Rapport för rådsmöte' });
    expect(await lank.getAttribute('href')).toBe(
      '/dashboard/rapport.html?omrade=norrmalm&period=2016',
    );
    const rapport = await browser.newPage();
    await rapport.goto(`${system.gatewayUrl}/dashboard/rapport.html?omrade=norrmalm&period=2016`);
    await rapport
      .getByRole('heading', { name: 'Lägesbild från polisens underrättelseenhet' })
      .waitFor();
    expect(await rapport.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Lägesbild Norrmalm 2016',
    );
    for (const name of ['Handlingsplan', 'Platser i flera källor', 'Källor för perioden']) {
      expect(await rapport.getByRole('heading', { name, exact: true }).count()).toBe(1);
    }
    expect(await rapport.getByRole('button', { name: 'Skriv ut / spara som PDF' }).count()).toBe(1);
    expect(await rapport.locator('footer').textContent()).toContain('pnpm rapport');
    await rapport.screenshot({
      path: join(SCREENSHOTS, 'rapport-norrmalm-2016.png'),
      fullPage: true,
    });
    await rapport.close();
  });

  it('names the police as unavailable when its subgraph stops, and keeps the rest', async () => {
    await system.stopSubgraph('polis');
    await page.getByRole('button', { name: 'Uppdatera' }).click();

    await poll(() => kalla('polis').locator('.status').first().textContent()).toBe(
      'Ej tillgänglig just nu',
    );
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('ej tillg.');
    // The other partners' columns still show their figures.
    expect(await cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('3');
    expect(await cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('fåtal av 6');
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('3');
    for (const partner of ['forvaltning', 'skolor', 'klotter']) {
      expect(await kalla(partner).locator('.status').first().textContent()).toBe('Rapporterat');
    }
    // Klotter's SLA needs only klotter; the places section says which source is missing.
    await poll(() => page.locator('#sla-rubrik + p').textContent()).toMatch(
      /^2016: sanerat inom 24 timmar/,
    );
    expect(await page.locator('#platser-rubrik ~ p.detalj').textContent()).toContain('Polisen');
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-polis-ej-tillganglig.png'),
      fullPage: true,
    });
  });

  it('names förvaltning as unavailable when its subgraph stops, and keeps the page', async () => {
    await system.stopSubgraph('forvaltning');
    await page.getByRole('button', { name: 'Uppdatera' }).click();

    await poll(() => kalla('forvaltning').locator('.status').first().textContent()).toBe(
      'Ej tillgänglig just nu',
    );
    // Not blank: the header, the choice of area and period, every section's heading, and
    // an explanation in place of what is missing.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lägesbild');
    expect(await page.getByLabel('Område', { exact: true }).inputValue()).toBe('norrmalm');
    for (const name of [
      'Källor',
      'Lägesbild per miljö',
      'Jämfört med föregående period',
      'Platser i flera källor',
      'Handlingsplan',
    ]) {
      expect(await page.getByRole('heading', { name, exact: true }).count()).toBe(1);
    }
    const alerts = (await page.getByRole('alert').allTextContents()).join('\n');
    expect(alerts).toMatch(/förvaltningens källa, som håller ihop lägesbilden, svarar inte/);
    expect(alerts).toMatch(/Handlingsplanen är inte tillgänglig just nu/);
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-forvaltning-ej-tillganglig.png'),
      fullPage: true,
    });
  });

  it('serves the page and its assets with content types and caching, at / too', async () => {
    const pageResponse = await fetch(`${system.gatewayUrl}/dashboard`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageResponse.headers.get('cache-control')).toBe('no-cache');
    const html = await pageResponse.text();
    expect(html).toContain('<title>Lägesbild</title>');
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/dashboard\/assets\/.+\.js$/);
    const asset = await fetch(`${system.gatewayUrl}${script}`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const root = await fetch(`${system.gatewayUrl}/`, { headers: { accept: 'text/html' } });
    expect(await root.text()).toBe(html);
    const graphiql = await fetch(`${system.gatewayUrl}/graphiql`);
    expect(graphiql.status).toBe(200);
  });
});
