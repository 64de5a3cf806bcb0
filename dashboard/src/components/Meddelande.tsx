import type { ReactNode } from 'react';

/** An error or notice that assistive technology announces when it appears. */
export function Meddelande(props: { typ: 'fel' | 'info'; children: ReactNode }) {
  return (
    <div
      className={`meddelande meddelande-${props.typ}`}
      role={props.typ === 'fel' ? 'alert' : 'status'}
    >
      {props.children}
    </div>
  );
}
