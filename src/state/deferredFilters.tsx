import { createContext, startTransition, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Filters } from './filters';
import { afterHeadline } from './headlineFirst';
import { useAppStore } from './store';

const Deferred = createContext<Filters | null>(null);

/** The panels that have not yet drawn the current filters. */
const behind = new Set<string>();
/** Whether some panel has not yet drawn the current filters (the browser tests wait for none). */
export const arePanelsBehind = () => behind.size > 0;

/**
 * The panels inside follow a filter change after the filter bar and the headline figures: they are
 * handed it once those show it (headlineFirst), and render it in an interruptible transition, so that
 * counting a chart's cases never holds the headline figures back.
 */
export function DeferredFilters({ children }: { children: ReactNode }) {
  const key = useId();
  const [filters, setFilters] = useState(() => useAppStore.getState().filters);
  const drawn = useRef(filters);
  useEffect(() => {
    const follow = () => {
      const now = useAppStore.getState().filters;
      // Changed and changed back before its turn: nothing to draw.
      if (now === drawn.current) behind.delete(key);
      else startTransition(() => setFilters(now));
    };
    // A change between this render and now is followed at once.
    follow();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.filters === prev.filters) return;
      behind.add(key);
      afterHeadline(`panels ${key}`, follow);
    });
    return () => {
      unsubscribe();
      behind.delete(key);
    };
  }, [key]);
  useEffect(() => {
    drawn.current = filters;
    if (filters === useAppStore.getState().filters) behind.delete(key);
  }, [filters, key]);
  return <Deferred.Provider value={filters}>{children}</Deferred.Provider>;
}

/** The filters as this component reads them: as handed to its panel inside DeferredFilters, else as they are. */
export function useFilters(): Filters {
  const deferred = useContext(Deferred);
  // Inside, the store's filters are not read at all: a panel must not render for a change before its turn.
  const live = useAppStore((s) => (deferred ? null : s.filters));
  return deferred ?? live!;
}
