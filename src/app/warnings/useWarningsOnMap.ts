import { useEffect, useMemo } from 'react';
import { useAppStore, type WarningMarks } from '../../state/store';
import type { WarningsAnswer } from '../../stats/warnings/warnings';

/** Puts the early warnings on the map while `shown` (the cells, the cases due soon, the assets failing again); takes them off on unmount. */
export function useWarningsOnMap(answer: WarningsAnswer | null, shown: boolean): void {
  const marks = useMemo((): WarningMarks | null => {
    if (!answer || !shown) return null;
    return {
      cells: answer.cells.map((c) => ({ boundary: c.boundary })),
      points: [...answer.dueSoon.map((c) => ({ position: c.position, kind: c.level })), ...answer.repeats.map((r) => ({ position: r.position, kind: 'repeat' as const }))],
    };
  }, [answer, shown]);
  useEffect(() => useAppStore.getState().setWarningMarks(marks), [marks]);
  useEffect(() => () => useAppStore.getState().setWarningMarks(null), []);
}
