import { useMemo } from 'react';
import { DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../../layers/registry';
import { selectFeatures, useAppStore } from '../../state/store';
import { selectLayerColumns } from './columnsCache';
import { useVisibleCounts } from './useVisibleCounts';

const timesCache = new WeakMap<readonly unknown[], Float64Array>();
/** Epoch ms of each case's time field, parsed once per loaded collection. */
function caseTimes(cases: readonly { properties: unknown }[], field: string): Float64Array {
  let times = timesCache.get(cases);
  if (!times) {
    times = Float64Array.from(cases, (c) => Date.parse(String((c.properties as Record<string, unknown>)[field])));
    timesCache.set(cases, times);
  }
  return times;
}

/**
 * A layer's cases under the current filters. Where the cases are the drawn features (patches,
 * railway issues) that is what the map shows; where they are filed against assets (lamp faults,
 * manhole defects) it is the cases of the assets shown, reported within the time range.
 */
export function useFilteredCases(layerId: DomainLayerId, enabled = true) {
  const layer = DOMAIN_LAYERS[layerId];
  const cases = useAppStore((s) => selectFeatures(s, layer.cases));
  const time = useAppStore((s) => s.filters.time);
  const columns = useAppStore((s) => selectLayerColumns(s, layerId));
  const { table, counts } = useVisibleCounts(layerId);
  return useMemo(() => {
    // Until the layer's features are held and counted, there is nothing to tell the kept cases by.
    if (!enabled || !columns || table !== columns || !counts) return null;
    if (layer.cases === layer.features) return cases.filter((_, i) => counts.mask[i] === 1);
    const timeField = timeFieldOf(layer.cases);
    const times = timeField ? caseTimes(cases, timeField) : null;
    return cases.filter((c, i) => {
      const asset = columns.indexOf(String((c.properties as Record<string, unknown>).assetId));
      if (asset === undefined || counts.mask[asset] !== 1) return false;
      return !times || (times[i] >= time.from && times[i] < time.to);
    });
  }, [cases, columns, table, counts, layer, time, enabled]);
}
