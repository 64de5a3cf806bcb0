import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type RunningSystem, startSystem } from './support/system';

/**
 * The council's dashboard in Debian's Chromium, headless, against the whole system started
 * by the launcher: the page as a council member reads it, a period switch, what a figure
 * means (a missing report is never 0, a report for the whole year is shown labelled on a
 * half-year, a period that has not begun says so), an unknown area, a status change, and
 * one partner going down. No browser is downloaded: playwright-core drives /usr/bin/chromium.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What a partner's columns and Källor row read for a role not cleared for its live data. */
const EJ_BEHORIG = 'Ej behörig – visas i den fastställda lägesbilden';
const SCREENSHOTS = join(ROOT, 'test-output');

/**
 * Klotter's SLA for Norrmalm 2016 as the seed has it, in the page's sentences: the four
 * reports of the year have no known times, so no share can be given (never "i okänd andel").
 */
const SLA_2016 = [
  'Sanerat inom 24 timmar: kan inte anges, tid saknas för alla 4 anmälningar.',
  'På plats inom 3 arbetstimmar: kan inte anges, tid saknas för alla 4 anmälningar.',
];

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
  /**
   * Asks again, as a person would, until the page reads as expected. After a subgraph is
   * stopped, the first refresh may still join an identical subgraph request that was in
   * flight before the stop (the gateway shares those) and that the stopping subgraph
   * finished gracefully; the next refresh meets the stopped source.
   */
  const pollMedUppdatera = (read: () => Promise<string | null>) =>
    expect.poll(
      async () => {
        await page.getByRole('button', { name: 'Uppdatera' }).click();
        await page.waitForTimeout(500);
        return read();
      },
      { timeout: 30_000, interval: 1_000 },
    );
  const cell = (miljo: string, kolumn: string) =>
    page.locator(`table.miljoer tr[data-miljo="${miljo}"] td[data-kolumn="${kolumn}"]`);
  const kalla = (partner: string) => page.locator(`table.kallor tr[data-partner="${partner}"] td`);

  it('shows Norrmalm 2016 as the seed tells it, every partner side by side', async () => {
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${system.gatewayUrl}/dashboard`);
    await poll(() => page.title()).toBe('Lägesbild');
    await page.locator('table.miljoer tr[data-miljo="VIT_MAKT"]').waitFor();

    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lägesbild');
    expect(await page.getByLabel('Område', { exact: true }).inputValue()).toBe('norrmalm');
    expect(
      await page.getByLabel('Område', { exact: true }).locator('option:checked').textContent(),
    ).toBe('Norrmalm');
    // No role until the reader picks one; the council, the default, is listed once.
    expect(await page.getByLabel('Visa som', { exact: true }).inputValue()).toBe('');
    expect(
      await page.getByLabel('Visa som', { exact: true }).locator('option').allTextContents(),
    ).toEqual([
      'Rådet (standard)',
      'Utbildningsförvaltningen',
      'Polisen',
      'Samordnaren',
      'Samverkanspart',
    ]);
    // The gateway serves GraphiQL in development, and the page links to it only then.
    expect(
      await page.getByRole('link', { name: 'GraphiQL – ställ egna frågor' }).getAttribute('href'),
    ).toBe('/graphiql');

    // The white-power row: a few individuals (police), three IA incidents, the stickers
    // fält- och fritid saw "vid något tillfälle" (an unknown count, not one), one of six
    // schools — the council is cleared for the schools' figures: "1 av 6" — and two
    // graffiti reports.
    const vitMakt = page.getByRole('row', { name: /Vit makt-miljön/ });
    expect(await vitMakt.getByRole('rowheader').textContent()).toBe('Vit makt-miljön');
    await poll(() => cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('Ett fåtal');
    // The police reported for 2016 but did not assess the lone actors: no level, 0 events.
    expect(await cell('ENSAMAGERANDE', 'polis.bosatta').textContent()).toBe('Ej bedömd');
    expect(await cell('ENSAMAGERANDE', 'polis.handelserAntal').textContent()).toBe('0');
    expect(await cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe('3');
    expect(await cell('VIT_MAKT', 'forvaltning.faltobservationerAntal').textContent()).toBe(
      'okänt antal',
    );
    // A reported zero is 0.
    expect(await cell('VIT_MAKT', 'forvaltning.kontakterAntal').textContent()).toBe('0');
    expect(await cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('1 av 6');
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('2');
    // The one call, about violent Islamism.
    expect(await cell('ISLAMISTISK', 'forvaltning.kontakterAntal').textContent()).toBe('1');
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

    // The trend against 2015 (its own test below says what it compares).
    const trend = page.locator('table.trend');
    expect(await trend.locator('caption').textContent()).toBe('2016 jämfört med 2015');
    expect(await trend.locator('tbody[data-partner]').count()).toBe(4);

    // The places in several partners' data, from the report's query and hotspots().
    await poll(() => page.getByRole('heading', { name: 'Platser i flera källor' }).count()).toBe(1);
    // The seed has no place two partners share in 2016 (see the report test for one).
    await poll(() => page.locator('#platser-rubrik + p').textContent()).toBe(
      'Ingen plats förekommer hos två eller fler partner under 2016.',
    );

    // The charts: one per count and unit (incidents, contacts, field observations, events,
    // graffiti reports — never two units on one axis), graffiti over five years, the SLA.
    await poll(() => page.getByRole('img', { name: /stapeldiagram/i }).count()).toBe(7);
    expect(await page.locator('figure.enhetsdiagram figcaption').allTextContents()).toEqual([
      'Incidenter (förvaltningen)',
      'Kontakter (förvaltningen)',
      'Fältobservationer (förvaltningen)',
      'Händelser (polisen)',
      'Anmälningar (klotter)',
    ]);
    // The unknown count is not drawn as a bar, and the chart says so.
    expect(
      await page
        .locator('figure[data-diagram="forvaltning.faltobservationerAntal"] p.diagram-ej-ritat')
        .textContent(),
    ).toContain('Vit makt-miljön (okänt antal)');
    // The SLA as sentences with their denominator.
    await poll(() => page.locator('.sla-meningar li').allTextContents()).toEqual(SLA_2016);
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

    // Nothing on the council's page that only a developer can do.
    expect(await page.locator('footer').textContent()).not.toContain('pnpm');

    // GraphQL through the gateway and the page's own files: nothing from anywhere else,
    // and nothing the page asks for is missing (the icon included).
    const origin = new URL(system.gatewayUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(requests).toContain(`${origin}/graphql`);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(
      '/dashboard/favicon.svg',
    );
    expect(failed).toEqual([]);
  });

  it('compares 2016 with 2015 only where both were reported, and says why not elsewhere', async () => {
    const trend = (kolumn: string) =>
      page.locator(`table.trend tr[data-kolumn="${kolumn}"] td`).allTextContents();
    // Förvaltning, the police and the schools had not reported 2015: no 0, no "+3".
    expect(await trend('forvaltning.rapporteringsstatus')).toEqual([
      'Rapporterat',
      'Ej rapporterat',
      '',
    ]);
    expect(await trend('forvaltning.incidenterAntal')).toEqual([
      '3',
      'Ej rapporterat',
      '2015: ej rapporterat',
    ]);
    expect(await trend('forvaltning.kontakterAntal')).toEqual([
      '1',
      'Ej rapporterat',
      '2015: ej rapporterat',
    ]);
    expect(await trend('polis.handelserAntal')).toEqual([
      '6',
      'Ej rapporterat',
      '2015: ej rapporterat',
    ]);
    expect(await trend('skolor.besvarade')).toEqual([
      '6',
      'Ej rapporterat',
      '2015: ej rapporterat',
    ]);
    // Klotter reported zero for 2015: that is a 0, and compared as one.
    // (Four reports in 2016: the two vit makt ones and two more.)
    expect(await trend('klotter.antal')).toEqual(['4', '0', '+4']);
    // No partner that had not reported reads as a 0 anywhere in the comparison.
    for (const partner of ['forvaltning', 'polis', 'skolor']) {
      const celler = await page
        .locator(`table.trend tbody[data-partner="${partner}"] td`)
        .allTextContents();
      expect(celler.filter((t) => /^[0±+−]/.test(t))).toEqual([]);
    }
  });

  it('as Utbildningsförvaltningen: the schools\' "1 av 6", the other partners not for this role', async () => {
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
    // live data: their columns, charts, trend and Källor rows say where their figures are,
    // and no error is shown for it — nothing is missing, the reader is not cleared.
    for (const kolumn of [
      'forvaltning.incidenterAntal',
      'forvaltning.kontakterAntal',
      'polis.bosatta',
      'polis.handelserAntal',
      'klotter.antal',
    ]) {
      for (const miljo of ['VIT_MAKT', 'OSPECIFICERAD']) {
        expect(await cell(miljo, kolumn).textContent(), `${miljo} ${kolumn}`).toBe(EJ_BEHORIG);
      }
    }
    for (const partner of ['forvaltning', 'polis', 'klotter']) {
      await poll(() => kalla(partner).locator('.status').first().textContent()).toBe(EJ_BEHORIG);
    }
    expect(await kalla('skolor').locator('.status').first().textContent()).toBe('Rapporterat');
    expect(await page.locator('table.kallor').textContent()).not.toContain(
      'Ej tillgänglig just nu',
    );
    expect(await page.locator('.meddelande-fel').count()).toBe(0);
    expect(await page.getByText('Någon källa svarade inte').count()).toBe(0);
    const ejRitat = (diagram: string) =>
      page.locator(`figure[data-diagram="${diagram}"] p.diagram-ej-ritat`).textContent();
    await poll(() => ejRitat('forvaltning.incidenterAntal')).toBe(`${EJ_BEHORIG}.`);
    expect(await ejRitat('klotter.antal')).toBe(`${EJ_BEHORIG}.`);
    expect(
      await page
        .locator('table.trend tr[data-kolumn="forvaltning.rapporteringsstatus"] td')
        .allTextContents(),
    ).toEqual([EJ_BEHORIG]);
    expect(
      await page.locator('table.trend tr[data-kolumn="forvaltning.incidenterAntal"]').count(),
    ).toBe(0);

    // The council's other actors read no partner's live figures: the page shows them the
    // adopted lägesbild only, and says why (test/publicering-dashboard.e2e.test.ts shows it).
    await page.getByLabel('Visa som', { exact: true }).selectOption('SAMVERKANSPART');
    await poll(() => page.locator('section.faststalld .samverkanspart').textContent()).toBe(
      'Som samverkanspart ser du den fastställda lägesbilden.',
    );
    expect(await page.locator('table.miljoer').count()).toBe(0);
    expect(await page.locator('table.kallor').count()).toBe(0);
    expect(await page.locator('.meddelande-fel').count()).toBe(0);
    expect(await page.getByText('Någon källa svarade inte').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('roll')).toBe('SAMVERKANSPART');

    // Back to the default, the council: cleared for every partner, "1 av 6" included.
    await page.getByLabel('Visa som', { exact: true }).selectOption('');
    await poll(() => cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('1 av 6');
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe('3');
    await poll(() => kalla('polis').locator('.status').first().textContent()).toBe('Rapporterat');
    expect(await page.locator('p.diagram-ej-ritat', { hasText: EJ_BEHORIG }).count()).toBe(0);
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
    // Not reported is said, never a 0; klotter's reported zero is a 0; the police, which
    // reported nothing for 2015, reads "Ej rapporterat" (not "Ej bedömd", which is an
    // environment the police left unassessed in a period it reported for).
    for (const kolumn of ['incidenterAntal', 'kontakterAntal', 'faltobservationerAntal']) {
      for (const miljo of ['VIT_MAKT', 'ISLAMISTISK']) {
        expect(await cell(miljo, `forvaltning.${kolumn}`).textContent()).toBe('Ej rapporterat');
      }
    }
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('Ej rapporterat');
    expect(await cell('VIT_MAKT', 'polis.handelserAntal').textContent()).toBe('Ej rapporterat');
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('0');
    expect(
      await page
        .locator('figure[data-diagram="forvaltning.incidenterAntal"] p.diagram-ej-ritat')
        .textContent(),
    ).toBe('Inget att rita: ej rapporterat.');
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
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe('3');
  });

  it('shows 2016-H2 with the year\'s reports labelled "hela 2016", not counted into H2', async () => {
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H2`);
    // Förvaltning's incidents, the schools' survey and the graffiti reports are dated to
    // the year: shown for the whole year, labelled, and their partner says so.
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe(
      '3 (hela 2016)',
    );
    expect(await cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe(
      '1 av 6 (hela 2016)',
    );
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('2 (hela 2016)');
    // The police's assessment is of the half-year itself.
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('Ett fåtal');
    for (const partner of ['forvaltning', 'skolor', 'klotter']) {
      await poll(() => kalla(partner).locator('.status').first().textContent()).toBe(
        'Rapporterat för hela 2016',
      );
    }
    expect(await kalla('polis').locator('.status').first().textContent()).toBe('Rapporterat');
    expect(await kalla('forvaltning').locator('[data-grovre]').textContent()).toBe(
      'Hela 2016: 3 incidenter, 1 kontakt',
    );
    expect(await kalla('skolor').locator('[data-grovre]').textContent()).toBe(
      'Hela 2016: 6 svarande skolor',
    );
    // The police reported for H2 itself (the November events) and has events dated only to
    // 2016: the year's figure stands beside H2's own, labelled, never added; where the year
    // has nothing beyond H2's own, nothing is said beside it.
    expect(await cell('OSPECIFICERAD', 'polis.handelserAntal').textContent()).toBe(
      '1 · hela 2016: 5',
    );
    expect(await cell('VIT_MAKT', 'polis.handelserAntal').textContent()).toBe('1');
    expect(await kalla('polis').locator('[data-grovre]').textContent()).toBe(
      'Hela 2016: 6 händelser',
    );
    expect(await page.locator('p.grovre-forklaring').allTextContents()).toEqual([
      'Siffror märkta ”hela 2016” är rapporterade för hela 2016, inte för andra halvåret 2016: de visas men räknas inte in i perioden.',
      'Bredvid periodens siffra står ”hela 2016: …”: siffran för hela 2016, där andra halvåret 2016 redan ingår. De ska inte läggas ihop.',
    ]);
    // Nothing of the year is compared as if it were the half-year's.
    expect(
      await page
        .locator('table.trend tr[data-kolumn="forvaltning.incidenterAntal"] td')
        .allTextContents(),
    ).toEqual([
      'Rapporterat för hela 2016',
      'Rapporterat för hela 2016',
      '2016-H2 och 2016-H1: rapporterat för hela 2016',
    ]);
    // The chart draws the year's figures apart, under their own label.
    expect(
      await page
        .getByRole('img', { name: /incidenter \(förvaltningen\) per miljö, 2016-H2/ })
        .count(),
    ).toBe(1);
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-norrmalm-2016-H2.png'),
      fullPage: true,
    });
  });

  it('keeps a month or a week from the address, and says when it cannot read one', async () => {
    const underrubrik = page.locator('.underrubrik');
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-11`);
    await poll(() => kalla('polis').locator('.status').first().textContent()).toBe('Rapporterat');
    // The area's name arrives with its own query (the list of areas), maybe after Källor.
    await poll(() => underrubrik.textContent()).toContain('Norrmalm, 2016-11 (november)');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2016-11');
    expect(await page.getByLabel('Slag', { exact: true }).inputValue()).toBe('MANAD');
    expect(await page.getByLabel('Månad', { exact: true }).inputValue()).toBe('11');
    expect(await page.locator('table.kallor caption').textContent()).toBe(
      'Rapportering för 2016-11 (november)',
    );
    // The November events are dated to the month: the month's own.
    expect(await cell('VIT_MAKT', 'polis.handelserAntal').textContent()).toBe('1');
    // H2's assessment is labelled, and every label in the table is explained under it.
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe(
      'Ett fåtal (hela andra halvåret 2016)',
    );
    const forklaringar = await page.locator('p.grovre-forklaring').allTextContents();
    expect(forklaringar).toContain(
      'Polisens bedömningar märkta ”hela andra halvåret 2016” gäller hela andra halvåret 2016, som november 2016 ingår i; polisen har ingen egen bedömning för november 2016.',
    );
    expect(forklaringar).toContain(
      'Siffror märkta ”hela 2016” är rapporterade för hela 2016, inte för november 2016: de visas men räknas inte in i perioden.',
    );
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-norrmalm-2016-11.png'),
      fullPage: true,
    });

    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-W45`);
    await poll(() => underrubrik.textContent()).toContain('Norrmalm, 2016-W45 (7–13 november)');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2016-W45');
    expect(await page.getByLabel('Slag', { exact: true }).inputValue()).toBe('VECKA');
    expect(await page.getByLabel('Vecka', { exact: true }).inputValue()).toBe('45');
    // Events dated only to November are not the week's: shown for the month, labelled.
    await poll(() => kalla('polis').locator('.status').first().textContent()).toBe(
      'Rapporterat för hela november 2016',
    );
    // The row takes the half-year, whose assessment holds for the week: its level and its
    // events, labelled, beside the section's month.
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe(
      'Ett fåtal (hela andra halvåret 2016)',
    );
    expect(await cell('VIT_MAKT', 'polis.handelserAntal').textContent()).toBe(
      '1 (hela andra halvåret 2016)',
    );
    await poll(() => page.locator('table.trend caption').textContent()).toBe(
      '2016-W45 (7–13 november) jämfört med 2016-W44 (31 oktober–6 november)',
    );
    // Switching the kind keeps the time of year: week 45 is in November.
    await page.getByLabel('Slag', { exact: true }).selectOption('MANAD');
    await poll(() => new URL(page.url()).searchParams.get('period')).toBe('2016-11');

    // A period the page cannot read is named, with the period shown instead.
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H3`);
    await poll(() => page.getByRole('status').filter({ hasText: 'i adressen' }).textContent()).toBe(
      'Perioden ”2016-H3” i adressen går inte att läsa; visar 2016.',
    );
  });

  it('says that 2030 has not begun, and shows no number for it', async () => {
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2030`);
    await poll(() =>
      page.getByRole('status').filter({ hasText: 'Perioden har inte börjat' }).count(),
    ).toBe(1);
    for (const partner of ['forvaltning', 'polis', 'skolor', 'klotter']) {
      await poll(() => kalla(partner).locator('.status').first().textContent()).toBe(
        'Ej rapporterat',
      );
    }
    await page.locator('table.miljoer tr[data-miljo="VIT_MAKT"]').waitFor();
    const celler = await page.locator('table.miljoer tbody td').allTextContents();
    expect(celler.length).toBeGreaterThan(0);
    expect(celler.filter((t) => /\d/.test(t))).toEqual([]);
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('Ej rapporterat');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-norrmalm-2030.png'),
      fullPage: true,
    });
    // The year under way is answered, and its figures are said to be able to change.
    const iAr = String(new Date().getUTCFullYear());
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=${iAr}`);
    await poll(() =>
      page.getByRole('status').filter({ hasText: 'Perioden pågår' }).textContent(),
    ).toBe('Perioden pågår — siffrorna kan ändras.');
  });

  it('says "Okänt område" for an area the register lacks, and does not list it', async () => {
    // The gateway's answer: an error for the reader's input that names the known areas.
    const { body } = await system.gql(
      'query ($omrade: String!) { lagesbild(omrade: $omrade, period: "2016") { omradeId } }',
      { omrade: 'sodermalm' },
    );
    expect(body.errors?.[0]?.message).toBe('Okänt område "sodermalm". Kända områden: norrmalm.');
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      kandaOmraden: ['norrmalm'],
    });

    await page.goto(`${system.gatewayUrl}/dashboard?omrade=sodermalm&period=2016`);
    const meddelande = page.getByRole('status').filter({ hasText: 'Okänt område' });
    await poll(() => meddelande.textContent()).toBe(
      'Okänt område ”sodermalm”. Det finns ingen lägesbild för det området. Kända områden: Norrmalm. Välj ett område i listan.',
    );
    // Not an outage: no red banner, no partner "unavailable", no source "not answering".
    expect(await page.getByRole('alert').count()).toBe(0);
    const sida = (await page.locator('body').textContent()) ?? '';
    expect(sida).not.toContain('svarar inte');
    expect(sida).not.toContain('Ej tillgänglig just nu');
    // The area is not added to the list of areas.
    const omrade = page.getByLabel('Område', { exact: true });
    expect(await omrade.locator('option').allTextContents()).toEqual(['Välj område', 'Norrmalm']);
    expect(await omrade.locator('option[value="sodermalm"]').count()).toBe(0);
    // The report's link is not shown for an unknown area, and nothing refers to it.
    expect(await page.getByRole('link', { name: 'Rapport för rådsmöte' }).count()).toBe(0);
    expect(await page.locator('footer').textContent()).not.toContain('Rapport för rådsmöte');
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-okant-omrade.png'),
      fullPage: true,
    });

    // The report page says the same, the known areas by name; a period it cannot read is
    // the reader's question too, not an outage.
    const rapport = await browser.newPage();
    await rapport.goto(`${system.gatewayUrl}/dashboard/rapport.html?omrade=sodermalm&period=2016`);
    await poll(() => rapport.locator('#status').textContent()).toBe(
      'Okänt område ”sodermalm”: det finns ingen rapport för det. Kända områden: Norrmalm.',
    );
    await rapport.goto(
      `${system.gatewayUrl}/dashboard/rapport.html?omrade=norrmalm&period=2016-13`,
    );
    await poll(() => rapport.locator('#status').textContent()).toBe(
      'Perioden ”2016-13” går inte att läsa: månad anges med två siffror från 01 till 12, t.ex. "2016-05".',
    );
    expect(await rapport.locator('body').textContent()).not.toContain('svarar');
    await rapport.close();

    // Picking a known area from the list shows its picture.
    await omrade.selectOption('norrmalm');
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe('3');
    expect(await meddelande.count()).toBe(0);
  });

  it('reads an area id without regard to case: "Norrmalm" is norrmalm', async () => {
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=Norrmalm&period=2016`);
    await poll(() => cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe('3');
    await poll(() => page.getByLabel('Område', { exact: true }).inputValue()).toBe('norrmalm');
    await poll(() => new URL(page.url()).searchParams.get('omrade')).toBe('norrmalm');
    expect(await page.getByRole('status').filter({ hasText: 'Okänt område' }).count()).toBe(0);
  });

  it("shows the coordinator's status change in åtgärd 9's sub-step summary", async () => {
    const atgard9 = page
      .locator('table.atgarder tbody tr')
      .filter({ has: page.locator('td.tal', { hasText: /^9$/ }) });
    await poll(() => atgard9.locator('.detalj').textContent()).toBe(
      'Delsteg 1 pågår, delsteg 2 och 3 är förslag',
    );
    const { body } = await system.gql(
      `mutation ($input: UppdateraAtgardStatusInput!) { uppdateraAtgardStatus(input: $input) { id status } }`,
      {
        input: {
          atgardId: 'norrmalm-handlingsplan-2017-atgard-9',
          delstegNr: 2,
          status: 'PAGAR',
          kommentar: 'Skolorna på Norrmalm informeras inför manifestationer.',
        },
      },
      { 'x-lagesbild-roller': 'SAMORDNARE' },
    );
    expect(body.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Uppdatera' }).click();
    await poll(() => atgard9.locator('.detalj').textContent()).toBe(
      'Delsteg 1 och 2 pågår, delsteg 3 är förslag',
    );
    // ... and the change is listed among the changes since the period began.
    const andring = page
      .locator('table.andringar tbody tr')
      .filter({ hasText: 'delsteg 2' })
      .filter({ hasText: 'Skolorna på Norrmalm' });
    await poll(() => andring.count()).toBe(1);
    expect(await andring.locator('td').nth(1).textContent()).toBe('Förslag → Pågår');
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
    // In H1 the report at Sergels torg is Trafikkontoret's own, with the year's beside it;
    // SISAB's reported zero is the year's. The report's lines say the same.
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H1`);
    const rapportor = (id: string) => kalla('klotter').locator(`li[data-rapportor="${id}"]`);
    await poll(() => rapportor('TRAFIKKONTORET').textContent()).toBe(
      'Trafikkontoret: Rapporterat (1 · hela 2016: 5)',
    );
    expect(await rapportor('SISAB').textContent()).toBe(
      'SISAB: Rapporterat för hela 2016 (0, hela 2016)',
    );
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016`);
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
    // Nothing on the council's page that only a developer can do.
    expect(await rapport.locator('footer').textContent()).not.toContain('pnpm');
    await rapport.screenshot({
      path: join(SCREENSHOTS, 'rapport-norrmalm-2016.png'),
      fullPage: true,
    });
    await rapport.close();
  });

  it('names the police as unavailable when its subgraph stops, and keeps the rest', async () => {
    await system.stopSubgraph('polis');
    await pollMedUppdatera(() => kalla('polis').locator('.status').first().textContent()).toBe(
      'Ej tillgänglig just nu',
    );
    expect(await cell('VIT_MAKT', 'polis.bosatta').textContent()).toBe('ej tillg.');
    // The other partners' columns still show their figures.
    expect(await cell('VIT_MAKT', 'forvaltning.incidenterAntal').textContent()).toBe('3');
    expect(await cell('VIT_MAKT', 'skolor.skolorMedTecken').textContent()).toBe('1 av 6');
    expect(await cell('VIT_MAKT', 'klotter.antal').textContent()).toBe('3');
    for (const partner of ['forvaltning', 'skolor', 'klotter']) {
      expect(await kalla(partner).locator('.status').first().textContent()).toBe('Rapporterat');
    }
    // Klotter's SLA needs only klotter; the places section says which source is missing.
    await poll(() => page.locator('.sla-meningar li').first().textContent()).toMatch(
      /^Sanerat inom 24 timmar/,
    );
    expect(await page.locator('#platser-rubrik ~ p.detalj').textContent()).toContain('Polisen');
    await page.screenshot({
      path: join(SCREENSHOTS, 'dashboard-polis-ej-tillganglig.png'),
      fullPage: true,
    });
  });

  it('names förvaltning as unavailable when its subgraph stops, and keeps the page', async () => {
    await system.stopSubgraph('forvaltning');
    await pollMedUppdatera(() =>
      kalla('forvaltning').locator('.status').first().textContent(),
    ).toBe('Ej tillgänglig just nu');
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
    // The icon the page links, and the one a browser asks the root for.
    expect(html).toContain('<link rel="icon" type="image/svg+xml" href="/dashboard/favicon.svg"');
    for (const path of ['/dashboard/favicon.svg', '/favicon.ico']) {
      const ikon = await fetch(`${system.gatewayUrl}${path}`);
      expect(ikon.status, path).toBe(200);
      expect(ikon.headers.get('content-type')).toBe('image/svg+xml');
    }
    const graphiql = await fetch(`${system.gatewayUrl}/graphiql`);
    expect(graphiql.status).toBe(200);
  });
});
