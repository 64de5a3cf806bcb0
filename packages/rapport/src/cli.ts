/**
 * The council meeting's report, from the running system:
 *
 *   pnpm rapport --omrade norrmalm --period 2016                  Markdown on stdout
 *   pnpm rapport --omrade norrmalm --period 2016 --format html --ut rapport.html
 *   pnpm rapport --omrade norrmalm --period 2016 --format pdf --ut rapport.pdf   (needs Chromium)
 *
 * --gateway (default http://127.0.0.1:4000, or GATEWAY_URL) chooses whom it asks. As whom:
 * --token (or LAGESBILD_TOKEN), or — against a development gateway — its development
 * sign-in for --roll (default RADET, the council).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { rapportDokument } from './dokument';
import { hamtaLagesbild } from './hamta';
import { skrivPdf } from './pdf';
import { renderHtml, renderMarkdown } from './render';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A development gateway signs a token for a role; a production one has no such route. */
async function devToken(gateway: string, roll: string): Promise<string | null> {
  const response = await fetch(
    `${gateway.replace(/\/$/, '')}/dev/token?roll=${encodeURIComponent(roll)}`,
  );
  if (!response.ok) return null;
  return ((await response.json()) as { token: string }).token;
}

async function main(args: string[]): Promise<number> {
  const omrade = option(args, 'omrade');
  const period = option(args, 'period');
  const format = option(args, 'format') ?? 'md';
  const ut = option(args, 'ut');
  const gateway = option(args, 'gateway') ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
  const roll = option(args, 'roll') ?? 'RADET';
  const givenToken = option(args, 'token') ?? process.env.LAGESBILD_TOKEN;
  if (!omrade || !period || !['md', 'html', 'pdf'].includes(format) || (format === 'pdf' && !ut)) {
    console.error(
      'usage: pnpm rapport --omrade <område> --period <period> [--format md|html|pdf] [--ut fil] [--gateway url] [--token T | --roll ROLL]\n' +
        '       (pdf needs --ut)',
    );
    return 3;
  }
  let hamtad: Awaited<ReturnType<typeof hamtaLagesbild>>;
  try {
    const token = givenToken ?? (await devToken(gateway, roll));
    if (!token) {
      console.error(
        'Ange en token med --token eller LAGESBILD_TOKEN (gatewayen har ingen utvecklingsinloggning).',
      );
      return 1;
    }
    hamtad = await hamtaLagesbild(gateway, omrade, period, { authorization: `Bearer ${token}` });
  } catch (error) {
    console.error(
      `Kunde inte nå gatewayen på ${gateway}: ${error instanceof Error ? error.message : error}. Kör pnpm start först.`,
    );
    return 1;
  }
  if (!hamtad.lagesbild) {
    console.error(
      `Ingen lägesbild för ${omrade} ${period}: ${hamtad.fel.join('; ') || 'okänt fel'}`,
    );
    return 1;
  }
  for (const kalla of hamtad.saknadeKallor) {
    console.error(`Obs: källan ${kalla} svarade inte; rapporten markerar det som saknat.`);
  }
  for (const kalla of hamtad.ejBehoriga) {
    console.error(
      `Obs: rollen är inte behörig för ${kalla}s levande uppgifter; de visas i den fastställda lägesbilden.`,
    );
  }
  const dokument = rapportDokument(hamtad.lagesbild, {
    framtagen: new Date().toISOString(),
    saknadeKallor: hamtad.saknadeKallor,
    ejBehoriga: hamtad.ejBehoriga,
  });
  const target = ut ? resolve(process.env.INIT_CWD ?? process.cwd(), ut) : undefined;
  if (format === 'pdf' && target) {
    await skrivPdf(renderHtml(dokument), target);
  } else {
    const text = format === 'html' ? renderHtml(dokument) : renderMarkdown(dokument);
    if (target) await writeFile(target, text);
    else process.stdout.write(text);
  }
  if (target) console.error(`Rapporten är sparad i ${target}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
