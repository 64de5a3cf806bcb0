import { useId } from 'react';
import {
  antalDelar,
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
  const delar = antalDelar(varde.typ, varde.ar);
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
        onChange={(e) => {
          // Week 53 exists only in some years: keep the part within the new year's range.
          const ny = Number(e.target.value);
          onChange({ ...varde, ar: ny, del: Math.min(varde.del, antalDelar(varde.typ, ny)) });
        }}
      >
        {ar.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      {delar > 1 && (
        <>
          <label htmlFor={`${id}-del`}>{info.namn}</label>
          <select
            id={`${id}-del`}
            value={varde.del}
            onChange={(e) => onChange({ ...varde, del: Number(e.target.value) })}
          >
            {Array.from({ length: delar }, (_, i) => i + 1).map((d) => {
              const del = { ...varde, del: d };
              return (
                <option key={d} value={d}>
                  {`${periodString(del).slice(5)} (${delNamn(del)})`}
                </option>
              );
            })}
          </select>
        </>
      )}
      <output htmlFor={`${id}-typ ${id}-ar`} className="period-varde" aria-label="Vald period">
        {periodString(varde)}
      </output>
    </fieldset>
  );
}
