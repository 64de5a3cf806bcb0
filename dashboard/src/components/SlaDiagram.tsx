import { useMemo } from 'react';
import { type SlaData, type SlaUtfall, slaDiagram, slaUndertryckt } from '../charts';
import type { Lagesbild } from '../lagesbild';
import { EJ_TILLGANGLIG } from '../partners';
import { periodEtikett } from '../period';
import { useRitning } from './useRitning';

interface SkyddadAndel {
  andel: number | null;
  undertryckt: boolean;
  visning: string;
}

/** "17 %", "ej redovisad" when suppressed for the reader, "okänd andel" when no time is known. */
const andel = (a: SkyddadAndel) => (a.undertryckt || a.andel !== null ? a.visning : 'okänd andel');

type Sla = SlaUtfall & { andelUppfyllt: SkyddadAndel };

/** The graffiti contractors' SLA for the period, from klotter's section of the picture. */
export function SlaDiagram(props: { bild: Lagesbild | null; laddar: boolean; period: string }) {
  const { bild, laddar, period } = props;
  const klotter = (bild?.klotter ?? null) as { sanering: Sla; paPlats: Sla } | null;
  const data = useMemo<SlaData | null>(
    () => (klotter ? { sanering: klotter.sanering, paPlats: klotter.paPlats } : null),
    [klotter],
  );
  const tomt =
    klotter !== null &&
    [klotter.sanering, klotter.paPlats].every((s) =>
      [s.uppfyllt, s.ejUppfyllt, s.okant].every((v) => v.antal === 0),
    );
  const undertryckt = data !== null && slaUndertryckt(data);
  const canvas = useRitning(slaDiagram, data);
  return (
    <section aria-labelledby="sla-rubrik" className="kort">
      <h2 id="sla-rubrik">Klotter: sanering och utryckning enligt avtal</h2>
      {klotter ? (
        <p className="tyst">
          {periodEtikett(period)}: sanerat inom 24 timmar i {andel(klotter.sanering.andelUppfyllt)}{' '}
          av fallen med känd tid, på plats inom 3 arbetstimmar i{' '}
          {andel(klotter.paPlats.andelUppfyllt)}.
        </p>
      ) : (
        <p className="tyst">
          {laddar ? 'Hämtar …' : `Klotteruppgifterna: ${EJ_TILLGANGLIG.toLowerCase()}.`}
        </p>
      )}
      {tomt && <p className="tyst">Inga anmälningar under perioden.</p>}
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
