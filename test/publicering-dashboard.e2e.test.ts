import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type RunningSystem, startSystem } from './support/system';

/**
 * The adopted lägesbild on the council's dashboard, in Debian's Chromium (headless, through
 * playwright-core) against the whole system: the seeded 2016-H2 with its badge, its printable
 * report and its export; a draft's confirmations as a partner gives them; and what a
 * collaborating actor (SAMVERKANSPART) sees — the adopted tables, suppressed, and nothing live.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'test-output');

describe('the adopted lägesbild on the dashboard, in a browser', () => {
  let system: RunningSystem;
  let userDataDir: string;
  let browser: BrowserContext;
  let page: Page;
  let seedad: { id: string; hash: string };

  beforeAll(async () => {
    system = await startSystem();
    userDataDir = await mkdtemp(join(tmpdir(), 'lagesbild-chromium-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
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
      acceptDownloads: true,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    const { body } = await system.gql(
      `query { publiceringar(omrade: "norrmalm", period: "2016-H2") { id version status hash } }`,
      {},
      { 'x-lagesbild-roller': 'RADET' },
    );
    expect(body.errors).toBeUndefined();
    const lista = (body.data?.publiceringar ?? []) as {
      id: string;
      version: number;
      status: string;
      hash: string;
    }[];
    const v1 = lista.find((p) => p.version === 1 && p.status === 'FASTSTALLD');
    expect(v1, JSON.stringify(lista)).toBeDefined();
    seedad = { id: v1!.id, hash: v1!.hash };
  });

  afterAll(async () => {
    await browser?.close();
    await system?.interrupt();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
  const sektion = () => page.locator('section.faststalld');

  it('shows the seeded 2016-H2 as adopted: the badge, version 1, its tables and what changed', async () => {
    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H2`);
    await poll(() =>
      sektion().locator('.publicering .publiceringsmarke .marke').first().textContent(),
    ).toBe('Fastställd 2016-12-14');
    const publicering = sektion().locator('.publicering');
    expect(await publicering.getAttribute('data-publicering')).toBe(seedad.id);
    expect(await publicering.locator('.marke-version').first().textContent()).toBe('version 1');
    expect(await publicering.locator('.marke-ersatt-av').count()).toBe(0);
    expect(await publicering.locator('code.hash').first().textContent()).toBe(seedad.hash);
    // Every partner confirmed the seeded version.
    expect(await publicering.locator('table.bekraftelser tr[data-bekraftad="ja"]').count()).toBe(4);
    // The adopted tables and the police's levels, folded beside the live picture.
    const tabeller = publicering.locator('details.publicerade-tabeller');
    expect(await tabeller.getAttribute('open')).toBeNull();
    await tabeller.locator('summary').click();
    await poll(() => publicering.locator('table.publicerad').first().isVisible()).toBe(true);
    expect(await publicering.locator('table.publicerad').count()).toBeGreaterThan(1);
    // The council is cleared for every partner: the number, and what others read beside it.
    expect(await publicering.locator('table.publicerad td').allTextContents()).toContain(
      '1 (utåt: fåtal)',
    );
    expect(
      await publicering
        .locator('table.publicerad.niva tr', { hasText: 'Vit makt-miljön' })
        .textContent(),
    ).toContain('Ett fåtal');
    // The area's adopted versions, this one among them.
    expect(
      await sektion().locator('ul.versioner li[data-period="2016-H2"]').first().textContent(),
    ).toContain('Fastställd 2016-12-14 · version 1');
    // The council is cleared for every partner: the live picture against the adopted one.
    await poll(() =>
      sektion().getByRole('heading', { name: 'Ändrat sedan fastställandet' }).count(),
    ).toBe(1);
    // A list of changes, or the sentence that there are none; never a failed comparison.
    expect(
      await sektion()
        .locator('.andrat-sedan')
        .locator('table.andrat-sedan-faststallandet, p', {
          hasNotText: 'kan inte visas just nu',
        })
        .count(),
    ).toBe(1);
    // The live picture is on the page too.
    expect(await page.locator('table.miljoer').count()).toBe(1);
    await page.screenshot({
      path: join(SCREENSHOTS, 'publicering-norrmalm-2016-H2.png'),
      fullPage: true,
    });
  });

  it('downloads the export as JSON and CSV files named by area, period and version', async () => {
    await sektion().getByRole('button', { name: 'Hämta export (JSON och CSV)' }).click();
    const json = sektion().locator('ul.exportfiler a[data-slag="JSON"]');
    await poll(() => json.textContent()).toBe('lagesbild-norrmalm-2016-H2-v1.json');
    const [nedladdning] = await Promise.all([page.waitForEvent('download'), json.click()]);
    expect(nedladdning.suggestedFilename()).toBe('lagesbild-norrmalm-2016-H2-v1.json');
    const fil = await nedladdning.path();
    const innehall = JSON.parse(await readFile(fil, 'utf8')) as { hash: string; version: number };
    expect(innehall.hash).toBe(seedad.hash);
    expect(innehall.version).toBe(1);
    const csv = await sektion().locator('ul.exportfiler a[data-slag^="CSV"]').allTextContents();
    expect(csv.length).toBeGreaterThan(0);
    for (const namn of csv) expect(namn).toMatch(/^lagesbild-norrmalm-2016-H2-v1-[a-z-]+\.csv$/);
  });

  it('opens the printable report of the publication: version 1, 2016-12-14 and the hash', async () => {
    const href = await sektion()
      .locator('.publicering a', { hasText: 'Rapport för utskrift' })
      .getAttribute('href');
    expect(href).toBe(`/dashboard/rapport.html?publicering=${encodeURIComponent(seedad.id)}`);
    const rapport = await browser.newPage();
    try {
      await rapport.goto(`${system.gatewayUrl}${href}`);
      await poll(() => rapport.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Fastställd lägesbild Norrmalm 2016-H2, version 1',
      );
      const text = (await rapport.locator('#rapport').textContent()) ?? '';
      expect(text).toContain('Fastställd 2016-12-14 · version 1');
      expect(text).toContain('fastställd av trygghets- och säkerhetsrådet 2016-12-14');
      expect(text).toContain(seedad.hash);
      expect(text).toContain('Partnernas bekräftelser');
      expect(await rapport.title()).toBe('Fastställd lägesbild Norrmalm 2016-H2, version 1');
      expect(await rapport.locator('#tillbaka').getAttribute('href')).toBe(
        '/dashboard?omrade=norrmalm&period=2016-H2',
      );
      await rapport.screenshot({
        path: join(SCREENSHOTS, 'publicering-rapport-norrmalm-2016-H2.png'),
        fullPage: true,
      });
    } finally {
      await rapport.close();
    }
  });

  it("shows a draft's progress: the police confirmed, the others not", async () => {
    const skapad = await system.gql(
      `mutation { skapaPubliceringsutkast(omrade: "norrmalm", period: "2016") { id status version } }`,
      {},
      { 'x-lagesbild-roller': 'SAMORDNARE' },
    );
    expect(skapad.body.errors).toBeUndefined();
    const utkast = (skapad.body.data?.skapaPubliceringsutkast ?? {}) as {
      id: string;
      status: string;
    };
    expect(utkast.status).toBe('UTKAST');
    const bekraftad = await system.gql(
      `mutation ($id: ID!) { bekraftaAvsnitt(id: $id, partner: "polis", kommentar: "Stämmer med polisens underlag.") { id } }`,
      { id: utkast.id },
      { 'x-lagesbild-roller': 'POLIS' },
    );
    expect(bekraftad.body.errors).toBeUndefined();

    for (const roll of ['SAMORDNARE', null]) {
      await page.goto(
        `${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016${roll ? `&roll=${roll}` : ''}`,
      );
      const rad = (partner: string) =>
        sektion().locator(`.utkast table.bekraftelser tr[data-partner="${partner}"]`);
      await poll(() => rad('polis').getAttribute('data-bekraftad')).toBe('ja');
      expect(await rad('polis').locator('td').first().textContent()).toMatch(
        /^Bekräftat \d{4}-\d\d-\d\d$/,
      );
      expect(await rad('polis').locator('td').nth(1).textContent()).toBe(
        'Stämmer med polisens underlag.',
      );
      for (const partner of ['forvaltning', 'skolor', 'klotter']) {
        expect(await rad(partner).getAttribute('data-bekraftad')).toBe('nej');
        expect(await rad(partner).locator('td').first().textContent()).toBe('Inte bekräftat');
      }
      expect(await sektion().locator('.utkast .framsteg').textContent()).toContain(
        '1 av 4 avsnitt är bekräftat',
      );
      expect(await sektion().locator('.utkast .marke').textContent()).toBe('Utkast');
      // No adopted version of the year yet.
      expect(await sektion().locator('.ingen-faststalld').textContent()).toBe(
        'Ingen fastställd lägesbild för 2016.',
      );
    }
    await page.screenshot({
      path: join(SCREENSHOTS, 'publicering-utkast-norrmalm-2016.png'),
      fullPage: true,
    });
  });

  it('shows a collaborating actor the adopted tables, suppressed, and no live section', async () => {
    const operationer: string[] = [];
    const lyssna = (r: import('playwright-core').Request) => {
      if (!r.url().endsWith('/graphql')) return;
      const namn = /^\s*(?:query|mutation)\s+(\w+)/.exec(
        (JSON.parse(r.postData() ?? '{}') as { query?: string }).query ?? '',
      )?.[1];
      if (namn) operationer.push(namn);
    };
    page.on('request', lyssna);
    await page.goto(
      `${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H2&roll=SAMVERKANSPART`,
    );
    await poll(() => sektion().locator('.samverkanspart').textContent()).toBe(
      'Som samverkanspart ser du den fastställda lägesbilden.',
    );
    expect(await page.getByLabel('Visa som', { exact: true }).inputValue()).toBe('SAMVERKANSPART');
    await poll(() => sektion().locator('.publicering .marke').first().textContent()).toBe(
      'Fastställd 2016-12-14',
    );
    // Alone on the page, the adopted tables are open.
    expect(await sektion().locator('details.publicerade-tabeller').getAttribute('open')).toBe('');
    const celler = await sektion().locator('table.publicerad td').allTextContents();
    expect(celler).toContain('fåtal');
    // Not cleared for any partner: no number the adopted version hid, no live comparison.
    expect(celler.some((c) => c.includes('(utåt:'))).toBe(false);
    expect(
      await sektion().getByRole('heading', { name: 'Ändrat sedan fastställandet' }).count(),
    ).toBe(0);
    // No live section, and nothing live asked for.
    for (const rubrik of [
      'Lägesbild per miljö',
      'Källor',
      'Platser i flera källor',
      'Handlingsplan',
    ]) {
      expect(await page.getByRole('heading', { name: rubrik, exact: true }).count()).toBe(0);
    }
    expect(await page.locator('table.miljoer').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Rapport för rådsmöte' }).count()).toBe(0);
    expect(operationer).toContain('DashboardPublicering');
    expect(
      operationer.filter((o) =>
        [
          'Dashboard',
          'LagesbildRapport',
          'DashboardKlotterHistorik',
          'DashboardHandlingsplan',
        ].includes(o),
      ),
    ).toEqual([]);
    // A collaborating actor sees no draft.
    await page.goto(
      `${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016&roll=SAMVERKANSPART`,
    );
    await poll(() => sektion().locator('.ingen-faststalld').textContent()).toBe(
      'Ingen fastställd lägesbild för 2016.',
    );
    expect(await sektion().locator('.utkast').count()).toBe(0);
    await page.goto(
      `${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H2&roll=SAMVERKANSPART`,
    );
    await poll(() => sektion().locator('table.publicerad').count()).toBeGreaterThan(0);
    await page.screenshot({
      path: join(SCREENSHOTS, 'publicering-samverkanspart-2016-H2.png'),
      fullPage: true,
    });
    page.off('request', lyssna);
  });
  it('marks a replaced version "ersatt av version 2" once a correction is adopted', async () => {
    const gql = async (query: string, variables: Record<string, unknown>, roll: string) => {
      const { body } = await system.gql(query, variables, { 'x-lagesbild-roller': roll });
      expect(body.errors, `${roll}: ${query}`).toBeUndefined();
      return body.data as Record<string, { id: string; version: number }>;
    };
    // The council meets after the correction is made: today.
    const idag = new Date().toISOString().slice(0, 10);
    const rattelse = await gql(
      `mutation ($id: ID!) { rattaPublicering(id: $id, orsak: "Polisens händelser i december registrerades i efterhand.") { id version } }`,
      { id: seedad.id },
      'SAMORDNARE',
    );
    const v2 = rattelse.rattaPublicering as { id: string; version: number };
    expect(v2.version).toBe(2);
    for (const [partner, roll] of [
      ['forvaltning', 'SAMORDNARE'],
      ['polis', 'POLIS'],
      ['skolor', 'UTBILDNINGSFORVALTNING'],
      ['klotter', 'TRAFIKKONTORET'],
    ] as const) {
      await gql(
        `mutation ($id: ID!, $partner: String!) { bekraftaAvsnitt(id: $id, partner: $partner) { id } }`,
        { id: v2.id, partner },
        roll,
      );
    }
    await gql(
      `mutation ($id: ID!, $datum: String!) { faststallPublicering(id: $id, motesdatum: $datum) { id } }`,
      { id: v2.id, datum: idag },
      'RADET',
    );

    await page.goto(`${system.gatewayUrl}/dashboard?omrade=norrmalm&period=2016-H2`);
    await poll(() =>
      sektion().locator('.publicering .publiceringsmarke .marke').first().textContent(),
    ).toBe(`Fastställd ${idag}`);
    expect(await sektion().locator('.publicering .marke-version').first().textContent()).toBe(
      'version 2',
    );
    const v1 = sektion().locator(`ul.versioner li[data-publicering="${seedad.id}"]`);
    expect(await v1.textContent()).toContain(
      'Fastställd 2016-12-14 · version 1 · ersatt av version 2',
    );
    expect(
      await sektion().locator(`ul.versioner li[data-publicering="${v2.id}"]`).textContent(),
    ).toContain(`Fastställd ${idag} · version 2`);
    // The replaced version's report says which one replaced it.
    const rapport = await browser.newPage();
    try {
      await rapport.goto(`${system.gatewayUrl}${await v1.getByRole('link').getAttribute('href')}`);
      await poll(() => rapport.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Fastställd lägesbild Norrmalm 2016-H2, version 1',
      );
      expect(await rapport.locator('#rapport').textContent()).toContain(
        `Den här versionen är ersatt av version 2, fastställd ${idag}.`,
      );
    } finally {
      await rapport.close();
    }
    await page.screenshot({
      path: join(SCREENSHOTS, 'publicering-version-2-norrmalm-2016-H2.png'),
      fullPage: true,
    });
  });
});
