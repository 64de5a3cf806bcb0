/**
 * The machine-readable export of an adopted version: canonical JSON (keys sorted, no
 * whitespace) with its sha256 and version inside, and one CSV per table whose every row
 * carries the version and the hash, so a figure quoted in a press text can be traced to
 * the version it came from. Only what the public may read: the suppressed content.
 */
import { createHash } from 'node:crypto';
import type { PubliceratInnehall } from './modell';

/** JSON with every object's keys sorted and no whitespace: one text for one content. */
export function kanoniskJson(varde: unknown): string {
  return JSON.stringify(sortera(varde));
}

function sortera(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortera);
  if (v !== null && typeof v === 'object') {
    const ut: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) ut[k] = sortera(x);
    }
    return ut;
  }
  return v;
}

/** sha256 (hex) of the content's canonical JSON: the version's fingerprint. */
export function innehallsHash(innehall: PubliceratInnehall): string {
  return createHash('sha256').update(kanoniskJson(innehall), 'utf8').digest('hex');
}

/**
 * Whether an exported JSON is intact: its `hash` is the sha256 of the rest of it in
 * canonical form.
 */
export function verifieraExport(json: string): boolean {
  const { hash, ...innehall } = JSON.parse(json) as PubliceratInnehall & { hash?: string };
  return typeof hash === 'string' && hash === innehallsHash(innehall as PubliceratInnehall);
}

export interface CsvFil {
  namn: string;
  innehall: string;
}

export interface Export {
  /** The content and its `hash`, canonical JSON. */
  json: string;
  /** Totals, per environment, per reporter, the police's levels. */
  csv: CsvFil[];
  hash: string;
  /** The JSON's file name: `lagesbild-norrmalm-2016-H2-v1.json`. */
  filnamn: string;
}

const SEPARATOR = ';';

function csvFalt(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rubriker: string[], rader: unknown[][]): string {
  return `${[rubriker, ...rader].map((r) => r.map(csvFalt).join(SEPARATOR)).join('\r\n')}\r\n`;
}

/** The export of an adopted version's content. */
export function exportera(innehall: PubliceratInnehall): Export {
  const hash = innehallsHash(innehall);
  const json = kanoniskJson({ ...innehall, hash });
  const bas = `lagesbild-${innehall.omradeId}-${innehall.period}-v${innehall.version}`;
  const spar = [innehall.version, hash, innehall.omradeId, innehall.period];
  const SPAR = ['version', 'sha256', 'omrade', 'publiceringsperiod'];
  const cellTabell = (dimension: 'total' | 'miljo' | 'rapportor', nyckel: string[]) => {
    const rader = innehall.celler
      .filter((c) => c.dimension === dimension)
      .map((c) => [
        ...spar,
        c.id,
        c.period,
        c.partner,
        c.matt,
        ...(nyckel.length > 0 ? [c.nyckel] : []),
        c.antal,
        c.visning,
        c.undertryckt,
        c.status,
      ]);
    return csv(
      [
        ...SPAR,
        'cell',
        'period',
        'avsnitt',
        'matt',
        ...nyckel,
        'antal',
        'visning',
        'undertryckt',
        'rapporteringsstatus',
      ],
      rader,
    );
  };
  const nivaer = csv(
    [...SPAR, 'miljo', 'bosatta', 'folkbokforda', 'utsatta_for_brott', 'resor'],
    innehall.nivaer.map((n) => [
      ...spar,
      n.miljo,
      n.bosatta,
      n.folkbokforda,
      n.utsattaForBrott,
      n.resor,
    ]),
  );
  return {
    json,
    csv: [
      { namn: `${bas}-totalt.csv`, innehall: cellTabell('total', []) },
      { namn: `${bas}-per-miljo.csv`, innehall: cellTabell('miljo', ['miljo']) },
      { namn: `${bas}-per-rapportor.csv`, innehall: cellTabell('rapportor', ['rapportor']) },
      { namn: `${bas}-polisens-nivaer.csv`, innehall: nivaer },
    ],
    hash,
    filnamn: `${bas}.json`,
  };
}
