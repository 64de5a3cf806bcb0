import { hotspots, type Lagesbild as Rapport } from '@lagesbild/rapport';
import { periodEtikett } from '../period';

/**
 * The places two or more partners recorded in the period, and what each recorded there,
 * as hotspots() from @lagesbild/rapport groups them: a place that is part of a larger one
 * (a park's playground, its metro entrance) counts as the larger place, its parts named.
 */
export function Hotspots(props: {
  rapport: Rapport | null;
  laddar: boolean;
  period: string;
  saknade: string[];
  /** Partners whose live records the reader is not cleared for, by name. */
  ejBehoriga: string[];
}) {
  const { rapport, laddar, period, saknade, ejBehoriga } = props;
  const platser = rapport ? hotspots(rapport) : null;
  return (
    <section aria-labelledby="platser-rubrik" className="kort bred">
      <h2 id="platser-rubrik">Platser i flera källor</h2>
      {platser === null ? (
        <p className="tyst">
          {laddar
            ? 'Hämtar …'
            : 'Platserna kan inte visas just nu: rådets samlade fråga fick inget svar från gatewayen.'}
        </p>
      ) : platser.length === 0 ? (
        <p className="tyst">
          Ingen plats förekommer hos två eller fler partner under {periodEtikett(period)}.
        </p>
      ) : (
        <div className="tabell-ram">
          <table className="platser">
            <caption>
              Platser som två eller fler partner registrerat, {periodEtikett(period)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Plats</th>
                <th scope="col">Partner</th>
                <th scope="col">Uppgifter</th>
              </tr>
            </thead>
            {platser.map((p) => (
              <tbody key={p.platsId} data-plats={p.platsId}>
                {p.uppgifter.map((u, i) => (
                  <tr key={u.partner}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={p.uppgifter.length}>
                        {p.namn}
                        {p.delar.length > 0 && (
                          <div className="detalj">Delar: {p.delar.join(', ')}</div>
                        )}
                      </th>
                    )}
                    <td>{u.partnerNamn}</td>
                    <td>{u.vad.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {saknade.length > 0 && (
        <p className="detalj">
          Saknas just nu: {saknade.join(', ')}. Platser de registrerat kan därför fattas här.
        </p>
      )}
      {ejBehoriga.length > 0 && (
        <p className="detalj ej-behorig">
          Din roll får inte de levande registren från {ejBehoriga.join(', ')}: deras platser räknas
          inte med här.
        </p>
      )}
    </section>
  );
}
