import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import type { Skrivare } from '../granskning';
import { RestFel } from '../rest';
import { oppnaCsv } from './csv';
import { type CsvImporter, ImportAnvandningsfel, type ImportKontext } from './importer';
import { korImport, rubrikproblem } from './runner';

/** The answer of an HTTP import: what the command's summary says, as JSON. */
export interface ImportSvar {
  /** Rows (records) read. */
  lasta: number;
  /** New rows, and existing ones changed (counted again in `uppdaterade`). */
  importerade: number;
  uppdaterade: number;
  /** Already there as they are: a second upload of the same file has only these. */
  oforandrade: number;
  /** Every refused row with its line in the file (the header is line 1) and reasons. */
  avvisade: { rad: number; skal: string[]; id?: string }[];
}

export interface HttpImportVal {
  kontext: ImportKontext;
  batch?: number;
  skrivare: Skrivare;
  /** Named in each audit entry where the command names its file. */
  kalla: string;
}

/**
 * Runs one uploaded CSV file through the same engine as the command: the body goes to a
 * private temporary file (the engine streams from a file, as the command's does), the
 * header is checked, the importer's `forbered` runs, then korImport with the sender in the
 * context. A file that cannot be imported at all is a RestFel 400 with the command's words.
 */
export async function korCsvImportHttp<R extends object>(
  em: EntityManager,
  importer: CsvImporter<R>,
  kropp: Buffer,
  val: HttpImportVal,
): Promise<ImportSvar> {
  const dir = await mkdtemp(join(tmpdir(), 'lagesbild-import-'));
  try {
    const fil = join(dir, 'uppladdning.csv');
    await writeFile(fil, kropp, { mode: 0o600 });
    const csv = await oppnaCsv(fil);
    if (csv.kolumner.length === 0) {
      throw new RestFel(400, 'Filen är tom: den ska börja med en rubrikrad.');
    }
    const problem = rubrikproblem(importer as CsvImporter<object>, csv.kolumner);
    if (problem.length > 0) {
      throw new RestFel(
        400,
        `Fel rubrikrad: ${problem.join('; ')}. Rubrikraden ska ha kolumnerna ${importer.obligatoriska.join(';')}${importer.valfria?.length ? ` och får ha ${importer.valfria.join(';')}` : ''}.`,
      );
    }
    try {
      await importer.forbered?.(em.fork(), val.kontext);
      const r = await korImport(em.fork(), importer, csv, {
        kontext: val.kontext,
        batch: val.batch,
        granskning: { skrivare: val.skrivare, fil: val.kalla },
      });
      return {
        lasta: r.lasta,
        importerade: r.importerade,
        uppdaterade: r.uppdaterade,
        oforandrade: r.redanInlasta,
        avvisade: r.avvisade.map((a) => ({ rad: a.rad, skal: a.skal })),
      };
    } catch (error) {
      if (error instanceof ImportAnvandningsfel) throw new RestFel(400, error.message);
      const e = error as Error & { code?: string; lines?: number };
      if (e.code?.startsWith('CSV_')) {
        throw new RestFel(
          400,
          `Filen kunde inte läsas${e.lines ? ` vid rad ${e.lines}` : ''}: ${e.message}. Det som skrivits före felet finns kvar; rätta filen och skicka den igen.`,
        );
      }
      throw error;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
