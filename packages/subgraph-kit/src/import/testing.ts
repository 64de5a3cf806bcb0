import { PassThrough } from 'node:stream';
import { type ImportKommando, korImportkommando } from './kommando';

export interface ImportKorning {
  kod: number;
  ut: string;
  fel: string;
}

/** Runs an import command in-process, as a test would from a shell, and keeps its output. */
export async function korImportITest<R extends object>(
  kommando: ImportKommando<R>,
  argv: string[],
  cwd: string,
): Promise<ImportKorning> {
  const ut = new PassThrough();
  const fel = new PassThrough() as unknown as NodeJS.WriteStream;
  const texter = { ut: '', fel: '' };
  ut.on('data', (c) => {
    texter.ut += c;
  });
  (fel as unknown as PassThrough).on('data', (c) => {
    texter.fel += c;
  });
  const kod = await korImportkommando(kommando, argv, { ut, fel, cwd });
  return { kod, ...texter };
}
