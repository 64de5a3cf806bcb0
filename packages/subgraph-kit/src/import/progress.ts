/**
 * Progress on stderr, written here rather than taken from a package: a bar needs a dozen
 * lines, and stdout stays clean for the summary. On a terminal, a bar redrawn in place at
 * most ten times a second; elsewhere (a pipe, a CI log) a plain line every few seconds, so
 * a log shows the import moving without thousands of lines.
 */
export interface Framsteg {
  uppdatera(lastaBytes: number, rader: number): void;
  klar(): void;
}

export interface FramstegVal {
  totalBytes: number;
  strom?: NodeJS.WriteStream;
  /** Below this size nothing is shown: a small file is done before a bar helps. */
  troskelBytes?: number;
  /** Seconds between plain lines when stderr is not a terminal. */
  intervallSekunder?: number;
}

const BREDD = 30;

export function skapaFramsteg(val: FramstegVal): Framsteg {
  const strom = val.strom ?? process.stderr;
  const total = Math.max(1, val.totalBytes);
  if (val.totalBytes < (val.troskelBytes ?? 256 * 1024)) {
    return { uppdatera: () => {}, klar: () => {} };
  }
  const terminal = Boolean(strom.isTTY);
  const intervall = terminal ? 100 : (val.intervallSekunder ?? 5) * 1000;
  let senast = 0;
  let ritad = false;
  const text = (bytes: number, rader: number) => {
    const andel = Math.min(1, bytes / total);
    const procent = Math.floor(andel * 100);
    return { andel, procent, rader: rader.toLocaleString('sv-SE') };
  };
  return {
    uppdatera(bytes, rader) {
      const nu = Date.now();
      if (nu - senast < intervall) return;
      senast = nu;
      const t = text(bytes, rader);
      if (terminal) {
        const fyllt = Math.round(t.andel * BREDD);
        strom.write(
          `\r[${'#'.repeat(fyllt)}${'.'.repeat(BREDD - fyllt)}] ${String(t.procent).padStart(3)} %  ${t.rader} rader`,
        );
        ritad = true;
      } else {
        strom.write(`Import: ${t.procent} % av filen, ${t.rader} rader lästa\n`);
      }
    },
    klar() {
      if (ritad) strom.write('\n');
    },
  };
}
