import { useId } from 'react';
import {
  bytTyp,
  delNamn,
  PERIODTYPER,
  type PeriodTyp,
  type PeriodVal,
  periodString,
} from '../period';

const FORSTA_AR = 2014;

export function PeriodValjare(props: { varde: PeriodVal; onChange: (v: PeriodVal) => void }) {
  const { varde, onChange } = props;
  const id = useId();
  const sistaAr = Math.max(new Date().getFullYear(), varde.ar);
  const ar = Array.from({ length: sistaAr - FORSTA_AR + 1 }, (_, i) => sistaAr - i);
  const info = PERIODTYPER[varde.typ];
  return (
    <fieldset className="period">
      <legend>Period</legend>
      <label htmlFor={`${id}-typ`}>Slag</label>
      <select
        id={`${id}-typ`}
        value={varde.typ}
        onChange={(e) => onChange(bytTyp(varde, e.target.value as PeriodTyp))}
      >
        {(Object.keys(PERIODTYPER) as PeriodTyp[]).map((t) => (
          <option key={t} value={t}>
            {PERIODTYPER[t].namn}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-ar`}>År</label>
      <select
        id={`${id}-ar`}
        value={varde.ar}
        onChange={(e) => onChange({ ...varde, ar: Number(e.target.value) })}
      >
        {ar.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      {info.delar > 1 && (
        <>
          <label htmlFor={`${id}-del`}>{info.namn}</label>
          <select
            id={`${id}-del`}
            value={varde.del}
            onChange={(e) => onChange({ ...varde, del: Number(e.target.value) })}
          >
            {Array.from({ length: info.delar }, (_, i) => i + 1).map((d) => (
              <option key={d} value={d}>
                {`${info.bokstav}${d} (${delNamn(varde.typ, d)})`}
              </option>
            ))}
          </select>
        </>
      )}
      <output htmlFor={`${id}-typ ${id}-ar`} className="period-varde" aria-label="Vald period">
        {periodString(varde)}
      </output>
    </fieldset>
  );
}
