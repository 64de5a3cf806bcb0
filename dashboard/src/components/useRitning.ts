import { type RefObject, useEffect, useRef } from 'react';
import type { Ritning } from '../charts';

/** Keeps one chart per canvas: created on first data, updated after, destroyed on unmount. */
export function useRitning<T>(
  skapa: (canvas: HTMLCanvasElement, data: T) => Ritning<T>,
  data: T | null,
): RefObject<HTMLCanvasElement | null> {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Ritning<T> | null>(null);

  useEffect(() => {
    if (!canvas.current || data === null) return;
    if (chart.current) chart.current.uppdatera(data);
    else chart.current = skapa(canvas.current, data);
  }, [skapa, data]);

  useEffect(
    () => () => {
      chart.current?.forstor();
      chart.current = null;
    },
    [],
  );
  return canvas;
}
