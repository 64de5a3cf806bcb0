/**
 * A partner's reporting state for a period. "Reported zero" is a statement; "not reported"
 * is the absence of one — the picture must never show the second as a silent 0.
 */
export enum Rapporteringsstatus {
  RAPPORTERAT = 'RAPPORTERAT',
  RAPPORTERAT_NOLL = 'RAPPORTERAT_NOLL',
  EJ_RAPPORTERAT = 'EJ_RAPPORTERAT',
}

export const RAPPORTERINGSSTATUS_NAMN: Record<Rapporteringsstatus, string> = {
  [Rapporteringsstatus.RAPPORTERAT]: 'Rapporterat',
  [Rapporteringsstatus.RAPPORTERAT_NOLL]: 'Rapporterat noll',
  [Rapporteringsstatus.EJ_RAPPORTERAT]: 'Ej rapporterat',
};

/** From how many records a partner has for the period and how many of them are non-zero. */
export function rapporteringsstatus(rader: number, ejNoll: number): Rapporteringsstatus {
  if (rader === 0) return Rapporteringsstatus.EJ_RAPPORTERAT;
  return ejNoll > 0 ? Rapporteringsstatus.RAPPORTERAT : Rapporteringsstatus.RAPPORTERAT_NOLL;
}
