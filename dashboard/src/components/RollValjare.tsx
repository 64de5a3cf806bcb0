import { useId } from 'react';

/** The default: the page reads as the council when no other role is chosen. */
export const STANDARDROLL_NAMN = 'Rådet (standard)';

/**
 * The roles a reader can look through on a development gateway: the page signs in as the
 * chosen role through the gateway's development sign-in (/dev/token). Without a choice it
 * reads as the council — the selector's first entry, "Rådet (standard)" — so the council is
 * not listed a second time. A production gateway has no such sign-in.
 */
export const ROLLER = [
  { id: 'UTBILDNINGSFORVALTNING', namn: 'Utbildningsförvaltningen' },
  { id: 'POLIS', namn: 'Polisen' },
  { id: 'SAMORDNARE', namn: 'Samordnaren' },
  // Församlingar, räddningstjänst, SL and the council's other actors: adopted publications only.
  { id: 'SAMVERKANSPART', namn: 'Samverkanspart' },
] as const;

/**
 * The role in the address (?roll=), if it is one the selector offers; the council's own
 * (?roll=RADET, as older links say it) is the default, so none.
 */
export function rollFranAdressen(q: URLSearchParams): string | null {
  const roll = q.get('roll');
  return ROLLER.some((r) => r.id === roll) ? roll : null;
}

export function RollValjare(props: {
  varde: string | null;
  onChange: (roll: string | null) => void;
}) {
  const { varde, onChange } = props;
  const id = useId();
  return (
    <div className="falt roll">
      <label htmlFor={id}>Visa som</label>
      <select
        id={id}
        value={varde ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        aria-describedby={`${id}-hjalp`}
      >
        <option value="">{STANDARDROLL_NAMN}</option>
        {ROLLER.map((r) => (
          <option key={r.id} value={r.id}>
            {r.namn}
          </option>
        ))}
      </select>
      <span id={`${id}-hjalp`} className="detalj">
        Utvecklingsinloggning: sidan hämtar en token för rollen från gatewayens utvecklingsläge. I
        drift loggar man in via sin organisation.
      </span>
    </div>
  );
}
