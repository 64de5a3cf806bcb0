import { EJ_BEHORIG, versal } from '@lagesbild/rapport';
import type { PartnerTackning } from '../lagesbild';
import { periodEtikett } from '../period';

/**
 * Who has reported for the period, who reported zero, who reported only for a longer
 * period (and that period's figures, labelled), who has not, who is unreachable, and whose
 * live data the reader is not cleared for.
 */
export function Kallor(props: { period: string; tackning: PartnerTackning[] | null }) {
  const { period, tackning } = props;
  return (
    <section aria-labelledby="kallor-rubrik" className="kort">
      <h2 id="kallor-rubrik">Källor</h2>
      {tackning === null ? (
        <p className="tyst">Hämtar …</p>
      ) : (
        <table className="kallor">
          <caption>Rapportering för {periodEtikett(period)}</caption>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tackning.map((t) => (
              <tr key={t.partner.falt} data-partner={t.partner.falt}>
                <th scope="row">{t.partner.namn}</th>
                <td>
                  <span className={`status status-${t.tackning.toLowerCase()}`}>{t.text}</span>
                  {t.detalj && <div className="detalj">{t.detalj}</div>}
                  {t.grovre && (
                    <div className="detalj grovre" data-grovre>
                      {versal(t.grovre)}
                    </div>
                  )}
                  {t.delkallor && t.delkallor.length > 0 && (
                    <ul className="delkallor">
                      {t.delkallor.map((d) => (
                        <li key={d.id} data-rapportor={d.id}>
                          {d.namn}:{' '}
                          <span className={`status status-${d.status.toLowerCase()}`}>
                            {d.statusText}
                          </span>
                          {d.tillagg && ` (${d.tillagg})`}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="forklaring">
        <dt>Rapporterat</dt>
        <dd>partnern har lämnat uppgifter för perioden</dd>
        <dt>Rapporterat noll</dt>
        <dd>partnern har intygat att det inte fanns något att rapportera</dd>
        <dt>Rapporterat för hela …</dt>
        <dd>
          partnern har rapporterat för en längre period som innehåller denna; de siffrorna visas
          märkta med perioden och räknas inte in i den här
        </dd>
        <dt>Ej rapporterat</dt>
        <dd>ingen rapport för perioden – inte detsamma som noll</dd>
        <dt>Ej tillgänglig just nu</dt>
        <dd>partnerns källa svarade inte; övriga uppgifter visas ändå</dd>
        {tackning?.some((t) => t.tackning === 'EJ_BEHORIG') && (
          <>
            <dt>{EJ_BEHORIG.split(' – ')[0]}</dt>
            <dd>
              din roll får inte partnerns levande siffror och register; de små antalen lämnar
              partnern bara genom den lägesbild rådet fastställt, skyddade där
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
