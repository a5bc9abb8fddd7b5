import { useMemo } from 'react';
import { useTownRows } from '../app/stats/useTownRows';
import { useAppStore } from '../state/store';
import type { TownRow } from '../stats/townMetrics';

/** Every town's figures for the wall's window (one question shared by the panels, the alerts and the tour). */
export function useWallTownRows(): TownRow[] | null {
  const time = useAppStore((s) => s.filters.time);
  const range = useMemo(() => ({ from: time.from, to: time.to }), [time]);
  return useTownRows(range)?.rows.towns ?? null;
}
