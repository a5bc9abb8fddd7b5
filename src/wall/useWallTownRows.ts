import { useMemo } from 'react';
import { useEngineAnswer } from '../app/stats/useEngineAnswer';
import { useAppStore } from '../state/store';
import { townRows, type TownRow } from '../stats/townMetrics';

/** Every town's figures for the wall's window (one engine question shared by the panels, the alerts and the tour). */
export function useWallTownRows(): TownRow[] | null {
  const time = useAppStore((s) => s.filters.time);
  const answer = useEngineAnswer('query', [{ from: time.from, to: time.to }])?.answer;
  return useMemo(() => (answer ? townRows(answer).towns : null), [answer]);
}
