import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';

/**
 * A header as people write it ("Rapportörens id", "Miljö") → the column name the importers
 * use ("rapportorens_id", "miljo"): lower case, å ä ö and other accents folded to ASCII,
 * runs of anything else to one underscore.
 */
export function kolumnnamn(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The separator of a file: whichever of `;` (what Swedish Excel writes) and `,` occurs more
 * often in its first line, outside quotes; `;` on a tie.
 */
export function avgransare(forstaRaden: string): ';' | ',' {
  let semikolon = 0;
  let komma = 0;
  let citat = false;
  for (const c of forstaRaden) {
    if (c === '"') citat = !citat;
    else if (!citat && c === ';') semikolon += 1;
    else if (!citat && c === ',') komma += 1;
  }
  return komma > semikolon ? ',' : ';';
}

async function forstaRaden(fil: string): Promise<string> {
  const handle = await open(fil, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

export interface CsvPost {
  /** The line the record ends on, from 1 (the header is line 1). */
  rad: number;
  /** Values by folded column name, trimmed. */
  falt: Record<string, string>;
  /** The values as written, in the header's order (for the rejection report). */
  varden: string[];
  /** Set when the record has another number of fields than the header. */
  felAntal?: number;
}

export interface CsvFil {
  avgransare: ';' | ',';
  /** The header as written (BOM removed). */
  rubriker: string[];
  /** The header folded (see kolumnnamn). */
  kolumner: string[];
  /** Bytes of the file read so far, for the progress line. */
  lastaBytes(): number;
  poster: AsyncIterable<CsvPost>;
}

/**
 * Opens a CSV file for streaming: UTF-8 with or without BOM, `;` or `,` detected from the
 * header line, quoted fields with `""` escapes and line breaks, empty lines skipped.
 * A record with the wrong number of fields is passed on (felAntal) for the caller to reject
 * with its line number; a broken quote stops the stream with csv-parse's error.
 */
export async function oppnaCsv(fil: string): Promise<CsvFil> {
  const forsta = await forstaRaden(fil);
  const sep = avgransare(forsta);
  const stream = createReadStream(fil);
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter: sep,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  stream.on('error', (error) => parser.destroy(error));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number };
  }>;
  const first = await iterator.next();
  if (first.done) {
    return {
      avgransare: sep,
      rubriker: [],
      kolumner: [],
      lastaBytes: () => bytes,
      poster: (async function* () {})(),
    };
  }
  const rubriker = first.value.record.map((h) => h.trim());
  const kolumner = rubriker.map(kolumnnamn);
  // csv-parse counts a CRLF inside a quoted field as two lines: take the extra ones back.
  let extraRader = 0;
  async function* poster(): AsyncGenerator<CsvPost> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const { record, info } = next.value;
      const falt: Record<string, string> = {};
      kolumner.forEach((k, i) => {
        falt[k] = (record[i] ?? '').trim();
      });
      for (const v of record) extraRader += v.split('\r\n').length - 1;
      const post: CsvPost = { rad: info.lines - extraRader, falt, varden: record };
      if (record.length !== kolumner.length) post.felAntal = record.length;
      yield post;
    }
  }
  return { avgransare: sep, rubriker, kolumner, lastaBytes: () => bytes, poster: poster() };
}

/** One CSV field, quoted when it must be. */
export function csvFalt(value: string, sep: string): string {
  return /["\r\n]/.test(value) || value.includes(sep) ? `"${value.replace(/"/g, '""')}"` : value;
}
