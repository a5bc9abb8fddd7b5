import { useMemo } from 'react';
import type { DomainLayerId } from '../../layers/registry';
import { useAppStore } from '../../state/store';
import { selectLayerCounts, selectShownCounts, selectTownCodes } from './columnsCache';
import { layerFilterMasks } from './filterMasks';
import { sharedVisibleCounts, type VisibleCounts } from './visibleCounts';
import { useFilters } from '../../state/deferredFilters';

/**
 * What a layer's legends count by, and what of it the current filters leave visible (null while a
 * served case layer's counts of a new time range are asked), recounted only when the layer's own masks change.
 */
export function useVisibleCounts(layer: DomainLayerId) {
  const table = useAppStore((s) => selectLayerCounts(s, layer));
  const shown = useAppStore((s) => selectShownCounts(s, layer));
  const towns = useAppStore(selectTownCodes);
  const filters = useFilters();
  const counts: VisibleCounts | null = useMemo(
    () => (table && shown ? sharedVisibleCounts(shown, layerFilterMasks(layer, filters, towns)) : null),
    [table, shown, filters, towns, layer],
  );
  return { table, counts };
}
