import { useMemo } from 'react';
import { selectFeatures, useAppStore } from '../../state/store';
import { townNamesIn } from '../exports/exportContext';

/** Town code → its name in the current language (the code itself for an unknown town). */
export function useTownName(): (code: string) => string {
  const lang = useAppStore((s) => s.lang);
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  return useMemo(() => townNamesIn(towns, lang), [towns, lang]);
}
