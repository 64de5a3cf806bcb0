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

/** Where bytes stop being UTF-8: the line (from 1), the byte's offset in the file and its value. */
export interface EjUtf8 {
  rad: number;
  offset: number;
  byte: number;
}

/**
 * A streaming UTF-8 check (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF), fed chunk by chunk: a sequence may span two chunks. `las` answers the first
 * place the bytes are not UTF-8, and keeps answering it.
 */
export class Utf8Kontroll {
  private rad = 1;
  private offset = 0;
  /** Continuation bytes still expected, and the range the next one must be in. */
  private kvar = 0;
  private lo = 0x80;
  private hi = 0xbf;
  /** Where the current sequence began, and its lead byte. */
  private borjan: EjUtf8 = { rad: 1, offset: 0, byte: 0 };
  private fel: EjUtf8 | null = null;

  las(chunk: Uint8Array): EjUtf8 | null {
    if (this.fel) return this.fel;
    for (let i = 0; i < chunk.length; i += 1, this.offset += 1) {
      const b = chunk[i] as number;
      if (this.kvar > 0) {
        if (b < this.lo || b > this.hi) return this.stopp(b);
        this.kvar -= 1;
        this.lo = 0x80;
        this.hi = 0xbf;
        continue;
      }
      this.borjan = { rad: this.rad, offset: this.offset, byte: b };
      if (b < 0x80) {
        if (b === 0x0a) this.rad += 1;
      } else if (b >= 0xc2 && b <= 0xdf) this.kvar = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.kvar = 2;
        if (b === 0xe0) this.lo = 0xa0;
        if (b === 0xed) this.hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.kvar = 3;
        if (b === 0xf0) this.lo = 0x90;
        if (b === 0xf4) this.hi = 0x8f;
      } else return this.stopp(b);
    }
    return null;
  }

  /** At the end of the bytes: a sequence cut short is not UTF-8 either. */
  slut(): EjUtf8 | null {
    if (this.fel || this.kvar === 0) return this.fel;
    this.fel = this.borjan;
    return this.fel;
  }

  private stopp(byte: number): EjUtf8 {
    // A sequence cut short is reported by its lead byte, where a reader looks (Latin-1's å).
    this.fel = this.kvar > 0 ? this.borjan : { rad: this.rad, offset: this.offset, byte };
    return this.fel;
  }
}

/** Null for bytes that are UTF-8, else where they are not (see Utf8Kontroll). */
export function ejUtf8(bytes: Uint8Array): EjUtf8 | null {
  const k = new Utf8Kontroll();
  return k.las(bytes) ?? k.slut();
}

/** The Swedish reason a file is refused (contains `UTF-8`). */
export function ejUtf8Text(fel: EjUtf8): string {
  const byte = fel.byte.toString(16).toUpperCase().padStart(2, '0');
  return (
    `filen är inte sparad som UTF-8: rad ${fel.rad} har byten 0x${byte}, som inte är UTF-8 ` +
    '(troligen Latin-1 eller Windows-1252, som Excel sparar "CSV (semikolonavgränsad)"). ' +
    'Inget har importerats; spara filen som "CSV UTF-8" och kör igen'
  );
}

/** Raised when a file is not UTF-8; its message is ejUtf8Text's. */
export class EjUtf8Fel extends Error {
  constructor(readonly fel: EjUtf8) {
    super(ejUtf8Text(fel));
  }
}

/**
 * Reads the whole file once and throws EjUtf8Fel at its first byte that is not UTF-8. The
 * whole file, before any row is written: a file that is not UTF-8 is as a rule all in
 * another encoding (Excel's Latin-1), so its rows with å ä ö would be refused or, read as
 * UTF-8, stored with U+FFFD, and the others imported — half a file. It is refused whole.
 */
export async function kontrolleraUtf8(fil: string): Promise<void> {
  const k = new Utf8Kontroll();
  for await (const chunk of createReadStream(fil)) {
    const fel = k.las(chunk as Buffer);
    if (fel) throw new EjUtf8Fel(fel);
  }
  const fel = k.slut();
  if (fel) throw new EjUtf8Fel(fel);
}

/** csv-parse's error (CSV_… code, English message, line) in Swedish, without the line. */
export function csvFelText(error: { code?: string; message: string }): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'ett citattecken (") öppnar ett fält men stängs aldrig: filen tar slut inne i fältet';
    case 'CSV_INVALID_OPENING_QUOTE':
      return 'ett citattecken (") står mitt i ett fält som inte börjar med citattecken; citera hela fältet och skriv "" för ett citattecken i texten';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'efter ett stängande citattecken (") kommer annat än avgränsaren eller radslut; skriv "" för ett citattecken inne i ett citerat fält';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'raden har ett annat antal fält än rubrikraden; kontrollera avgränsare och citattecken';
    case 'CSV_MAX_RECORD_SIZE':
      return 'en rad är för stor';
    default:
      return `filen går inte att läsa som CSV${error.code ? ` (${error.code})` : ''}`;
  }
}

/** A csv-parse error: its code starts with CSV_, `lines` is where it stopped. */
export function arCsvFel(error: unknown): error is Error & { code: string; lines?: number } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('CSV_');
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
 * Opens a CSV file for streaming: UTF-8 with or without BOM (anything else is refused
 * whole, EjUtf8Fel, before a row is read), `;` or `,` detected from the
 * header line, quoted fields with `""` escapes and line breaks, empty lines skipped.
 * A record with the wrong number of fields is passed on (felAntal) for the caller to reject
 * with its line number; a broken quote stops the stream with csv-parse's error.
 */
export async function oppnaCsv(fil: string): Promise<CsvFil> {
  await kontrolleraUtf8(fil);
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

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or carriage
 * return first: `=HYPERLINK(…)`) gets a leading `'`, so Excel and LibreOffice show it as
 * text (OWASP, CSV injection). For a report a person opens, not for data read back.
 */
export function utanFormel(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
