import { useEffect, useMemo } from 'react';
import type { Lang } from '../../i18n';
import { useAppStore } from '../../state/store';
import type { WarningsAnswer } from '../../stats/warnings/warnings';
import { useTownName } from '../details/useTownName';
import { warningMarks } from './warningTargets';

/** Puts the early warnings on the map while `shown` (the cells, the cases due soon, the assets failing again), each with its tooltip and click; takes them off on unmount. */
export function useWarningsOnMap(answer: WarningsAnswer | null, shown: boolean, lang: Lang): void {
  const townName = useTownName();
  const marks = useMemo(() => (answer && shown ? warningMarks(answer, lang, townName) : null), [answer, shown, lang, townName]);
  useEffect(() => useAppStore.getState().setWarningMarks(marks), [marks]);
  useEffect(() => () => useAppStore.getState().setWarningMarks(null), []);
}
