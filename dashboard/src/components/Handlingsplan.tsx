import { useId } from 'react';
import { felText } from '../graphql';
import { HANDLINGSPLAN_QUERY } from '../queries';
import { useGraphQL } from '../useGraphQL';
import { Meddelande } from './Meddelande';

type AtgardStatus = 'PAGAR' | 'FORSLAG' | 'AVSLUTAD';

const STATUS_NAMN: Record<AtgardStatus, string> = {
  PAGAR: 'Pågår',
  FORSLAG: 'Förslag',
  AVSLUTAD: 'Avslutad',
};

interface Svar {
  omrade: {
    namn: string;
    handlingsplan: {
      namn: string;
      fastalld: string;
      uppfoljning: string;
      atgarder: {
        id: string;
        nr: number;
        namn: string;
        ansvarig: string;
        status: AtgardStatus;
        statusText: string;
      }[];
      andringarSedan: {
        id: string;
        atgardId: string;
        delstegNr: number | null;
        franStatus: AtgardStatus | null;
        tillStatus: AtgardStatus;
        statusText: string;
        kommentar: string;
        tidpunkt: string;
      }[];
    } | null;
  } | null;
}

const datum = (iso: string) => iso.slice(0, 10);

/** The action plan's measures with status, and what changed since a chosen date. */
export function Handlingsplan(props: {
  omrade: string;
  sedan: string;
  onSedan: (d: string) => void;
  forsok: number;
  roll: string | null;
}) {
  const { omrade, sedan, onSedan, forsok, roll } = props;
  const id = useId();
  const giltigt = /^\d{4}-\d{2}-\d{2}$/.test(sedan);
  const { laddar, svar, fel } = useGraphQL<Svar>(
    HANDLINGSPLAN_QUERY,
    giltigt ? { omrade, sedan } : null,
    forsok,
    roll,
  );
  const plan = svar?.data?.omrade?.handlingsplan ?? null;
  const atgardNamn = new Map(
    plan?.atgarder.map((a) => [a.id, `${a.nr}. ${a.namn.replace(/\.$/, '')}`]) ?? [],
  );

  return (
    <section aria-labelledby="plan-rubrik" className="kort bred" aria-busy={laddar}>
      <h2 id="plan-rubrik">Handlingsplan</h2>
      {fel && <Meddelande typ="fel">Handlingsplanen kunde inte hämtas. {fel}</Meddelande>}
      {svar && !plan && svar.errors.length > 0 && (
        <Meddelande typ="fel">
          Handlingsplanen är inte tillgänglig just nu (förvaltningens källa svarar inte).
          <span className="detalj">{felText(svar.errors)}</span>
        </Meddelande>
      )}
      {svar && !plan && svar.errors.length === 0 && (
        <p>Området har ingen fastställd handlingsplan.</p>
      )}
      {laddar && !svar && <p className="tyst">Hämtar handlingsplanen …</p>}
      {plan && (
        <>
          <p className="tyst">
            {plan.namn}, fastställd {plan.fastalld}. {plan.uppfoljning}
          </p>
          <table className="atgarder">
            <caption>Åtgärder och status</caption>
            <thead>
              <tr>
                <th scope="col" className="tal">
                  Nr
                </th>
                <th scope="col">Åtgärd</th>
                <th scope="col">Ansvarig</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {plan.atgarder.map((a) => (
                <tr key={a.id}>
                  <td className="tal">{a.nr}</td>
                  <th scope="row">{a.namn}</th>
                  <td>{a.ansvarig}</td>
                  <td>
                    <span className={`atgard atgard-${a.status.toLowerCase()}`}>
                      {STATUS_NAMN[a.status]}
                    </span>
                    {a.statusText !== STATUS_NAMN[a.status] && (
                      <div className="detalj">{a.statusText}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3 id={`${id}-andrat`}>Ändrat sedan senaste uppföljningen</h3>
      <div className="falt smal">
        <label htmlFor={`${id}-sedan`}>Ändrat sedan</label>
        <input
          id={`${id}-sedan`}
          type="date"
          value={sedan}
          onChange={(e) => onSedan(e.target.value)}
        />
      </div>
      {!giltigt && <p className="tyst">Välj ett datum.</p>}
      {plan &&
        (plan.andringarSedan.length === 0 ? (
          <p>Inga statusändringar sedan {sedan}.</p>
        ) : (
          <table className="andringar" aria-labelledby={`${id}-andrat`}>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Åtgärd</th>
                <th scope="col">Ändring</th>
                <th scope="col">Kommentar</th>
              </tr>
            </thead>
            <tbody>
              {plan.andringarSedan.map((h) => (
                <tr key={h.id}>
                  <td className="ingen-brytning">{datum(h.tidpunkt)}</td>
                  <th scope="row">
                    {atgardNamn.get(h.atgardId) ?? h.atgardId}
                    {h.delstegNr !== null && `, delsteg ${h.delstegNr}`}
                  </th>
                  <td className="ingen-brytning">
                    {h.franStatus ? STATUS_NAMN[h.franStatus] : 'Ny'} → {STATUS_NAMN[h.tillStatus]}
                  </td>
                  <td>{h.kommentar}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
