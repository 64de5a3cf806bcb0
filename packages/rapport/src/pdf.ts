/**
 * The report as a PDF, printed by headless Chromium from the same HTML as the printable
 * page. Page numbers ("Sida 1 av 3") come from the page's own CSS (@page margin boxes in
 * render.ts), so a council member printing the page from a browser gets them too.
 * Node only: not exported from the package's index, which the dashboard bundles.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { environment, rapportSchema, readEnv } from '@lagesbild/config';

export const CHROMIUM = readEnv(rapportSchema, environment()).CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function skrivPdf(html: string, out: string, chromium = CHROMIUM): Promise<void> {
  if (!existsSync(chromium)) {
    throw new Error(
      `PDF kräver Chromium (${chromium}); installera det med apt-get install chromium, eller välj --format html.`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'lagesbild-rapport-'));
  try {
    const page = join(dir, 'rapport.html');
    await writeFile(page, html);
    await promisify(execFile)(chromium, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profil')}`,
      // Chromium's own header and footer (date, file path) are off; the page's CSS prints
      // the page numbers.
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      `file://${page}`,
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF's text, page by page, as Debian's pdftotext (poppler-utils) reads it: how the tests
 * check what a reader of the PDF sees (its page numbers).
 */
export async function pdfText(fil: string): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', fil, '-']);
    return stdout.split('\f').filter((sida) => sida.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext saknas: installera det med apt-get install poppler-utils.');
    }
    throw error;
  }
}
