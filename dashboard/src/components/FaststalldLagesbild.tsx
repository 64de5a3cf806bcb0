import {
  andringTabell,
  avsnittStycken,
  avsnittTabeller,
  type BekraftelseVarde,
  bekraftelseFramsteg,
  bekraftelseStatus,
  ersattAvText,
  exportFilnamn,
  FASTSTALLD_LAGESBILD,
  faststalldMarke,
  harUtatMarkning,
  nivaTabell,
  PUBLICERING_STATUS_NAMN,
  type Publicering,
  type PubliceringExportSvar,
  periodNamn,
  publiceringEtikett,
  SAMVERKANSPART_MENING,
  type Tabell,
  UTAT_FORKLARING,
  undertryckningForklaring,
  versionText,
} from '@lagesbild/rapport';
import { useEffect, useState } from 'react';
import { felText, felUnder, fraga, type GraphQLFel, HamtningsFel } from '../graphql';
import { okantOmrade } from '../lagesbild';
import { periodEtikett } from '../period';
import { PUBLICERING_EXPORT_QUERY, PUBLICERING_QUERY } from '../queries';
import { useGraphQL } from '../useGraphQL';

/** One of the area's versions as the list reads it: a part of the report's `Publicering`. */
export type PubliceringIListan = Pick<
  Publicering,
  | 'id'
  | 'period'
  | 'version'
  | 'status'
  | 'skapad'
  | 'faststalld'
  | 'mote'
  | 'ersattAv'
  | 'bekraftelser'
>;

interface Svar {
  lagesbild: { omradeId: string; period: string; publicering: Publicering | null } | null;
  omrade: { id: string; publiceringar: PubliceringIListan[] } | null;
}

/** A publication covers a year or a half-year: the only periods one can be adopted for. */
const PUBLICERBAR = /^\d{4}(-H[12])?$/;

/** The printable report of a publication: the same document as `pnpm rapport --publicering`. */
export function rapportLank(id: string, roll: string | null, arbetsexemplar = false): string {
  return `/dashboard/rapport.html?${new URLSearchParams({
    publicering: id,
    ...(roll ? { roll } : {}),
    ...(arbetsexemplar ? { arbetsexemplar: '1' } : {}),
  })}`;
}

function TabellVy(props: { tabell: Tabell; className: string; partner?: string }) {
  const { tabell, className, partner } = props;
  return (
    <div className="tabell-ram">
      <table className={className} data-partner={partner}>
        {tabell.rubrik && <caption>{tabell.rubrik}</caption>}
        <thead>
          <tr>
            {tabell.kolumner.map((k) => (
              <th key={k} scope="col">
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tabell.rader.map((rad) => (
            <tr key={rad[0]}>
              {rad.map((c, i) =>
                i === 0 ? (
                  <th key={tabell.kolumner[i]} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={tabell.kolumner[i]} data-kolumn={tabell.kolumner[i]}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The partners' confirmations of a draft or a version, with their comments. */
function Bekraftelser(props: { bekraftelser: BekraftelseVarde[]; rubrik: string }) {
  return (
    <div className="tabell-ram">
      <table className="bekraftelser">
        <caption>{props.rubrik}</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col">Avsnittet</th>
            <th scope="col">Kommentar</th>
          </tr>
        </thead>
        <tbody>
          {props.bekraftelser.map((b) => (
            <tr
              key={b.partner}
              data-partner={b.partner}
              data-bekraftad={b.bekraftad ? 'ja' : 'nej'}
            >
              <th scope="row">{b.partnerNamn}</th>
              <td className={b.bekraftad ? 'bekraftad' : 'ej-bekraftad'}>{bekraftelseStatus(b)}</td>
              <td>{b.kommentar || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The badge: "Fastställd 2016-12-14", the version, "ersatt av version 2". */
function Marke(props: { p: Pick<Publicering, 'status' | 'faststalld' | 'version' | 'ersattAv'> }) {
  const { p } = props;
  return (
    <p className="publiceringsmarke" data-status={p.status}>
      <span className={`marke marke-${p.status.toLowerCase()}`}>
        {p.faststalld ? faststalldMarke(p.faststalld) : PUBLICERING_STATUS_NAMN[p.status]}
      </span>{' '}
      <span className="marke-version">{versionText(p.version)}</span>
      {p.ersattAv && <span className="marke-ersatt-av"> · {ersattAvText(p.ersattAv.version)}</span>}
    </p>
  );
}

/** The machine-readable export, fetched when asked for and saved through Blob links. */
function Export(props: { p: Publicering; roll: string | null }) {
  const { p, roll } = props;
  const [status, setStatus] = useState<'vilar' | 'hamtar' | 'fel'>('vilar');
  const [fel, setFel] = useState('');
  const [filer, setFiler] = useState<{ namn: string; url: string; slag: string }[] | null>(null);
  const [hash, setHash] = useState<string | null>(null);

  // The links are the browser's memory: freed when the publication changes or the page goes.
  useEffect(
    () => () => {
      for (const f of filer ?? []) URL.revokeObjectURL(f.url);
    },
    [filer],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new publication starts over.
  useEffect(() => {
    setFiler(null);
    setHash(null);
    setStatus('vilar');
  }, [p.id]);

  const hamta = async () => {
    setStatus('hamtar');
    try {
      const svar = await fraga<{
        publicering: { export: PubliceringExportSvar | null } | null;
      }>(PUBLICERING_EXPORT_QUERY, { id: p.id }, undefined, roll);
      const ex = svar.data?.publicering?.export;
      if (!ex) {
        setFel(felText(svar.errors) || 'Exporten finns bara för fastställda versioner.');
        setStatus('fel');
        return;
      }
      const blob = (innehall: string, typ: string) =>
        URL.createObjectURL(new Blob([innehall], { type: typ }));
      setFiler([
        { namn: exportFilnamn(p), url: blob(ex.json, 'application/json'), slag: 'JSON' },
        ...ex.csv.map((c) => ({
          namn: exportFilnamn(p, c.namn),
          url: blob(c.innehall, 'text/csv;charset=utf-8'),
          slag: `CSV: ${c.namn.replace(/\.csv$/i, '')}`,
        })),
      ]);
      setHash(ex.hash);
      setStatus('vilar');
    } catch (error) {
      setFel(error instanceof HamtningsFel ? error.message : 'Exporten kunde inte hämtas just nu.');
      setStatus('fel');
    }
  };

  return (
    <div className="export">
      {filer ? (
        <>
          <ul className="exportfiler">
            {filer.map((f) => (
              <li key={f.namn}>
                <a href={f.url} download={f.namn} data-slag={f.slag}>
                  {f.namn}
                </a>{' '}
                <span className="detalj">({f.slag})</span>
              </li>
            ))}
          </ul>
          {hash && (
            <p className="detalj">
              Kontrollsumma (SHA-256): <code className="hash">{hash}</code>
            </p>
          )}
        </>
      ) : (
        <button type="button" onClick={hamta} disabled={status === 'hamtar'}>
          {status === 'hamtar' ? 'Hämtar exporten …' : 'Hämta export (JSON och CSV)'}
        </button>
      )}
      {status === 'fel' && <p className="detalj">Exporten kunde inte hämtas. {fel}</p>}
    </div>
  );
}

/**
 * "Fastställd lägesbild": the adopted version of the chosen area and period with its
 * badge, its tables as the reader may see them, its report and its export; what changed
 * since it was adopted (for readers cleared for every partner); a draft's progress; and
 * the area's adopted versions.
 */
export function FaststalldLagesbild(props: {
  omrade: string;
  period: string;
  forsok: number;
  roll: string | null;
  /** SAMVERKANSPART: the page shows the adopted lägesbild only, and says why. */
  baraFaststalld: boolean;
  onPeriod: (period: string) => void;
}) {
  const { omrade, period, forsok, roll, baraFaststalld, onPeriod } = props;
  const fragan = useGraphQL<Svar>(PUBLICERING_QUERY, { omrade, period }, forsok, roll);
  const data = fragan.svar?.data;
  const errors: GraphQLFel[] = fragan.svar?.errors ?? [];
  const p = data?.lagesbild?.publicering ?? null;
  const publiceringFel = felUnder(errors, ['lagesbild', 'publicering']);
  // The comparison with today's live picture failed (a source did not answer): said as such.
  const jamforelseFel = felUnder(errors, ['lagesbild', 'publicering', 'andratSedanFaststallandet']);
  const listaFel = felUnder(errors, ['omrade']);
  const alla = data?.omrade?.publiceringar ?? [];
  const faststallda = alla.filter((x) => x.status !== 'UTKAST');
  const utkast = alla.filter((x) => x.status === 'UTKAST' && x.period === period);
  const publicerbar = PUBLICERBAR.test(period);
  // An area the register does not know: said as such, not as a missing publication.
  const okant = okantOmrade(errors);

  return (
    <section aria-labelledby="faststalld-rubrik" className="kort bred faststalld">
      <h2 id="faststalld-rubrik">{FASTSTALLD_LAGESBILD}</h2>
      {baraFaststalld && <p className="samverkanspart">{SAMVERKANSPART_MENING}</p>}

      {fragan.laddar && !fragan.svar ? (
        <p className="tyst">Hämtar …</p>
      ) : okant ? (
        <p className="tyst">
          Okänt område ”{omrade}”: det finns ingen lägesbild för det. Kända områden:{' '}
          {okant.kandaOmraden.join(', ')}.
        </p>
      ) : fragan.fel ? (
        <p className="tyst">Den fastställda lägesbilden kunde inte hämtas. {fragan.fel}</p>
      ) : p ? (
        <div className="publicering" data-publicering={p.id}>
          <Marke p={p} />
          <p>
            {FASTSTALLD_LAGESBILD} för {periodNamn(p.period)}
            {p.mote ? `, ${p.mote}` : ''}.
            {p.hash && (
              <>
                {' '}
                <span className="detalj">
                  Kontrollsumma: <code className="hash">{p.hash}</code>
                </span>
              </>
            )}
          </p>
          {p.ersattAv && (
            <p className="meddelande meddelande-info">
              Den här versionen är {ersattAvText(p.ersattAv.version)}.
            </p>
          )}
          <p className="lankar">
            <a href={rapportLank(p.id, roll)} target="_blank" rel="noopener">
              Rapport för utskrift (version {p.version})
            </a>
            {harUtatMarkning(p) && (
              <>
                {' · '}
                <a href={rapportLank(p.id, roll, true)} target="_blank" rel="noopener">
                  Arbetsexemplar med de dolda talen (får inte spridas)
                </a>
              </>
            )}
          </p>
          <Export p={p} roll={roll} />

          <Bekraftelser bekraftelser={p.bekraftelser} rubrik="Partnernas bekräftelser" />

          {/* Beside the live picture the tables are folded; alone, they are the page. */}
          <details className="publicerade-tabeller" open={baraFaststalld}>
            <summary>
              <h3>Den fastställda lägesbildens tabeller</h3>
            </summary>
            <p className="detalj">{undertryckningForklaring(p.troskel)}</p>
            {harUtatMarkning(p) && <p className="detalj">{UTAT_FORKLARING}</p>}
            {p.nivaer && p.nivaer.length > 0 && (
              <TabellVy
                tabell={{ ...nivaTabell(p.nivaer), rubrik: 'Polisens bedömning' }}
                className="publicerad niva"
              />
            )}
            {p.avsnitt.map((a) => (
              <div key={a.partner} className="publicerat-avsnitt" data-partner={a.partner}>
                <h4>{a.partnerNamn}</h4>
                {avsnittStycken(a, p.period).map((t) => (
                  <p key={t} className="detalj">
                    {t}
                  </p>
                ))}
                <div className="tabellrutnat">
                  {avsnittTabeller(a, p.period).map((t) => (
                    <TabellVy
                      key={t.rubrik}
                      tabell={t}
                      className="publicerad"
                      partner={a.partner}
                    />
                  ))}
                </div>
              </div>
            ))}
          </details>

          {p.andringar.length > 0 && p.foregaendeVersion && (
            <>
              <h3>Ändrat mot version {p.foregaendeVersion.version}</h3>
              {p.rattelseOrsak && <p>Orsak: {p.rattelseOrsak}</p>}
              <TabellVy
                tabell={andringTabell(p.andringar, [
                  `Version ${p.foregaendeVersion.version}`,
                  `Version ${p.version}`,
                ])}
                className="andringar-version"
              />
            </>
          )}

          {!p.andratSedanFaststallandet && jamforelseFel.length > 0 && (
            <div className="andrat-sedan">
              <h3>Ändrat sedan fastställandet</h3>
              <p className="tyst">
                Jämförelsen med den levande lägesbilden kan inte visas just nu.{' '}
                <span className="detalj">{felText(jamforelseFel)}</span>
              </p>
            </div>
          )}
          {p.andratSedanFaststallandet && (
            <div className="andrat-sedan">
              <h3>Ändrat sedan fastställandet</h3>
              {p.andratSedanFaststallandet.length === 0 ? (
                <p className="tyst">
                  Inget har ändrats: den levande lägesbilden säger detsamma som den fastställda.
                </p>
              ) : (
                <TabellVy
                  tabell={{
                    ...andringTabell(p.andratSedanFaststallandet, ['Fastställt', 'Nu']),
                    rubrik: 'Skillnader mellan den fastställda och den levande lägesbilden',
                  }}
                  className="andrat-sedan-faststallandet"
                />
              )}
            </div>
          )}
        </div>
      ) : publiceringFel.length ? (
        <p className="tyst">
          Den fastställda lägesbilden är inte tillgänglig just nu.{' '}
          <span className="detalj">{felText(publiceringFel)}</span>
        </p>
      ) : (
        <p className="tyst ingen-faststalld">
          {publicerbar
            ? `Ingen fastställd lägesbild för ${periodEtikett(period)}.`
            : `Lägesbilden fastställs för år och halvår; ${periodEtikett(period)} har ingen egen. Välj ett år eller ett halvår.`}
        </p>
      )}

      {utkast.map((u) => (
        <div key={u.id} className="utkast" data-publicering={u.id}>
          <h3>Utkast till lägesbild för {periodNamn(u.period)}</h3>
          <Marke p={u} />
          <p className="framsteg">
            {bekraftelseFramsteg(u.bekraftelser)}. Rådet kan fastställa lägesbilden när alla partner
            har bekräftat sina avsnitt.
          </p>
          <Bekraftelser
            bekraftelser={u.bekraftelser}
            rubrik="Partnernas bekräftelser av utkastet"
          />
        </div>
      ))}

      <h3>Områdets fastställda versioner</h3>
      {listaFel.length && !data?.omrade ? (
        <p className="tyst">
          Listan kan inte visas just nu. <span className="detalj">{felText(listaFel)}</span>
        </p>
      ) : faststallda.length === 0 ? (
        <p className="tyst">{fragan.svar ? 'Inga fastställda versioner ännu.' : 'Hämtar …'}</p>
      ) : (
        <ul className="versioner">
          {faststallda.map((v) => (
            <li key={v.id} data-publicering={v.id} data-period={v.period}>
              <strong>{periodEtikett(v.period)}</strong>: {publiceringEtikett(v)}
              {v.mote ? ` (${v.mote})` : ''}.{' '}
              {v.period !== period && (
                <button type="button" className="lank-knapp" onClick={() => onPeriod(v.period)}>
                  Visa {v.period}
                </button>
              )}{' '}
              <a href={rapportLank(v.id, roll)} target="_blank" rel="noopener">
                Rapport
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
