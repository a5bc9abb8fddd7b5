import { useMemo } from 'react';
import type { DomainLayerId } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { selectLayerColumns, selectTownCodes } from './columnsCache';
import { layerFilterMasks } from './filterMasks';
import { visibleCounts, type VisibleCounts } from './visibleCounts';

/** A layer's columns and what of it the current filters leave visible, recounted only when either changes. */
export function useVisibleCounts(layer: DomainLayerId) {
  const columns = useAppStore((s) => selectLayerColumns(s, layer));
  const towns = useAppStore(selectTownCodes);
  const filters = useAppStore((s) => s.filters);
  const counts: VisibleCounts | null = useMemo(
    () => (columns ? visibleCounts(columns, layerFilterMasks(layer, filters, towns)) : null),
    [columns, filters, towns, layer],
  );
  return { columns, counts };
}
