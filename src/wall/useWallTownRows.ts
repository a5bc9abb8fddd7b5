import { useMemo } from 'react';
import { useStatistics } from '../app/stats/useStatistics';
import type { StatsReading } from '../app/stats/statsReading';
import { useAppStore } from '../state/store';

/**
 * Every town's figures for the wall's window (one question shared by the panels, the alerts and
 * the tour); as the window moves on, a failed refresh keeps the last figures, marked stale.
 */
export function useWallTownRows(): StatsReading<'townRows'> {
  const time = useAppStore((s) => s.filters.time);
  const range = useMemo(() => ({ from: time.from, to: time.to }), [time]);
  return useStatistics('townRows', [range], 'wall-towns');
}
