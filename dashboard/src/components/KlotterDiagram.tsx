import { antalCell, EJ_BEHORIG, EJ_TILLGANGLIG, rapporteringsstatusText } from '@lagesbild/rapport';
import { useMemo } from 'react';
import {
  KATEGORIER,
  type KlotterAr,
  type KlotterLage,
  klotterDiagram,
  klotterLage,
  RAPPORTORER,
} from '../charts';
import { felText } from '../graphql';
import { arNekad, verkligaFel } from '../lagesbild';
import { KLOTTER_AR, KLOTTER_HISTORIK_QUERY, klotterHistorikVariabler } from '../queries';
import { useGraphQL } from '../useGraphQL';
import { useRitning } from './useRitning';

type Svar = Record<string, { period: string; klotter: KlotterAr['klotter'] } | null>;

const lageText = (lage: KlotterLage) =>
  lage === 'EJ_TILLGANGLIG' ? EJ_TILLGANGLIG : rapporteringsstatusText(lage);

/**
 * Graffiti per reporter and category for the five years up to the chosen one. Below the
 * chart, each reporter's state per year in words: a year without a report, or with a
 * reported zero, is said as such rather than drawn as an empty bar.
 */
export function KlotterDiagram(props: {
  omrade: string;
  ar: number;
  forsok: number;
  roll: string | null;
}) {
  const { omrade, ar, forsok, roll } = props;
  const variabler = useMemo(() => klotterHistorikVariabler(omrade, ar), [omrade, ar]);
  const { laddar, svar, fel } = useGraphQL<Svar>(KLOTTER_HISTORIK_QUERY, variabler, forsok, roll);
  const aren = useMemo<KlotterAr[] | null>(() => {
    if (!svar) return null;
    return Array.from({ length: KLOTTER_AR }, (_, i) => ({
      ar: String(ar - (KLOTTER_AR - 1) + i),
      klotter: svar.data?.[`ar${i}`]?.klotter ?? null,
    }));
  }, [svar, ar]);
  // Not cleared for klotter's live data: no year is shown, and nothing has gone wrong.
  const ejBehorig = Boolean(svar?.errors.some((e) => arNekad(e, 'klotter')));
  const canvas = useRitning(klotterDiagram, ejBehorig ? null : aren);

  return (
    <section aria-labelledby="klotter-rubrik" className="kort bred" aria-busy={laddar}>
      <h2 id="klotter-rubrik">
        Klotter per rapportör och kategori, {ar - KLOTTER_AR + 1}–{ar}
      </h2>
      {fel && <p className="tyst">Klotterhistoriken kunde inte hämtas. {fel}</p>}
      {ejBehorig && <p className="tyst ej-behorig">Klotter: {EJ_BEHORIG.toLowerCase()}.</p>}
      <div className="diagram" hidden={ejBehorig}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Stapeldiagram: klotteranmälningar per år, rapportör och kategori (${KATEGORIER.map((k) => k.namn).join(', ')}). Tabellen under visar vilka år varje rapportör rapporterat.`}
        />
      </div>
      {aren && !ejBehorig && (
        <div className="tabell-ram">
          <table className="klotter-ar">
            <caption>Rapportering per rapportör och år</caption>
            <thead>
              <tr>
                <th scope="col">Rapportör</th>
                {aren.map((a) => (
                  <th key={a.ar} scope="col" className="tal">
                    {a.ar}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {RAPPORTORER.map((r) => (
                <tr key={r.id} data-rapportor={r.id}>
                  <th scope="row">{r.namn}</th>
                  {aren.map((a) => {
                    const lage = klotterLage(a, r.id);
                    const antal = a.klotter?.perRapportor.find((p) => p.rapportor === r.id)?.antal;
                    return (
                      <td key={a.ar} data-ar={a.ar} className="tal">
                        {lage === 'RAPPORTERAT' && antal ? (
                          antalCell(antal)
                        ) : (
                          <span className={`status status-${lage.toLowerCase()}`}>
                            {lageText(lage)}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {svar && verkligaFel(svar.errors).length > 0 && (
        <p className="detalj">
          Några år kunde inte hämtas och visas som {EJ_TILLGANGLIG.toLowerCase()}.{' '}
          {felText(verkligaFel(svar.errors))}
        </p>
      )}
    </section>
  );
}
