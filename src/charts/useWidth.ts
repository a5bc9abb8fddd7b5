import { useCallback, useState } from 'react';

/**
 * An element's width, followed as it changes (0 until it is laid out): a chart drawn in pixels
 * from it measures nothing else. The ref is a callback that stops following when React detaches
 * it, so a box mounted later is followed too.
 */
export function useWidth<T extends Element>(): [(element: T | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: T | null) => {
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
