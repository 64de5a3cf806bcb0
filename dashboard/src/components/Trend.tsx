import { EJ_BEHORIG, jamfor, partnerStatusText, type Tal } from '@lagesbild/rapport';
import { avsnitt, type Lagesbild } from '../lagesbild';
import type { Partner, Siffror } from '../partners';
import { periodEtikett } from '../period';

/** A section's count as the comparison reads it: a number or a SkyddatAntal, else null. */
function tal(a: Siffror | null, falt: string): Tal | null {
  const v = a?.[falt];
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'visning' in v) return v as Tal;
  return null;
}

/**
 * Each partner's counts for the period against the previous one, from the partners' own
 * section totals. Only what was reported, as numbers, on both sides is compared; otherwise
 * the change says why not ("2015: ej rapporterat") — a missing report is never a 0.
 */
export function Trend(props: {
  bild: Lagesbild;
  partners: readonly Partner[];
  /** Partners whose live data the reader is not cleared for: nothing to compare. */
  ejBehoriga: ReadonlySet<string>;
}) {
  const { bild, partners, ejBehoriga } = props;
  const fore = bild.foregaende ?? null;
  const forePeriod = fore?.period ?? 'Föregående';
  return (
    <section aria-labelledby="trend-rubrik" className="kort bred">
      <h2 id="trend-rubrik">Jämfört med föregående period</h2>
      <table className="trend">
        <caption>
          {periodEtikett(bild.period)} jämfört med {fore ? periodEtikett(fore.period) : '–'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Uppgift</th>
            <th scope="col" className="tal">
              {bild.period}
            </th>
            <th scope="col" className="tal">
              {forePeriod}
            </th>
            <th scope="col" className="tal">
              Förändring
            </th>
          </tr>
        </thead>
        {partners.map((p) => {
          if (ejBehoriga.has(p.falt)) {
            return (
              <tbody key={p.falt} data-partner={p.falt}>
                <tr className="grupp">
                  <th scope="rowgroup" colSpan={4}>
                    {p.namn}
                  </th>
                </tr>
                <tr data-kolumn={`${p.falt}.rapporteringsstatus`} className="ej-behorig">
                  <th scope="row">Rapportering</th>
                  <td colSpan={3}>{EJ_BEHORIG}</td>
                </tr>
              </tbody>
            );
          }
          const nu = avsnitt(bild, p);
          const da = fore ? avsnitt(fore, p) : null;
          return (
            <tbody key={p.falt} data-partner={p.falt}>
              <tr className="grupp">
                <th scope="rowgroup" colSpan={4}>
                  {p.namn}
                </th>
              </tr>
              <tr data-kolumn={`${p.falt}.rapporteringsstatus`}>
                <th scope="row">Rapportering</th>
                <td className="tal">{partnerStatusText(nu)}</td>
                <td className="tal">{fore ? partnerStatusText(da) : '–'}</td>
                <td />
              </tr>
              {p.avsnittTal.map((t) => {
                const j = jamfor(
                  { period: bild.period, avsnitt: nu, tal: tal(nu, t.falt) },
                  { period: forePeriod, avsnitt: fore ? da : undefined, tal: tal(da, t.falt) },
                );
                return (
                  <tr key={t.falt} data-kolumn={`${p.falt}.${t.falt}`}>
                    <th scope="row">{t.rubrik}</th>
                    <td className="tal">{j.nu}</td>
                    <td className="tal">{j.fore}</td>
                    <td className={j.jamforbar ? 'tal' : 'tal ej-jamforbar'}>{j.forandring}</td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
