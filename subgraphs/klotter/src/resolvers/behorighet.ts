import { Roll, rollScope, type Scope } from '@lagesbild/domain';
import { forbidden, type Viewer } from '@lagesbild/subgraph-kit';
import { RAPPORTOR_NAMN, RAPPORTORER, Rapportor } from '../entities';

/** The role a reporter's staff sign in with: each reporter has one, of the same name. */
export const RAPPORTORENS_ROLL: Readonly<Record<Rapportor, Roll>> = Object.freeze({
  [Rapportor.TRAFIKKONTORET]: Roll.TRAFIKKONTORET,
  [Rapportor.SISAB]: Roll.SISAB,
  [Rapportor.MTR]: Roll.MTR,
});

/** The reporters whose records the viewer may write (ADMIN aside: any). */
export function viewerensRapportorer(viewer: Viewer): Rapportor[] {
  return RAPPORTORER.filter((r) => viewer.roller.includes(RAPPORTORENS_ROLL[r]));
}

/** The reporter roles write only their own reporter's records; ADMIN writes any. */
export function kontrolleraRapportor(viewer: Viewer, rapportor: Rapportor): void {
  if (viewer.roller.includes(Roll.ADMIN)) return;
  if (viewer.roller.includes(RAPPORTORENS_ROLL[rapportor])) return;
  throw forbidden(`Din roll får inte registrera uppgifter för ${RAPPORTOR_NAMN[rapportor]}.`);
}

export const RAPPORTORSROLLER = [...RAPPORTORER.map((r) => RAPPORTORENS_ROLL[r]), Roll.ADMIN];

/** The same roles as scopes, for `@KraverBehorighet` on the reporters' writes. */
export const RAPPORTORSSCOPES = RAPPORTORSROLLER.map(rollScope) as [Scope, ...Scope[]];
