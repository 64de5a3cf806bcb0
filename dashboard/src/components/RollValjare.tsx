import { useId } from 'react';

/**
 * The roles a reader can look through until sign-in exists. A development aid: the
 * choice is sent as the header x-lagesbild-roller, which anyone can set; signed tokens
 * (issue 7) replace it.
 */
export const ROLLER = [
  { id: 'RADET', namn: 'Rådet' },
  { id: 'UTBILDNINGSFORVALTNING', namn: 'Utbildningsförvaltningen' },
  { id: 'POLIS', namn: 'Polisen' },
  { id: 'SAMORDNARE', namn: 'Samordnaren' },
] as const;

/** The role in the address (?roll=), if it is one the selector offers. */
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
        <option value="">Ingen roll</option>
        {ROLLER.map((r) => (
          <option key={r.id} value={r.id}>
            {r.namn}
          </option>
        ))}
      </select>
      <span id={`${id}-hjalp`} className="detalj">
        Utvecklingsstöd tills inloggning finns (issue 7): rollen skickas okontrollerad i huvudet
        x-lagesbild-roller.
      </span>
    </div>
  );
}
