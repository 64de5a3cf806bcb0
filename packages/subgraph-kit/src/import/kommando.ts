import { existsSync } from 'node:fs';
import { access, constants, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { environment } from '@lagesbild/config';
import { okantOmradeFel, omradeIdAv } from '@lagesbild/domain';
import { DriverException } from '@mikro-orm/core';
import type { SubgraphConfig } from '../config';
import { importkommandoSkrivare } from '../granskning';
import { createOrm, migrate } from '../orm';
import type { SubgraphDefinition } from '../subgraph';
import { arCsvFel, csvFalt, csvFelText, EjUtf8Fel, oppnaCsv, utanFormel } from './csv';
import { type CsvImporter, ImportAnvandningsfel } from './importer';
import { skapaFramsteg } from './progress';
import { type ImportResultat, korImport, rubrikproblem } from './runner';

/** Exit codes, as the README lists them. */
export const AVSLUT = Object.freeze({
  /** Every row imported or already present. */
  KLART: 0,
  /** Some rows rejected; the good ones are in. */
  AVVISADE: 1,
  /** The file cannot be read, its header is wrong, or the run failed. */
  FILFEL: 2,
  /** Wrong arguments. */
  ANVANDNING: 3,
});

export interface ImportKommando<R extends object> {
  /** What the subgraph's service uses: the same entities, migrations and seed. */
  subgraf: Pick<SubgraphDefinition<unknown>, 'name' | 'entities' | 'migrations' | 'seed'>;
  config: Pick<SubgraphConfig, 'databaseUrl' | 'seed'>;
  importer: CsvImporter<R>;
  /** The package script's name, for the usage line. */
  skript: string;
}

export interface ImportIo {
  ut: NodeJS.WritableStream;
  fel: NodeJS.WriteStream;
  /** Where a relative path was typed (pnpm --filter runs in the package folder; INIT_CWD). */
  cwd: string;
}

interface Argument {
  fil: string;
  omradeId: string;
  avvisade: string | null;
  batch: number;
  visa: number;
}

const VARDEN = new Set(['--omrade', '--avvisade', '--batch', '--visa']);

function lasArgument(argv: string[]): Argument | string {
  const args = argv.filter((a) => a !== '--');
  const varden = new Map<string, string>();
  const filer: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] as string;
    const [namn, inline] = a.startsWith('--') ? (a.split(/=(.*)/s) as [string, string?]) : [a];
    if (VARDEN.has(namn)) {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') return `${namn} behöver ett värde`;
      varden.set(namn, v);
    } else if (a.startsWith('--')) {
      return `okänd flagga ${a}`;
    } else filer.push(a);
  }
  if (filer.length !== 1) return filer.length === 0 ? 'ange en CSV-fil' : 'ange bara en fil';
  // Refused before the file is opened: the one register every subgraph shares.
  const omrade = varden.get('--omrade') ?? 'norrmalm';
  const okant = okantOmradeFel(omrade);
  if (okant) return okant;
  const omradeId = omradeIdAv(omrade);
  const tal = (namn: string, standard: number) => {
    const v = varden.get(namn);
    return v === undefined ? standard : /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null;
  };
  const batch = tal('--batch', 500);
  const visa = tal('--visa', 10);
  if (batch === null) return '--batch anges som ett positivt heltal';
  if (visa === null) return '--visa anges som ett positivt heltal';
  return {
    fil: filer[0] as string,
    omradeId,
    avvisade: varden.get('--avvisade') ?? null,
    batch,
    visa,
  };
}

/** Why a file could not be read, in Swedish, from ": …" on (csv-parse's errors with their line). */
function lasfelText(error: unknown): string {
  if (arCsvFel(error)) {
    return `${error.lines ? ` vid rad ${error.lines}` : ''}: ${csvFelText(error)}`;
  }
  if (error instanceof EjUtf8Fel) return `: ${error.message}`;
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return ': filen finns inte';
  if (e.code === 'EACCES') return ': behörighet saknas att läsa filen';
  if (e.code === 'EISDIR') return ': det är en mapp, inte en fil';
  return `: ${e.message}`;
}

/**
 * Why a run stopped, without the SQL: a database error's message starts with the whole
 * statement (knex puts it there), values and all; the operator reads the database's own
 * reason, the rest is in no terminal.
 */
export function avbrottText(error: unknown): string {
  if (error instanceof DriverException) {
    const orsak = error.message.split(' - ').at(-1)?.trim().slice(0, 300) ?? '';
    return `databasen svarade med ett fel (${error.code ?? error.name}${orsak ? `: ${orsak}` : ''})`;
  }
  return (error as Error).message.replace(/\.$/, '');
}

/** incidenter.csv → incidenter.avvisade.csv beside it. */
export function avvisadeSokvag(fil: string): string {
  const namn = basename(fil).replace(/\.csv$/i, '');
  return join(dirname(fil), `${namn}.avvisade.csv`);
}

async function skrivRapport(
  sokvag: string,
  sep: string,
  rubriker: string[],
  r: ImportResultat,
): Promise<void> {
  // Every cell from the file or about it is made safe to open in a spreadsheet.
  const rad = (falt: string[]) => falt.map((f) => csvFalt(utanFormel(f), sep)).join(sep);
  const rader = [
    rad(['rad', 'skal', ...rubriker]),
    ...r.avvisade.map((a) => rad([String(a.rad), a.skal.join('; '), ...a.varden])),
  ];
  // With a BOM, so Excel opens the report with å ä ö intact.
  await writeFile(sokvag, `\uFEFF${rader.join('\r\n')}\r\n`, 'utf8');
}

/**
 * The import command: `import:csv <fil.csv> [--omrade norrmalm] [--avvisade rapport.csv]
 * [--batch 500] [--visa 10]`. Reads the header before touching the database; then opens
 * the subgraph's database as the service does (migrations first, the source document's
 * data when the service would seed it), imports, prints the summary, writes the report of
 * rejected rows and answers the exit code.
 */
export async function korImportkommando<R extends object>(
  kommando: ImportKommando<R>,
  argv: string[],
  io: ImportIo = {
    ut: process.stdout,
    fel: process.stderr,
    cwd: environment().INIT_CWD ?? process.cwd(),
  },
): Promise<number> {
  const { importer } = kommando;
  const skriv = (text: string) => io.ut.write(`${text}\n`);
  const fel = (text: string) => io.fel.write(`${text}\n`);
  const arg = lasArgument(argv);
  if (typeof arg === 'string') {
    fel(arg.endsWith('.') ? arg : `${arg}.`);
    fel(
      `Användning: ${kommando.skript} <fil.csv> [--omrade norrmalm] [--avvisade rapport.csv] [--batch 500] [--visa 10]`,
    );
    fel(
      `Kolumner: ${importer.obligatoriska.join(';')}${importer.valfria?.length ? ` (valfria: ${importer.valfria.join(';')})` : ''}`,
    );
    return AVSLUT.ANVANDNING;
  }
  // Relative to where the user stood; the package folder (where pnpm --filter runs the
  // script) as a second guess, so `data/exempel.csv` works from either place.
  const kandidater = [io.cwd, process.cwd()].map((d) => resolve(d, arg.fil));
  const fil = isAbsolute(arg.fil)
    ? arg.fil
    : (kandidater.find((f) => existsSync(f)) ?? (kandidater[0] as string));
  const rapport = arg.avvisade
    ? isAbsolute(arg.avvisade)
      ? arg.avvisade
      : resolve(io.cwd, arg.avvisade)
    : avvisadeSokvag(fil);

  let storlek: number;
  let csv: Awaited<ReturnType<typeof oppnaCsv>>;
  try {
    await access(fil, constants.R_OK);
    storlek = (await stat(fil)).size;
    csv = await oppnaCsv(fil);
  } catch (error) {
    fel(`Kunde inte läsa ${fil}${lasfelText(error)}.`);
    return AVSLUT.FILFEL;
  }
  if (csv.kolumner.length === 0) {
    fel(`${fil} är tom: den ska börja med en rubrikrad.`);
    return AVSLUT.FILFEL;
  }
  const problem = rubrikproblem(importer as CsvImporter<object>, csv.kolumner);
  if (problem.length > 0) {
    fel(`Fel rubrikrad i ${fil}: ${problem.join('; ')}.`);
    fel(
      `Rubrikraden ska ha kolumnerna ${importer.obligatoriska.join(';')}${importer.valfria?.length ? ` och får ha ${importer.valfria.join(';')}` : ''}.`,
    );
    return AVSLUT.FILFEL;
  }

  const kontext = { omradeId: arg.omradeId };
  const { orm } = await createOrm({
    databaseUrl: kommando.config.databaseUrl,
    entities: kommando.subgraf.entities,
    migrations: kommando.subgraf.migrations,
    quiet: true,
  });
  let resultat: ImportResultat;
  try {
    await migrate(orm);
    if (kommando.config.seed && kommando.subgraf.seed) await kommando.subgraf.seed(orm.em.fork());
    await importer.forbered?.(orm.em.fork(), kontext);
    resultat = await korImport(orm.em.fork(), importer, csv, {
      kontext,
      batch: arg.batch,
      framsteg: skapaFramsteg({ totalBytes: storlek, strom: io.fel }),
      granskning: {
        skrivare: importkommandoSkrivare(`import:kommando csv ${kommando.subgraf.name}`),
        fil: basename(fil),
      },
    });
  } catch (error) {
    if (error instanceof ImportAnvandningsfel) {
      fel(error.message);
      return AVSLUT.ANVANDNING;
    }
    if (arCsvFel(error)) {
      fel(
        `Kunde inte läsa ${fil}${lasfelText(error)}. Det som skrivits före felet finns kvar; rätta filen och kör igen.`,
      );
    } else {
      fel(
        `Importen avbröts: ${avbrottText(error)}. Det som skrivits före felet finns kvar; kör igen.`,
      );
    }
    return AVSLUT.FILFEL;
  } finally {
    await orm.close();
  }

  skriv(`Import av ${importer.namn} från ${fil} (område ${arg.omradeId}):`);
  skriv(`  Lästa rader:   ${resultat.lasta}`);
  skriv(
    `  Importerade:   ${resultat.importerade}${resultat.uppdaterade > 0 ? ` (varav ${resultat.uppdaterade} ändrade befintliga)` : ''}`,
  );
  skriv(`  Redan inlästa: ${resultat.redanInlasta}`);
  skriv(`  Avvisade:      ${resultat.avvisade.length}`);
  if (resultat.avvisade.length > 0) {
    const forsta = resultat.avvisade.slice(0, arg.visa);
    skriv(
      forsta.length < resultat.avvisade.length
        ? `De första ${forsta.length} avvisade raderna:`
        : 'Avvisade rader:',
    );
    for (const a of forsta) skriv(`  rad ${a.rad}: ${a.skal.join('; ')}`);
    await skrivRapport(rapport, csv.avgransare, csv.rubriker, resultat);
    skriv(`Alla avvisade rader med skäl: ${rapport}`);
    return AVSLUT.AVVISADE;
  }
  // A report left from an earlier run would describe rows that are now in.
  if (!arg.avvisade) await rm(rapport, { force: true });
  return AVSLUT.KLART;
}
