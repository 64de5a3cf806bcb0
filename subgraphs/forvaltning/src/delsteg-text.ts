import { AtgardStatus } from './entities/handlingsplan.entity';

/** What a step in a status "does", in the singular and plural (delsteg is neuter). */
const VERB: Record<AtgardStatus, { en: string; flera: string }> = {
  [AtgardStatus.PAGAR]: { en: 'pågår', flera: 'pågår' },
  [AtgardStatus.FORSLAG]: { en: 'är förslag', flera: 'är förslag' },
  [AtgardStatus.AVSLUTAD]: { en: 'är avslutat', flera: 'är avslutade' },
};

/** "1", "1 och 2", "1, 2 och 3". */
function uppraknat(nr: number[]): string {
  const texter = nr.map(String);
  if (texter.length <= 1) return texter.join('');
  return `${texter.slice(0, -1).join(', ')} och ${texter.at(-1)}`;
}

/**
 * An åtgärd's status in words, from its steps' current statuses: "Delsteg 1 pågår, delsteg
 * 2 och 3 är förslag", "Alla delsteg pågår". Steps are grouped by status in the order the
 * first step of each status comes; the verb agrees with the number of steps. The one text
 * the dashboard and the report both show, so a status change is never left stale in one.
 */
export function delstegStatusText(delsteg: readonly { nr: number; status: AtgardStatus }[]) {
  const ordnade = [...delsteg].sort((a, b) => a.nr - b.nr);
  const grupper = new Map<AtgardStatus, number[]>();
  for (const d of ordnade) {
    const nr = grupper.get(d.status);
    if (nr) nr.push(d.nr);
    else grupper.set(d.status, [d.nr]);
  }
  if (grupper.size === 1 && ordnade.length > 1) {
    const [status] = grupper.keys() as unknown as [AtgardStatus];
    return `Alla delsteg ${VERB[status].flera}`;
  }
  const delar = [...grupper].map(
    ([status, nr]) =>
      `delsteg ${uppraknat(nr)} ${nr.length === 1 ? VERB[status].en : VERB[status].flera}`,
  );
  const text = delar.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
