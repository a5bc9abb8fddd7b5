import { useCallback } from 'react';
import { selectFeatures, useAppStore } from '../../state/store';

/** Town code → its name in the current language (the code itself for an unknown town). */
export function useTownName(): (code: string) => string {
  const lang = useAppStore((s) => s.lang);
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  return useCallback(
    (code: string) => {
      const t = towns.find((x) => x.properties.code === code);
      return t ? (lang === 'zh' ? t.properties.name : t.properties.nameEn) : code;
    },
    [towns, lang],
  );
}
