import {
  EJ_BEHORIG,
  EJ_TILLGANGLIG,
  helaPerioden,
  periodNamn,
  rapporteringsstatusText,
  slaMening,
  versal,
} from '@lagesbild/rapport';
import { useMemo } from 'react';
import { type Sla, type SlaData, slaDiagram, slaUndertryckt } from '../charts';
import { avsnitt, type Lagesbild } from '../lagesbild';
import { PARTNERS, type Siffror } from '../partners';
import { useRitning } from './useRitning';

const KLOTTER = PARTNERS.find((p) => p.falt === 'klotter');

interface KlotterSla extends Siffror {
  sanering?: Sla | null;
  paPlats?: Sla | null;
}

/**
 * The graffiti contractors' SLA for the period, from klotter's section of the picture, as
 * sentences with their denominator ("i 1 av 5 anmälningar med känd tid") and as a chart.
 * When klotter reported only for a longer period, that period's SLA is shown, labelled.
 */
export function SlaDiagram(props: {
  bild: Lagesbild | null;
  laddar: boolean;
  period: string;
  /** The reader is not cleared for klotter's live data. */
  ejBehorig: boolean;
}) {
  const { bild, laddar, period, ejBehorig } = props;
  const klotter = (KLOTTER ? avsnitt(bild, KLOTTER) : null) as KlotterSla | null;
  // The period's own SLA, or the longer period's when that is all klotter reported.
  const kalla =
    klotter?.sanering && klotter.paPlats
      ? { sla: klotter, etikett: periodNamn(period) }
      : klotter?.rapporteringsstatus === 'RAPPORTERAT_GROVRE_PERIOD' &&
          klotter.grovrePeriod &&
          (klotter.grovre as KlotterSla | null | undefined)?.sanering
        ? { sla: klotter.grovre as KlotterSla, etikett: helaPerioden(klotter.grovrePeriod) }
        : null;
  const sanering = kalla?.sla.sanering ?? null;
  const paPlats = kalla?.sla.paPlats ?? null;
  const data = useMemo<SlaData | null>(
    () => (sanering && paPlats ? { sanering, paPlats } : null),
    [sanering, paPlats],
  );
  const tomt =
    data !== null &&
    [data.sanering, data.paPlats].every((s) =>
      [s.uppfyllt, s.ejUppfyllt, s.okant].every((v) => v.antal === 0),
    );
  const undertryckt = data !== null && slaUndertryckt(data);
  const canvas = useRitning(slaDiagram, data);
  return (
    <section aria-labelledby="sla-rubrik" className="kort">
      <h2 id="sla-rubrik">Klotter: sanering och utryckning enligt avtal</h2>
      {data && kalla ? (
        <>
          <p className="tyst sla-period">{versal(kalla.etikett)}:</p>
          <ul className="sla-meningar">
            <li>{slaMening(data.sanering, 'sanerat inom 24 timmar')}</li>
            <li>{slaMening(data.paPlats, 'på plats inom 3 arbetstimmar')}</li>
          </ul>
        </>
      ) : (
        <p className="tyst">
          {laddar
            ? 'Hämtar …'
            : klotter
              ? `Klotter för ${periodNamn(period)}: ${rapporteringsstatusText(klotter.rapporteringsstatus, klotter.grovrePeriod).toLowerCase()}.`
              : `Klotteruppgifterna: ${(ejBehorig ? EJ_BEHORIG : EJ_TILLGANGLIG).toLowerCase()}.`}
        </p>
      )}
      {undertryckt && (
        <p className="tyst sla-undertryckt">
          Små antal visas som ”fåtal” för din roll, antal som skulle avslöja dem som ”ej redovisad”;
          de ritas inte i diagrammet.
        </p>
      )}
      <div className="diagram diagram-lag" hidden={!data || tomt}>
        <canvas
          ref={canvas}
          role="img"
          aria-label="Liggande stapeldiagram: anmälningar där avtalstiden uppfylldes, inte uppfylldes eller är okänd."
        />
      </div>
    </section>
  );
}
