import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * An element's width, followed as it changes (0 until it is laid out): a chart drawn in pixels
 * from it measures nothing else. The ref is a callback, so a box mounted later is followed too.
 */
export function useWidth<T extends Element>(): [(element: T | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.current.observe(element);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}
