import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../state/store';
import type { HotspotAnswer } from '../../stats/worker/statsApi';

/** Puts a hot-spot answer's cells on the map (shaded by their share of the busiest) while `shown`; takes them off on unmount. */
export function useHotCellsOnMap(answer: HotspotAnswer | undefined, shown: boolean): void {
  const cells = useMemo(() => {
    if (!answer || !shown) return null;
    const max = Math.max(1, answer.cells[0]?.count ?? 1);
    return answer.cells.map((c) => ({ boundary: c.boundary, count: c.count, share: c.count / max }));
  }, [answer, shown]);
  useEffect(() => useAppStore.getState().setHotCells(cells), [cells]);
  useEffect(() => () => useAppStore.getState().setHotCells(null), []);
}
