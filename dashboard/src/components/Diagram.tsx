import { EJ_BEHORIG, EJ_TILLGANGLIG } from '@lagesbild/rapport';
import { useMemo } from 'react';
import { ejRitad, enhetsData, enhetsDiagram, FARGER } from '../charts';
import { type Lagesbild, siffror } from '../lagesbild';
import type { Kolumn, Partner } from '../partners';
import { periodEtikett } from '../period';
import { useRitning } from './useRitning';

/**
 * The partners' counts per environment, one chart per count so that each axis holds one
 * unit (incidents, contacts, events and reports are not the same thing). The table above
 * holds the same figures as text; under each chart, the environments without a bar and why.
 */
export function Diagram(props: {
  bild: Lagesbild;
  partners: readonly Partner[];
  saknade: ReadonlySet<string>;
  /** Partners whose live data the reader is not cleared for. */
  ejBehoriga: ReadonlySet<string>;
}) {
  const { bild, partners, saknade, ejBehoriga } = props;
  const diagram = partners.flatMap((p) =>
    p.kolumner.filter((k) => k.slag === 'antal').map((k) => ({ partner: p, kolumn: k })),
  );
  return (
    <section aria-labelledby="diagram-rubrik" className="kort bred">
      <h2 id="diagram-rubrik">Per miljö i diagram</h2>
      <p className="tyst">
        Ett diagram per slags uppgift, var och en med sin egen skala; samma siffror finns i tabellen
        ovan.
      </p>
      <div className="diagramrutnat">
        {diagram.map(({ partner, kolumn }, i) => (
          <EttDiagram
            key={`${partner.falt}.${kolumn.falt}`}
            bild={bild}
            partner={partner}
            kolumn={kolumn}
            farg={FARGER[i % FARGER.length] ?? '#0072B2'}
            tillganglig={!saknade.has(partner.falt) && !ejBehoriga.has(partner.falt)}
            ejBehorig={ejBehoriga.has(partner.falt)}
          />
        ))}
      </div>
    </section>
  );
}

function EttDiagram(props: {
  bild: Lagesbild;
  partner: Partner;
  kolumn: Kolumn;
  farg: string;
  tillganglig: boolean;
  ejBehorig: boolean;
}) {
  const { bild, partner, kolumn, farg, tillganglig, ejBehorig } = props;
  const etikett = periodEtikett(bild.period);
  const data = useMemo(
    () => enhetsData(bild, partner, kolumn, farg, etikett),
    [bild, partner, kolumn, farg, etikett],
  );
  const canvas = useRitning(enhetsDiagram, data);
  const skal = bild.miljoer.map((m) => ({
    miljo: m.namn,
    skal: ejRitad(siffror(m, partner), kolumn.falt, tillganglig),
  }));
  const ejRitade = skal.flatMap((s) => (s.skal ? [`${s.miljo} (${s.skal})`] : []));
  const inget = data.nu.every((v) => v === null) && !data.grovre?.data.some((v) => v !== null);
  // A reported zero is drawn as 0; when every bar is 0 the chart is flat, so it says so.
  const baraNoll =
    !inget && [...data.nu, ...(data.grovre?.data ?? [])].every((v) => v === null || v === 0);
  // With nothing to draw for one reason everywhere, the reason once: "ej rapporterat".
  const ettSkal = new Set(skal.map((s) => s.skal)).size === 1 ? skal[0]?.skal : null;
  const titel = `${kolumn.rubrik} (${partner.namn.toLowerCase()})`;
  const id = `diagram-${partner.falt}-${kolumn.falt}`;
  return (
    <figure
      className="enhetsdiagram"
      aria-labelledby={id}
      data-diagram={`${partner.falt}.${kolumn.falt}`}
    >
      <figcaption id={id}>{titel}</figcaption>
      <div className="diagram diagram-liten" hidden={!tillganglig || inget}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Stapeldiagram: ${titel.toLowerCase()} per miljö, ${etikett}.`}
        />
      </div>
      {baraNoll && <p className="tyst diagram-noll">0 i varje miljö som har en siffra.</p>}
      {!tillganglig ? (
        <p className="tyst diagram-ej-ritat">{ejBehorig ? EJ_BEHORIG : EJ_TILLGANGLIG}.</p>
      ) : inget ? (
        <p className="tyst diagram-ej-ritat">Inget att rita: {ettSkal ?? ejRitade.join('; ')}.</p>
      ) : (
        ejRitade.length > 0 && (
          <p className="tyst diagram-ej-ritat">Ritas inte: {ejRitade.join('; ')}.</p>
        )
      )}
    </figure>
  );
}
