import { avsnittsTal, type Lagesbild, summa } from '../lagesbild';
import {
  formatera,
  type Partner,
  RAPPORTERINGSSTATUS_NAMN,
  type Rapporteringsstatus,
  talAv,
} from '../partners';
import { periodEtikett } from '../period';

function andring(nu: number | null, fore: number | null): string {
  if (nu === null || fore === null) return '–';
  const d = nu - fore;
  if (d === 0) return 'oförändrat';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toLocaleString('sv-SE')}`;
}

function status(bild: Lagesbild | null | undefined, p: Partner): string {
  const s = (bild?.[p.falt] as { rapporteringsstatus?: Rapporteringsstatus } | null)
    ?.rapporteringsstatus;
  return s ? RAPPORTERINGSSTATUS_NAMN[s] : '–';
}

/** Each partner's totals over the environments, this period against the previous one. */
export function Trend(props: { bild: Lagesbild; partners: readonly Partner[] }) {
  const { bild, partners } = props;
  const fore = bild.foregaende ?? null;
  return (
    <section aria-labelledby="trend-rubrik" className="kort">
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
              {fore?.period ?? 'Föregående'}
            </th>
            <th scope="col" className="tal">
              Förändring
            </th>
          </tr>
        </thead>
        {partners.map((p) => (
          <tbody key={p.falt} data-partner={p.falt}>
            <tr className="grupp">
              <th scope="rowgroup" colSpan={4}>
                {p.namn}
              </th>
            </tr>
            <tr>
              <th scope="row">Rapportering</th>
              <td className="tal">{status(bild, p)}</td>
              <td className="tal">{status(fore, p)}</td>
              <td />
            </tr>
            {(p.avsnittTal ?? []).map((t) => {
              const nu = avsnittsTal(bild, p, t.falt);
              const da = avsnittsTal(fore, p, t.falt);
              return (
                <tr key={t.falt} data-kolumn={`${p.falt}.${t.falt}`}>
                  <th scope="row">{t.rubrik}</th>
                  <td className="tal">{nu === null ? '–' : nu.toLocaleString('sv-SE')}</td>
                  <td className="tal">{da === null ? '–' : da.toLocaleString('sv-SE')}</td>
                  <td className="tal">{andring(nu, da)}</td>
                </tr>
              );
            })}
            {p.kolumner
              .filter((k) => k.slag === 'antal')
              .map((k) => {
                const nu = summa(bild, p, k.falt);
                const da = summa(fore, p, k.falt);
                return (
                  <tr key={k.falt} data-kolumn={`${p.falt}.${k.falt}`}>
                    <th scope="row">{k.rubrik}</th>
                    <td className="tal">{formatera(k, nu)}</td>
                    <td className="tal">{formatera(k, da)}</td>
                    <td className="tal">{andring(talAv(nu), talAv(da))}</td>
                  </tr>
                );
              })}
          </tbody>
        ))}
      </table>
    </section>
  );
}
