import { useMemo } from 'react';
import { valueAt } from '../../data/columnar/readTable';
import { DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../../layers/registry';
import { selectTable, useAppStore } from '../../state/store';
import { selectLayerColumns } from './columnsCache';
import { useVisibleCounts } from './useVisibleCounts';

/**
 * A layer's cases under the current filters, as rows of its case table. Where the cases are the
 * drawn features (patches, railway issues) that is what the map shows; where they are filed
 * against assets (lamp faults, manhole defects) it is the cases of the assets shown, reported
 * within the time range.
 */
export function useFilteredCases(layerId: DomainLayerId, enabled = true) {
  const layer = DOMAIN_LAYERS[layerId];
  const cases = useAppStore((s) => selectTable(s, layer.cases));
  const time = useAppStore((s) => s.filters.time);
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
    const assets = cases.properties.assetId;
    const times = timeField ? cases.properties[timeField] : undefined;
    const timeOk = (i: number) => {
      if (!times) return true;
      const t = times.kind === 'time' ? (times.missing?.[i] ? NaN : times.values[i]) : Date.parse(String(valueAt(times, i)));
      return t >= time.from && t < time.to;
    };
    // Each asset id is looked up once, not once per case.
    const assetRow = assets && (assets.kind === 'string' ? assets.dictionary.map((id) => columns.indexOf(id)) : null);
    for (let i = 0; i < cases.length; i++) {
      if (!assets) break;
      const asset = assetRow && assets.kind === 'string' ? assetRow[assets.codes[i]] : columns.indexOf(String(valueAt(assets, i)));
      if (asset === undefined || counts.mask[asset] !== 1) continue;
      if (timeOk(i)) rows.push(i);
    }
    return { cases, rows };
  }, [cases, columns, table, counts, layer, time, enabled]);
}
