import { BREDVID, EJ_BEHORIG, type GrovreSlag, grovreForklaringar } from '@lagesbild/rapport';
import { type Lagesbild, type PartnerTackning, siffror } from '../lagesbild';
import { cell, type Partner } from '../partners';
import { periodEtikett } from '../period';

/**
 * The cross-partner table: one row per environment, each partner's columns side by side
 * under its name. A partner that is unavailable keeps its columns, marked, so the reader
 * sees what is missing instead of a table that silently shrinks; so does one whose live
 * data the reader is not cleared for, saying where its figures are (the adopted picture); one that has not reported
 * says so in words, and one that reported only for a longer period shows that period's
 * figures labelled ("3 (hela 2016)"); one that reported for the period and has records
 * dated only to a longer one shows that period's figure beside its own ("2 · hela 2016: 6").
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
  const ejBehorig = new Set(
    tackning.filter((t) => t.tackning === 'EJ_BEHORIG').map((t) => t.partner.falt),
  );
  // The longer periods shown in the table — instead of this one's figures ("endast"), beside
  // them ("bredvid") or as the police's assessment of a longer period ("bedomning") — each
  // label that occurs said once under the table.
  const celler = bild.miljoer.flatMap((rad) =>
    partners.flatMap((p) => {
      const s = siffror(rad, p);
      return s ? p.kolumner.map((k) => cell(k, s)) : [];
    }),
  );
  const forklaringar = grovreForklaringar(
    celler.flatMap((c): { period: string; slag: GrovreSlag }[] =>
      c.grovre
        ? [{ period: c.grovre.period, slag: c.grovre.slag }]
        : c.bredvid
          ? [{ period: c.bredvid.period, slag: 'bredvid' }]
          : [],
    ),
    bild.period,
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
                return p.kolumner.map((k) => {
                  const key = `${p.falt}.${k.falt}`;
                  if (!s && ejBehorig.has(p.falt)) {
                    return (
                      <td key={key} data-kolumn={key} className="tal saknas ej-behorig">
                        {EJ_BEHORIG}
                      </td>
                    );
                  }
                  if (!s) {
                    return (
                      <td key={key} data-kolumn={key} className="tal saknas">
                        {saknas.has(p.falt) ? 'ej tillg.' : '–'}
                      </td>
                    );
                  }
                  const c = cell(k, s);
                  const klass = c.status
                    ? `tal ej-tal status-text-${c.status.toLowerCase()}`
                    : c.grovre
                      ? 'tal grovre'
                      : c.bredvid
                        ? 'tal grovre-bredvid'
                        : k.slag === 'antal'
                          ? 'tal'
                          : 'tal text';
                  return (
                    <td key={key} data-kolumn={key} className={klass}>
                      {c.grovre ? (
                        <>
                          {c.grovre.siffra}{' '}
                          <small className="grovre-etikett">{c.grovre.etikett}</small>
                        </>
                      ) : c.bredvid ? (
                        <>
                          {c.bredvid.egen}
                          <small className="grovre-etikett">
                            {BREDVID}
                            {c.bredvid.text}
                          </small>
                        </>
                      ) : (
                        c.text
                      )}
                    </td>
                  );
                });
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {forklaringar.map((f) => (
        <p key={f} className="detalj grovre-forklaring">
          {f}
        </p>
      ))}
    </div>
  );
}
