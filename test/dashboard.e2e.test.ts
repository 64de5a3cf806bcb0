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

  const cell = (miljo: string, kolumn: string) =>
    page.locator(`table.miljoer tr[data-miljo="${miljo}"] td[data-kolumn="${kolumn}"]`);
  const kalla = (partner: string) => page.locator(`table.kallor tr[data-partner="${partner}"] td`);

  it("shows Norrmalm 2016 as the seed tells it, förvaltning's figures per environment", async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${system.gatewayUrl}/dashboard`);
    await expect.poll(() => page.title()).toBe('Lägesbild');
    await page.locator('table.miljoer tr[data-miljo="VIT_MAKT"]').waitFor();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Lägesbild');
    expect(await page.getByLabel('Område', { exact: true }).inputValue()).toBe('norrmalm');
    expect(
      await page.getByLabel('Område', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Norrmalm');

    // The white-power row: three IA incidents and the stickers fält- och fritid saw.
    const vitMakt = page.getByRole('row', { name: /Vit makt-miljön/ });
    expect(await vitMakt.getByRole('rowheader').textContent()).toBe('Vit makt-miljön');
    expect(await cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('3');
    expect(await cell('VIT_MAKT', 'forvaltning.faltobservationer').textContent()).toBe('1');
    expect(await cell('VIT_MAKT', 'forvaltning.kontakter').textContent()).toBe('0');
    // The one call, about violent Islamism.
    expect(await cell('ISLAMISTISK', 'forvaltning.kontakter').textContent()).toBe('1');
    expect(await page.locator('table.miljoer tbody tr').count()).toBe(6);
    for (const header of ['Miljö', 'Incidenter', 'Kontakter', 'Fältobservationer']) {
      await expect
        .poll(() =>
          page.locator('table.miljoer').getByRole('columnheader', { name: header }).count(),
        )
        .toBe(1);
    }

    expect(await kalla('forvaltning').textContent()).toBe('Rapporterat');
    // The trend against 2015, when förvaltning had not reported.
    const trend = page.locator('table.trend');
    expect(await trend.locator('caption').textContent()).toBe('2016 jämfört med 2015');
    expect(
      await trend.locator('tr[data-kolumn="forvaltning.incidenter"] td').allTextContents(),
    ).toEqual(['3', '0', '+3']);
    // The action plan and what changed since the period began.
    expect(await page.locator('table.atgarder tbody tr').count()).toBe(11);
    expect(await page.locator('table.andringar tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /Stapeldiagram/ }).count()).toBe(1);

    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-norrmalm-2016.png'),
      fullPage: true,
    });

    // GraphQL through the gateway and the page's own files: nothing from anywhere else.
    const origin = new URL(system.gatewayUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(requests).toContain(`${origin}/graphql`);
  });

  it('switches to 2015: the row empties and förvaltning reads "Ej rapporterat"', async () => {
    await page.getByLabel('År', { exact: true }).selectOption('2015');
    await expect.poll(() => kalla('forvaltning').textContent()).toBe('Ej rapporterat');
    expect(await cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('0');
    expect(await cell('VIT_MAKT', 'forvaltning.faltobservationer').textContent()).toBe('0');
    expect(await cell('ISLAMISTISK', 'forvaltning.kontakter').textContent()).toBe('0');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2015');
    expect(await page.locator('table.trend caption').textContent()).toBe('2015 jämfört med 2014');

    // A half-year builds the Period string the graph expects.
    await page.getByLabel('Slag', { exact: true }).selectOption('HALVAR');
    await page.getByLabel('År', { exact: true }).selectOption('2016');
    await page.getByLabel('Halvår', { exact: true }).selectOption('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2016-H2');
    await expect
      .poll(() => page.locator('table.trend caption').textContent())
      .toBe('2016-H2 (juli–december) jämfört med 2016-H1 (januari–juni)');

    await page.getByLabel('Slag', { exact: true }).selectOption('AR');
    await expect.poll(() => cell('VIT_MAKT', 'forvaltning.incidenter').textContent()).toBe('3');
  });

  it('names förvaltning as unavailable when its subgraph stops, and keeps the page', async () => {
    await system.stopSubgraph('forvaltning');
    await page.getByRole('button', { name: 'Uppdatera' }).click();

    await expect
      .poll(() => kalla('forvaltning').locator('.status').textContent())
      .toBe('Ej tillgänglig just nu');
    // Not blank: the header, the choice of area and period, every section's heading, and
    // an explanation in place of what is missing.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lägesbild');
    expect(await page.getByLabel('Område', { exact: true }).inputValue()).toBe('norrmalm');
    for (const name of [
      'Källor',
      'Lägesbild per miljö',
      'Jämfört med föregående period',
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
