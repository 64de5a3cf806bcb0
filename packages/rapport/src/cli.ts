/**
 * The council meeting's report, from the running system:
 *
 *   pnpm rapport --omrade norrmalm --period 2016                  Markdown on stdout
 *   pnpm rapport --omrade norrmalm --period 2016 --format html --ut rapport.html
 *   pnpm rapport --omrade norrmalm --period 2016 --format pdf --ut rapport.pdf   (needs Chromium)
 *
 * The adopted lägesbild (a publication of the publicering subgraph):
 *
 *   pnpm rapport --publicering <id> [--format md|html|pdf|json|csv]
 *   pnpm rapport --fastställd --omrade norrmalm --period 2016-H2 [--version 1] [--format …]
 *
 * --fastställd takes the adopted, not replaced, version of the area and period; --version n
 * an older one. The report reads as the published version does — hidden cells as "fåtal" or
 * "ej redovisad" — whoever asks; --arbetsexemplar gives a cleared reader a working copy with
 * the hidden numbers beside them, marked on its title page as not for distribution. json and csv write the version's export (JSON, one CSV per table, with its
 * content hash) to files named by area, period and version, in --ut (a folder; default
 * the current one).
 *
 * --ut names a file, or a folder (an existing one, or a path ending in "/") to write the
 * report into, named by area, period (and version: lagesbild-norrmalm-2016-H2-v1.md).
 *
 * --gateway (default GATEWAY_URL, else LAGESBILD_GATEWAY_URL, else http://127.0.0.1:<GATEWAY_PORT>,
 * else http://127.0.0.1:4000; its /graphql URL is taken too)
 * chooses whom it asks. As whom:
 * --token (or LAGESBILD_TOKEN), or — against a development gateway — its development
 * sign-in for --roll (default RADET, the council).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { environment } from '@lagesbild/config';
import { type RapportDokument, rapportDokument } from './dokument';
import { gatewayAdress } from './gateway-adress';
import { fragaGatewayen, hamtaLagesbild } from './hamta';
import { skrivPdf } from './pdf';
import {
  exportFilnamn,
  type Publicering,
  type PubliceringExportSvar,
  publiceringsDokument,
  rapportFilnamn,
} from './publicering';
import {
  OMRADE_NAMN,
  PUBLICERING_EXPORT,
  PUBLICERING_RAPPORT,
  PUBLICERING_VERSIONER,
} from './queries';
import { renderHtml, renderMarkdown } from './render';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * The gateway's base URL, whichever was given: `http://127.0.0.1:4000`, `…/` or its
 * GraphQL endpoint `…/graphql` (what a client is usually told). The development sign-in
 * (`/dev/token`) and `/graphql` are both under the base.
 */
function gatewayBas(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/graphql$/i, '');
}

/** A path as given on the command line, from where `pnpm rapport` was run. */
const franArbetsmappen = (fil: string) => resolve(environment().INIT_CWD ?? process.cwd(), fil);

/**
 * Where --ut writes the report: the file given, or — when it names a folder (an existing
 * one, or any path ending in "/") — a file in that folder named as the export's files are
 * (area, period, version), the folder created.
 */
async function utfil(ut: string, namn: string): Promise<string> {
  const sti = franArbetsmappen(ut);
  const mapp =
    /[\\/]$/.test(ut) ||
    (await stat(sti).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (!mapp) return sti;
  await mkdir(sti, { recursive: true });
  return join(sti, namn);
}

/** A development gateway signs a token for a role; a production one has no such route. */
async function devToken(gateway: string, roll: string): Promise<string | null> {
  const response = await fetch(
    `${gateway.replace(/\/$/, '')}/dev/token?roll=${encodeURIComponent(roll)}`,
  );
  if (!response.ok) return null;
  return ((await response.json()) as { token: string }).token;
}

const USAGE =
  'usage: pnpm rapport --omrade <område> --period <period> [--format md|html|pdf] [--ut fil] [--gateway url] [--token T | --roll ROLL]\n' +
  '       pnpm rapport --publicering <id> [--format md|html|pdf|json|csv] [--ut fil|mapp] …\n' +
  '       pnpm rapport --fastställd --omrade <område> --period <period> [--version n] [--format md|html|pdf|json|csv] [--ut fil|mapp] [--arbetsexemplar] …\n' +
  '       (pdf needs --ut; json and csv write files named by area, period and version into --ut, a folder;\n' +
  '        md, html and pdf too when --ut is a folder; --gateway takes the base URL or its /graphql URL)';

/** Writes the document in the format asked for: on stdout, or to the file --ut names. */
async function skriv(dokument: RapportDokument, format: string, target?: string): Promise<void> {
  if (format === 'pdf' && target) {
    await skrivPdf(renderHtml(dokument), target);
  } else {
    const text = format === 'html' ? renderHtml(dokument) : renderMarkdown(dokument);
    if (target) await writeFile(target, text);
    else process.stdout.write(text);
  }
  if (target) console.error(`Rapporten är sparad i ${target}`);
}

/**
 * Why a run failed: a file that could not be written (Node's file errors name their path),
 * or else a gateway that could not be reached.
 */
function misslyckades(error: unknown, gateway: string): string {
  const text = error instanceof Error ? error.message : String(error);
  const fil = (error as NodeJS.ErrnoException | null)?.path;
  if (error instanceof Error && 'syscall' in error && typeof fil === 'string') {
    return `Kunde inte spara ${fil}: ${text}`;
  }
  return `Kunde inte nå gatewayen på ${gateway}: ${text}. Kör pnpm start först.`;
}

/** The message of a refused or failed operation, in the gateway's words. */
const felen = (fel: { message: string }[]) => fel.map((f) => f.message).join('; ') || 'okänt fel';

/**
 * The adopted lägesbild: a publication by id, or the area's adopted (or n:th) version of a
 * period, rendered as the meeting report or written as its export.
 */
async function publicering(
  args: string[],
  gateway: string,
  headers: Record<string, string>,
  format: string,
  ut: string | undefined,
): Promise<number> {
  let id = option(args, 'publicering');
  if (!id) {
    const omrade = option(args, 'omrade') as string;
    const period = option(args, 'period') as string;
    const versionText = option(args, 'version');
    const version = versionText === undefined ? null : Number(versionText);
    if (version !== null && (!Number.isInteger(version) || version < 1)) {
      console.error(`--version ska vara ett heltal från 1, inte "${versionText}".`);
      return 3;
    }
    const svar = await fragaGatewayen<{
      publiceringar: Pick<Publicering, 'id' | 'period' | 'version' | 'status'>[];
    }>(gateway, PUBLICERING_VERSIONER, { omrade, period }, headers);
    if (!svar.data) {
      console.error(
        `Publiceringarna för ${omrade} ${period} kunde inte hämtas: ${felen(svar.fel)}`,
      );
      return 1;
    }
    const versioner = svar.data.publiceringar.filter((p) => p.period === period);
    const vald =
      version === null
        ? versioner.find((p) => p.status === 'FASTSTALLD')
        : versioner.find((p) => p.version === version);
    if (!vald) {
      console.error(
        version === null
          ? `Ingen fastställd lägesbild för ${omrade} ${period}.${versioner.length ? ` Versioner: ${versioner.map((p) => `${p.version} (${p.status.toLowerCase()})`).join(', ')}.` : ''}`
          : `Ingen version ${version} av lägesbilden för ${omrade} ${period}.`,
      );
      return 1;
    }
    id = vald.id;
  }

  if (format === 'json' || format === 'csv') {
    const svar = await fragaGatewayen<{
      publicering:
        | (Pick<Publicering, 'id' | 'omradeId' | 'period' | 'version' | 'status'> & {
            export: PubliceringExportSvar | null;
          })
        | null;
    }>(gateway, PUBLICERING_EXPORT, { id }, headers);
    const p = svar.data?.publicering;
    if (!p) {
      console.error(`Publiceringen ${id} kunde inte hämtas: ${felen(svar.fel)}`);
      return 1;
    }
    if (!p.export) {
      console.error(
        `Version ${p.version} av lägesbilden för ${p.omradeId} ${p.period} är inte fastställd: bara fastställda versioner exporteras.`,
      );
      return 1;
    }
    const mapp = franArbetsmappen(ut ?? '.');
    await mkdir(mapp, { recursive: true });
    const filer =
      format === 'json'
        ? [{ namn: exportFilnamn(p), innehall: p.export.json }]
        : p.export.csv.map((c) => ({ namn: exportFilnamn(p, c.namn), innehall: c.innehall }));
    for (const f of filer) {
      await writeFile(join(mapp, f.namn), f.innehall);
      console.error(`Sparad: ${join(mapp, f.namn)}`);
    }
    console.error(`Kontrollsumma (SHA-256): ${p.export.hash}`);
    return 0;
  }
  const svar = await fragaGatewayen<{ publicering: Publicering | null }>(
    gateway,
    PUBLICERING_RAPPORT,
    { id },
    headers,
  );
  const p = svar.data?.publicering;
  if (!p) {
    console.error(`Publiceringen ${id} kunde inte hämtas: ${felen(svar.fel)}`);
    return 1;
  }
  // The area's name from förvaltning's register; its id when the register does not answer.
  const omrade = await fragaGatewayen<{ omrade: { namn: string } | null }>(
    gateway,
    OMRADE_NAMN,
    { omrade: p.omradeId },
    headers,
  ).catch(() => null);
  const dokument = publiceringsDokument(p, {
    omradeNamn: omrade?.data?.omrade?.namn ?? null,
    framtagen: new Date().toISOString(),
    arbetsexemplar: args.includes('--arbetsexemplar'),
  });
  await skriv(dokument, format, ut ? await utfil(ut, rapportFilnamn(p, format)) : undefined);
  return 0;
}

async function main(args: string[]): Promise<number> {
  const omrade = option(args, 'omrade');
  const period = option(args, 'period');
  const format = option(args, 'format') ?? 'md';
  const ut = option(args, 'ut');
  let gateway: string;
  try {
    gateway = gatewayBas(gatewayAdress(option(args, 'gateway'), environment()));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 3;
  }
  const roll = option(args, 'roll') ?? 'RADET';
  const givenToken = option(args, 'token') ?? environment().LAGESBILD_TOKEN;
  const adopted =
    args.includes('--publicering') ||
    args.includes('--fastställd') ||
    args.includes('--faststalld');
  const formats = adopted ? ['md', 'html', 'pdf', 'json', 'csv'] : ['md', 'html', 'pdf'];
  if (
    !formats.includes(format) ||
    (format === 'pdf' && !ut) ||
    (adopted ? !option(args, 'publicering') && (!omrade || !period) : !omrade || !period)
  ) {
    console.error(USAGE);
    return 3;
  }
  if (adopted) {
    try {
      const token = givenToken ?? (await devToken(gateway, roll));
      if (!token) {
        console.error(
          'Ange en token med --token eller LAGESBILD_TOKEN (gatewayen har ingen utvecklingsinloggning).',
        );
        return 1;
      }
      return await publicering(args, gateway, { authorization: `Bearer ${token}` }, format, ut);
    } catch (error) {
      console.error(misslyckades(error, gateway));
      return 1;
    }
  }
  if (!omrade || !period) return 3;
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
  try {
    await skriv(
      dokument,
      format,
      ut ? await utfil(ut, `lagesbild-${omrade}-${period}.${format}`) : undefined,
    );
  } catch (error) {
    console.error(misslyckades(error, gateway));
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
