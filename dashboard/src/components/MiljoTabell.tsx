import { type Lagesbild, type PartnerTackning, siffror } from '../lagesbild';
import { formatera, type Partner } from '../partners';
import { periodEtikett } from '../period';

/**
 * The cross-partner table: one row per environment, each partner's columns side by side
 * under its name. A partner that is unavailable keeps its columns, marked, so the reader
 * sees what is missing instead of a table that silently shrinks.
 */
export function MiljoTabell(props: {
  bild: Lagesbild;
  partners: readonly Partner[];
  tackning: PartnerTackning[];
}) {
  const { bild, partners, tackning } = props;
  const saknas = new Set(
    tackning.filter((t) => t.tackning === 'EJ_TILLGANGLIG').map((t) => t.partner.falt),
  );
  return (
    <div className="tabell-ram">
      <table className="miljoer">
        <caption>Varje partners uppgifter per miljö, {periodEtikett(bild.period)}</caption>
        <thead>
          <tr>
            <td />
            {partners.map((p) => (
              <th key={p.falt} scope="colgroup" colSpan={p.kolumner.length}>
                {p.namn}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">Miljö</th>
            {partners.flatMap((p) =>
              p.kolumner.map((k) => (
                <th key={`${p.falt}.${k.falt}`} scope="col" title={k.beskrivning} className="tal">
                  {k.rubrik}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {bild.miljoer.map((rad) => (
            <tr key={rad.miljo} data-miljo={rad.miljo}>
              <th scope="row">{rad.namn}</th>
              {partners.flatMap((p) => {
                const s = siffror(rad, p);
                return p.kolumner.map((k) => (
                  <td
                    key={`${p.falt}.${k.falt}`}
                    data-kolumn={`${p.falt}.${k.falt}`}
                    className={s ? (k.slag === 'antal' ? 'tal' : 'tal text') : 'tal saknas'}
                  >
                    {s ? formatera(k, s[k.falt], s) : saknas.has(p.falt) ? 'ej tillg.' : '–'}
                  </td>
                ));
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
