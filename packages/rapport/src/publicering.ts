/**
 * The adopted lägesbild (a `Publicering` of the publicering subgraph) as the meeting report
 * and the dashboard read it: the shape of PUBLICERING_RAPPORT's answer, its tables built
 * once for both, and the report document, rendered by the same Markdown/HTML/PDF renderers
 * as the live picture's report. Pure: no fetching, no DOM, no Node.
 */
import { MILJO_NAMN, type Miljo } from '@lagesbild/domain';
import type { Avsnitt, RapportDokument, Tabell } from './dokument';
import {
  ARBETSEXEMPLAR_ETIKETT,
  ARBETSEXEMPLAR_TEXT,
  type BekraftelseVarde,
  bekraftelseMening,
  bekraftelseStatus,
  DIMENSION_NAMN,
  ersattAvText,
  FASTSTALLD_LAGESBILD,
  faststalldMarke,
  harTalFor,
  hashMening,
  helaPerioden,
  MATT_NAMN,
  mattOrdning,
  nivaText,
  PUBLICERING_STATUS_NAMN,
  periodNamn,
  publiceradCellText,
  RAPPORTOR_NAMN,
  rapporteringsstatusText,
  UNDERTRYCKNING_NAMN,
  UTAT_FORKLARING,
  UTKAST_DOLT,
  undertryckningForklaring,
  versal,
  versionText,
} from './text';

export type PubliceringStatus = 'UTKAST' | 'FASTSTALLD' | 'ERSATT';

/** Another version of the same publication, as far as a link to it needs. */
export interface PubliceringRef {
  id: string;
  version: number;
  status?: PubliceringStatus;
  faststalld: string | null;
}

export interface PubliceradCellSvar {
  id: string;
  period: string;
  matt: string;
  dimension: string;
  nyckel: string | null;
  /** Null when suppressed for the reader, or when there is no number. */
  antal: number | null;
  visning: string;
  undertryckt: 'PRIMAR' | 'SEKUNDAR' | null;
  /** Null in a draft for a reader not cleared for the partner's live figures. */
  rapporteringsstatus: string | null;
}

export interface PubliceratAvsnittSvar {
  partner: string;
  partnerNamn: string;
  /** Null in a draft for a reader not cleared for the partner's live figures. */
  rapporteringsstatus: string | null;
  grovrePeriod: string | null;
  celler: PubliceradCellSvar[];
}

export interface PubliceradNivaSvar {
  miljo: string;
  bosatta: string | null;
  folkbokforda: string | null;
  utsattaForBrott: string | null;
  resor: string | null;
}

export interface AndringSvar {
  cell: string;
  rubrik: string;
  fran: string | null;
  till: string | null;
}

export interface CsvFilSvar {
  namn: string;
  innehall: string;
}

export interface PubliceringExportSvar {
  json: string;
  csv: CsvFilSvar[];
  hash: string;
  filnamn: string;
}

/** PUBLICERING_RAPPORT's `publicering`, and the dashboard's. */
export interface Publicering {
  id: string;
  omradeId: string;
  period: string;
  version: number;
  status: PubliceringStatus;
  skapad: string;
  faststalld: string | null;
  mote: string | null;
  rattelseOrsak: string | null;
  foregaendeVersion: PubliceringRef | null;
  ersattAv: PubliceringRef | null;
  troskel: number;
  hash: string | null;
  bekraftelser: BekraftelseVarde[];
  avsnitt: PubliceratAvsnittSvar[];
  /** Null in a draft for a reader not cleared for the police's live figures. */
  nivaer: PubliceradNivaSvar[] | null;
  andringar: AndringSvar[];
  /** Only on the dashboard's query: null for readers not cleared for every partner. */
  andratSedanFaststallandet?: AndringSvar[] | null;
}

const miljoNamn = (m: string) => MILJO_NAMN[m as Miljo] ?? m;

/** A state with a number; a withheld state (null, in a draft) has none the reader may see. */
const harTal = (status: string | null) => status !== null && harTalFor(status);

/** A row heading for a cell's key: the environment's or reporter's name, "Totalt" for a total. */
export function nyckelNamn(dimension: string, nyckel: string | null): string {
  if (nyckel === null) return DIMENSION_NAMN.total ?? 'Totalt';
  if (dimension === 'miljo') return miljoNamn(nyckel);
  if (dimension === 'rapportor') return RAPPORTOR_NAMN[nyckel] ?? nyckel;
  return nyckel;
}

/** A table of a partner's section with the partner it belongs to, for a page to label it. */
export interface PubliceradTabell extends Tabell {
  partner: string;
}

const DIMENSIONER = ['total', 'miljo', 'rapportor'];

/**
 * A partner's cells as tables: one per breakdown and cell period (the total, per
 * environment, per reporter), rows the keys in the order the cells came, columns the
 * measures. A cell of a longer period than the publication's (the year's figures in a
 * half-year's publication) is in a table labelled "hela 2016", never mixed with the
 * period's own. A table without a single reported figure is left out.
 */
export function avsnittTabeller(a: PubliceratAvsnittSvar, period: string): PubliceradTabell[] {
  const grupper = new Map<string, PubliceradCellSvar[]>();
  for (const c of a.celler) {
    const nyckel = `${c.dimension}|${c.period}`;
    grupper.set(nyckel, [...(grupper.get(nyckel) ?? []), c]);
  }
  // A table with no figure at all (the period's own, where the partner reported only for
  // the year, or not at all) would be rows of "Ej rapporterat": its section says so once.
  for (const [nyckel, celler] of grupper) {
    if (celler.every((c) => !harTal(c.rapporteringsstatus))) grupper.delete(nyckel);
  }
  const ordning = (k: string) => {
    const [dimension = '', cellPeriod = ''] = k.split('|');
    const d = DIMENSIONER.indexOf(dimension);
    return (cellPeriod === period ? 0 : 10) + (d < 0 ? DIMENSIONER.length : d);
  };
  return [...grupper.entries()]
    .sort(([x], [y]) => ordning(x) - ordning(y))
    .map(([, celler]) => {
      const forsta = celler[0] as PubliceradCellSvar;
      const matt = [...new Set(celler.map((c) => c.matt))].sort(mattOrdning);
      const nycklar = [...new Set(celler.map((c) => c.nyckel))];
      const dimension = forsta.dimension;
      const rubrik = [
        `${a.partnerNamn}: ${dimension === 'total' ? 'totalt' : `per ${(DIMENSION_NAMN[dimension] ?? dimension).toLowerCase()}`}`,
        ...(forsta.period === period ? [] : [helaPerioden(forsta.period)]),
      ].join(', ');
      return {
        partner: a.partner,
        rubrik,
        kolumner: [
          dimension === 'total' ? 'Avser' : (DIMENSION_NAMN[dimension] ?? dimension),
          ...matt.map((m) => MATT_NAMN[m] ?? m),
        ],
        rader: nycklar.map((n) => [
          nyckelNamn(dimension, n),
          ...matt.map((m) => {
            const c = celler.find((x) => x.nyckel === n && x.matt === m);
            return c ? publiceradCellText(c) : '–';
          }),
        ]),
      };
    });
}

/**
 * What a partner's section says before its tables: its state for the period ("Polisen:
 * rapporterat för andra halvåret 2016."; the year's figures instead of the half-year's, or
 * beside them, said as such).
 */
export function avsnittStycken(a: PubliceratAvsnittSvar, period: string): string[] {
  // A draft's section the reader is not cleared for: nothing of it until adoption.
  if (a.rapporteringsstatus === null) return [`${a.partnerNamn}: ${UTKAST_DOLT.toLowerCase()}.`];
  const status = rapporteringsstatusText(a.rapporteringsstatus, a.grovrePeriod).toLowerCase();
  // The longer period whose figures stand in a table of their own beside the period's.
  const langre =
    a.celler.find((c) => c.period !== period && harTal(c.rapporteringsstatus))?.period ?? null;
  const harTabeller = a.celler.some((c) => harTal(c.rapporteringsstatus));
  return [
    a.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' && a.grovrePeriod
      ? `${a.partnerNamn}: ${status} — siffrorna gäller ${helaPerioden(a.grovrePeriod)} och räknas inte in i ${periodNamn(period)}.`
      : `${a.partnerNamn}: ${status} för ${periodNamn(period)}.`,
    ...(harTalFor(a.rapporteringsstatus) && langre
      ? [
          `Tabellerna märkta ”${helaPerioden(langre)}” gäller ${helaPerioden(langre)}, där ${periodNamn(period)} redan ingår; de ska inte läggas ihop med periodens egna.`,
        ]
      : []),
    ...(harTabeller || !harTalFor(a.rapporteringsstatus) ? [] : ['Inga siffror i avsnittet.']),
  ];
}

/** The police's assessed levels per environment, as a table. */
export function nivaTabell(nivaer: readonly PubliceradNivaSvar[]): Tabell {
  return {
    kolumner: ['Miljö', 'Bosatta', 'Folkbokförda', 'Utsatta för brott', 'Resor'],
    rader: nivaer.map((n) => [
      miljoNamn(n.miljo),
      nivaText(n.bosatta),
      nivaText(n.folkbokforda),
      nivaText(n.utsattaForBrott),
      nivaText(n.resor),
    ]),
  };
}

/** The partners' confirmations, as a table. */
export function bekraftelseTabell(bekraftelser: readonly BekraftelseVarde[]): Tabell {
  return {
    kolumner: ['Partner', 'Avsnittet', 'Kommentar'],
    rader: bekraftelser.map((b) => [b.partnerNamn, bekraftelseStatus(b), b.kommentar || '–']),
  };
}

/** A list of changes (between versions, or since adoption), as a table. */
export function andringTabell(
  andringar: readonly AndringSvar[],
  kolumner: [string, string],
): Tabell {
  return {
    kolumner: ['Uppgift', ...kolumner],
    rader: andringar.map((x) => [x.rubrik, x.fran ?? '–', x.till ?? '–']),
  };
}

/** Did the reader get any cell the adopted version hides from others (a cleared reader)? */
export function harUtatMarkning(p: Pick<Publicering, 'avsnitt'>): boolean {
  return p.avsnitt.some((a) => a.celler.some((c) => c.undertryckt && c.antal !== null));
}

/**
 * The line that says what a version is: "Fastställd 2016-12-14 · version 1 · ersatt av
 * version 2", "Utkast · version 1".
 */
export function publiceringEtikett(
  p: Pick<Publicering, 'status' | 'faststalld' | 'version' | 'ersattAv'>,
): string {
  return [
    p.faststalld ? faststalldMarke(p.faststalld) : (PUBLICERING_STATUS_NAMN[p.status] ?? p.status),
    versionText(p.version),
    ...(p.ersattAv ? [ersattAvText(p.ersattAv.version)] : []),
  ].join(' · ');
}

/** A publication's meeting report's file name: `lagesbild-norrmalm-2016-H2-v1.md` (.html, .pdf). */
export function rapportFilnamn(
  p: Pick<Publicering, 'omradeId' | 'period' | 'version'>,
  format: string,
): string {
  return `lagesbild-${p.omradeId}-${p.period}-v${p.version}.${format}`;
}

/** Where a publication's export is saved: the area, the period and the version in the name. */
export function exportFilnamn(
  p: Pick<Publicering, 'omradeId' | 'period' | 'version'>,
  del?: string,
): string {
  const bas = `lagesbild-${p.omradeId}-${p.period}-v${p.version}`;
  if (del === undefined) return `${bas}.json`;
  // The export names its tables with the same stem already ("…-v1-totalt.csv"): said once.
  const utanAndelse = del.replace(/\.csv$/i, '');
  const namn = (utanAndelse.startsWith(bas) ? utanAndelse.slice(bas.length) : utanAndelse)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${bas}-${namn || 'tabell'}.csv`;
}

/** The publication as everyone else reads it: every hidden cell as the adopted version shows it. */
export function offentligVersion(p: Publicering): Publicering {
  return {
    ...p,
    avsnitt: p.avsnitt.map((a) => ({
      ...a,
      celler: a.celler.map((c) =>
        c.undertryckt
          ? { ...c, antal: null, visning: UNDERTRYCKNING_NAMN[c.undertryckt] ?? c.visning }
          : c,
      ),
    })),
  };
}

/**
 * The meeting report of a publication: what it is (adopted, the version, the meeting and
 * its date, the hash; the version that replaced it), each partner's confirmation, the
 * police's levels and every partner's tables as the reader may see them — suppressed cells
 * as their `visning` ("fåtal", "ej redovisad") — and what the version changed.
 */
export function publiceringsDokument(
  publicering: Publicering,
  meta: { omradeNamn?: string | null; framtagen?: string; arbetsexemplar?: boolean } = {},
): RapportDokument {
  // The report of an adopted version is shared beyond the council ("dela och förankra"):
  // unless a cleared reader asks for a working copy, it reads exactly as the published
  // version does, whoever prints it.
  const arbetsexemplar = meta.arbetsexemplar === true && harUtatMarkning(publicering);
  const p = arbetsexemplar ? publicering : offentligVersion(publicering);
  const omrade = meta.omradeNamn || p.omradeId;
  const utkast = p.status === 'UTKAST';
  const delar: Avsnitt[] = [];
  const avsnitt = (
    rubrik: string,
    stycken: string[],
    tabeller: Tabell[] = [],
    niva: 2 | 3 = 2,
  ): Avsnitt => ({ rubrik, niva, stycken, tabeller });

  const om: string[] = [];
  if (utkast) {
    om.push(
      `Utkast, ${versionText(p.version)}: inte fastställt. Siffrorna kan ändras tills rådet har fastställt lägesbilden.`,
    );
  } else {
    om.push(
      `${FASTSTALLD_LAGESBILD} för ${omrade}, ${periodNamn(p.period)}: ${versionText(p.version)}, fastställd av trygghets- och säkerhetsrådet ${p.faststalld ?? '–'}${p.mote ? ` (${p.mote})` : ''}.`,
    );
  }
  if (p.ersattAv) {
    om.push(
      `Den här versionen är ${ersattAvText(p.ersattAv.version)}${p.ersattAv.faststalld ? `, fastställd ${p.ersattAv.faststalld}` : ''}. Den gäller inte längre; läs version ${p.ersattAv.version}.`,
    );
  }
  if (p.foregaendeVersion) {
    om.push(
      `Rättelse av version ${p.foregaendeVersion.version}${p.rattelseOrsak ? `: ${p.rattelseOrsak}` : ''}.`,
    );
  }
  if (p.hash) om.push(hashMening(p.hash));
  if (arbetsexemplar) om.unshift(ARBETSEXEMPLAR_TEXT);
  delar.push(avsnitt('Om den här versionen', om));

  delar.push(
    avsnitt(
      'Partnernas bekräftelser',
      p.bekraftelser.map(bekraftelseMening),
      [bekraftelseTabell(p.bekraftelser)],
      2,
    ),
  );

  delar.push(
    avsnitt(
      'Lokal lägesbild',
      [undertryckningForklaring(p.troskel), ...(harUtatMarkning(p) ? [UTAT_FORKLARING] : [])],
      [],
      2,
    ),
  );
  if (p.nivaer?.length) {
    delar.push(
      avsnitt(
        'Polisens bedömning',
        ['Polisens bedömda nivåer per miljö: ord, inte antal, och därför aldrig undertryckta.'],
        [nivaTabell(p.nivaer)],
        3,
      ),
    );
  }
  for (const a of p.avsnitt) {
    delar.push(
      avsnitt(a.partnerNamn, avsnittStycken(a, p.period), avsnittTabeller(a, p.period), 3),
    );
  }

  if (p.foregaendeVersion) {
    const fore = p.foregaendeVersion.version;
    delar.push(
      avsnitt(
        `Ändrat mot version ${fore}`,
        p.andringar.length ? [] : [`Inga siffror skiljer sig från version ${fore}.`],
        p.andringar.length
          ? [andringTabell(p.andringar, [`Version ${fore}`, `Version ${p.version}`])]
          : [],
      ),
    );
  }

  const titel = utkast
    ? `Utkast till lägesbild ${omrade} ${p.period}, ${versionText(p.version)}`
    : `${FASTSTALLD_LAGESBILD} ${omrade} ${p.period}, ${versionText(p.version)}`;
  const undertitel = [
    ...(arbetsexemplar ? [ARBETSEXEMPLAR_ETIKETT] : []),
    versal(publiceringEtikett(p)),
    ...(p.mote ? [p.mote] : []),
    ...(meta.framtagen ? [`Utskriven ${meta.framtagen.slice(0, 10)} från Lägesbild`] : []),
  ].join('. ');
  return { titel, undertitel: `${undertitel}.`, avsnitt: delar };
}
