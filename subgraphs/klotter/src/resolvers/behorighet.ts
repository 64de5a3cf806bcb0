import { Roll, rollScope, type Scope } from '@lagesbild/domain';
import { forbidden, type Viewer } from '@lagesbild/subgraph-kit';
import { RAPPORTOR_NAMN, type Rapportor } from '../entities';

/** The reporter roles write only their own reporter's records; ADMIN writes any. */
export function kontrolleraRapportor(viewer: Viewer, rapportor: Rapportor): void {
  if (viewer.roller.includes(Roll.ADMIN)) return;
  if (viewer.roller.includes(rapportor as unknown as Roll)) return;
  throw forbidden(`Din roll får inte registrera uppgifter för ${RAPPORTOR_NAMN[rapportor]}.`);
}

export const RAPPORTORSROLLER = [Roll.TRAFIKKONTORET, Roll.SISAB, Roll.MTR, Roll.ADMIN];

/** The same roles as scopes, for `@KraverBehorighet` on the reporters' writes. */
export const RAPPORTORSSCOPES = RAPPORTORSROLLER.map(rollScope) as [Scope, ...Scope[]];
