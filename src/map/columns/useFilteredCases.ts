import { useMemo } from 'react';
import { joinRows, timesOf } from '../../data/columnar/readTable';
import { DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../../layers/registry';
import { selectTable, useAppStore } from '../../state/store';
import { selectLayerColumns } from './columnsCache';
import { useVisibleCounts } from './useVisibleCounts';
import { useFilters } from '../../state/deferredFilters';

/**
 * A layer's cases under the current filters, as rows of its case table. Where the cases are the
 * drawn features (patches, railway issues) that is what the map shows; where they are filed
 * against assets (lamp faults, manhole defects) it is the cases of the assets shown, reported
 * within the time range.
 */
export function useFilteredCases(layerId: DomainLayerId, enabled = true) {
  const layer = DOMAIN_LAYERS[layerId];
  const cases = useAppStore((s) => selectTable(s, layer.cases));
  const assets = useAppStore((s) => selectTable(s, layer.features));
  const { time } = useFilters();
  const columns = useAppStore((s) => selectLayerColumns(s, layerId));
  const { table, counts } = useVisibleCounts(layerId);
  return useMemo(() => {
    // Until the layer's features are held and counted, there is nothing to tell the kept cases by.
    if (!enabled || !columns || table !== columns || !counts) return null;
    const rows: number[] = [];
    if (layer.cases === layer.features) {
      for (let i = 0; i < cases.length; i++) if (counts.mask[i] === 1) rows.push(i);
      return { cases, rows };
    }
    const timeField = timeFieldOf(layer.cases);
    const times = timeField ? timesOf(cases, timeField) : null;
    // Each case's asset row, joined once per pair of loaded tables.
    const assetRows = joinRows(cases, 'assetId', assets);
    for (let i = 0; i < cases.length; i++) {
      const asset = assetRows[i];
      if (asset < 0 || counts.mask[asset] !== 1) continue;
      if (!times || (times[i] >= time.from && times[i] < time.to)) rows.push(i);
    }
    return { cases, rows };
  }, [cases, assets, columns, table, counts, layer, time, enabled]);
}
