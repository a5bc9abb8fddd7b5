import { useMemo } from 'react';
import { DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import { selectTable, useAppStore } from '../../state/store';
import { selectLayerColumns } from './columnsCache';
import { useVisibleCounts } from './useVisibleCounts';

/** The domain layers whose cases are the features the map draws (patches, railway issues), not filed against assets. */
export type DrawnCaseLayer = 'patches' | 'railway';
export const isDrawnCaseLayer = (layer: DomainLayerId): layer is DrawnCaseLayer => DOMAIN_LAYERS[layer].cases === DOMAIN_LAYERS[layer].features;

/**
 * A layer's cases under the current filters, as rows of its case table, where the cases are the
 * drawn features: what the map shows. (The cases of assets, lamp faults and manhole defects, are
 * counted by the statistics worker, which holds both and joins them off the main thread.)
 */
export function useFilteredCases(layerId: DrawnCaseLayer, enabled = true) {
  const cases = useAppStore((s) => selectTable(s, DOMAIN_LAYERS[layerId].cases));
  const columns = useAppStore((s) => selectLayerColumns(s, layerId));
  const { table, counts } = useVisibleCounts(layerId);
  return useMemo(() => {
    // Until the layer's features are held and counted, there is nothing to tell the kept cases by.
    if (!enabled || !columns || table !== columns || !counts) return null;
    const rows: number[] = [];
    for (let i = 0; i < cases.length; i++) if (counts.mask[i] === 1) rows.push(i);
    return { cases, rows };
  }, [cases, columns, table, counts, enabled]);
}
