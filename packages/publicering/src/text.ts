/**
 * The Swedish words of a publication: what a cell is called ("Polisen · händelser · Vit
 * makt (2016-H2)") and what an unsuppressed cell reads. Pure; the subgraph, the report and
 * the dashboard name a cell the same way.
 */
import {
  harTal,
  MANADSNAMN,
  type Miljo,
  NIVA_NAMN,
  type Niva,
  OKANT_ANTAL_VISNING,
  PARTNER_NAMN,
  RAPPORTERINGSSTATUS_NAMN,
} from '@lagesbild/domain';
import type { Cell } from './modell';

/** What each `matt` counts, in the words of a heading. */
export const MATT_NAMN: Record<string, string> = {
  incidenter: 'incidenter',
  kontakter: 'kontakter',
  faltobservationer: 'fältobservationer',
  handelser: 'händelser',
  skolorMedTecken: 'skolor med tecken',
  besvaradeSkolor: 'skolor som svarat',
  anmalningar: 'anmälningar',
};

/** An environment's short name in a heading ("Vit makt"). */
export const MILJO_KORTNAMN: Record<Miljo, string> = {
  VIT_MAKT: 'Vit makt',
  AUTONOMA: 'Autonoma',
  ISLAMISTISK: 'Våldsbejakande islamism',
  ENSAMAGERANDE: 'Ensamagerande',
  ANTIDEMOKRATISK: 'Antidemokratiska grupperingar',
  OSPECIFICERAD: 'Ospecificerat',
} as Record<Miljo, string>;

/** The graffiti reporters' names. */
export const RAPPORTOR_NAMN: Record<string, string> = {
  TRAFIKKONTORET: 'Trafikkontoret',
  SISAB: 'SISAB',
  MTR: 'MTR',
};

/** What the police's level fields are called in a heading. */
export const NIVA_FALT_NAMN: Record<string, string> = {
  bosatta: 'bosatta',
  folkbokforda: 'folkbokförda',
  utsattaForBrott: 'utsatta för brott',
  resor: 'resor till konfliktområden',
};

/** "Polisen och Skolorna", "Förvaltningen, Polisen och Skolorna". */
export function uppraknat(delar: readonly string[]): string {
  if (delar.length <= 1) return delar[0] ?? '';
  return `${delar.slice(0, -1).join(', ')} och ${delar[delar.length - 1]}`;
}

type CellNamn = Pick<Cell, 'period' | 'partner' | 'matt' | 'dimension' | 'nyckel'>;

function nyckelNamn(cell: CellNamn): string {
  if (cell.dimension === 'total' || cell.nyckel === null) return 'totalt';
  if (cell.dimension === 'miljo') return MILJO_KORTNAMN[cell.nyckel as Miljo] ?? cell.nyckel;
  return RAPPORTOR_NAMN[cell.nyckel] ?? cell.nyckel;
}

/** A cell's heading: "Polisen · händelser · Vit makt (2016-H2)", "… · totalt (2016)". */
export function rubrik(cell: CellNamn): string {
  const matt = MATT_NAMN[cell.matt] ?? cell.matt;
  return `${PARTNER_NAMN[cell.partner]} · ${matt} · ${nyckelNamn(cell)} (${cell.period})`;
}

/** A cell's heading from its id alone ("2016-H2|polis|handelser|miljo=VIT_MAKT"). */
export function rubrikAvId(id: string): string {
  const [period = '', partner = '', matt = '', del = ''] = id.split('|');
  const [dimension = 'total', nyckel = null] = del.split('=');
  if (!(partner in PARTNER_NAMN)) return id;
  return rubrik({
    period,
    partner: partner as Cell['partner'],
    matt,
    dimension: dimension as Cell['dimension'],
    nyckel,
  });
}

/** A police level's heading: "Polisen · bosatta · Vit makt (2016-H2)". */
export function nivaRubrik(period: string, miljo: string, falt: string): string {
  const namn = MILJO_KORTNAMN[miljo as Miljo] ?? miljo;
  return `${PARTNER_NAMN.polis} · ${NIVA_FALT_NAMN[falt] ?? falt} · ${namn} (${period})`;
}

/** A police level in words ("Ett fåtal"), "Ej bedömd" when the police have not assessed it. */
export function nivaVisning(niva: string | null): string {
  return niva === null ? 'Ej bedömd' : (NIVA_NAMN[niva as Niva] ?? niva);
}

/**
 * What a cell reads without suppression (a cleared reader, a draft): the number; without
 * one, "okänt antal" where the partner reported but part of the count is unknown, and
 * otherwise the state in words ("Ej rapporterat", "Rapporterat för längre period") — the
 * same words the published cells carry (skydd.ts).
 */
export function visningUtanSkydd(cell: Pick<Cell, 'varde' | 'status'>): string {
  if (cell.varde !== null) return String(cell.varde);
  if (harTal(cell.status)) return OKANT_ANTAL_VISNING;
  return RAPPORTERINGSSTATUS_NAMN[cell.status];
}

/** What a draft's cell reads for a reader not cleared for its partner's live figures. */
export const UTKAST_DOLT_VISNING = 'Visas när lägesbilden är fastställd';

/** "14 december 2016" from "2016-12-14". */
export function datumText(datum: string): string {
  const [ar, manad, dag] = datum.split('-').map(Number);
  return `${dag} ${MANADSNAMN[(manad ?? 1) - 1]} ${ar}`;
}

/** The meeting's name when the council gives none: "Trygghets- och säkerhetsrådets möte 14 december 2016". */
export function standardMote(motesdatum: string): string {
  return `Trygghets- och säkerhetsrådets möte ${datumText(motesdatum)}`;
}
