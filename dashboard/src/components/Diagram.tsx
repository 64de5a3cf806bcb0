import { useEffect, useRef } from 'react';
import { type MiljoDiagram, miljoDiagram, undertrycktaIMiljoDiagram } from '../charts';
import type { Lagesbild } from '../lagesbild';
import type { Partner } from '../partners';
import { periodEtikett } from '../period';

/** The counts per environment as bars; the table above holds the same figures as text. */
export function Diagram(props: { bild: Lagesbild; partners: readonly Partner[] }) {
  const { bild, partners } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<MiljoDiagram | null>(null);
  const undertryckta = undertrycktaIMiljoDiagram(bild, partners);

  useEffect(() => {
    if (!canvas.current) return;
    if (chart.current) chart.current.uppdatera(bild, partners);
    else chart.current = miljoDiagram(canvas.current, bild, partners);
  }, [bild, partners]);

  useEffect(
    () => () => {
      chart.current?.forstor();
      chart.current = null;
    },
    [],
  );

  return (
    <section aria-labelledby="diagram-rubrik" className="kort bred">
      <h2 id="diagram-rubrik">Per miljö i diagram</h2>
      <div className="diagram">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Stapeldiagram: partnernas antal per miljö, ${periodEtikett(bild.period)}. Samma siffror finns i tabellen ovan.`}
        />
      </div>
      {undertryckta.length > 0 && (
        <p className="tyst diagram-undertryckt">
          Redovisas inte för din roll och ritas inte: {undertryckta.join('; ')}.
        </p>
      )}
    </section>
  );
}
