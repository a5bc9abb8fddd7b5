import type { Feature } from 'geojson';
import { useState } from 'react';
import { label, translate, type Lang } from '../../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import { downloadFile } from '../../exports/download';
import { featuresCsv, featuresGeoJson } from '../../exports/formats/csv';
import { contextLines } from '../../exports/townStatsTable';
import { selectLayerColumns, selectTownCodes } from '../../map/columns/columnsCache';
import { layerFilterMasks } from '../../map/columns/filterMasks';
import { visibleCounts } from '../../map/columns/visibleCounts';
import { selectFeatures, useAppStore } from '../../state/store';
import { currentExport } from './exportContext';

/** The features of a layer the map draws under the current filters (the legends' "visible"). */
function filteredFeatures(layer: DomainLayerId): Feature[] {
  const s = useAppStore.getState();
  const features = selectFeatures(s, DOMAIN_LAYERS[layer].features) as Feature[];
  const columns = selectLayerColumns(s, layer);
  if (!columns) return [];
  const { mask } = visibleCounts(columns, layerFilterMasks(layer, s.filters, selectTownCodes(s)));
  return features.filter((_, i) => mask[i] === 1);
}

async function exportLayer(layer: DomainLayerId, format: 'csv' | 'geojson', lang: Lang, onProgress: (done: number) => void) {
  const { context, fileName } = currentExport(lang, Date.now());
  const features = filteredFeatures(layer);
  const name = fileName(label(lang, DOMAIN_LAYERS[layer].title), format);
  if (format === 'csv') downloadFile(name, await featuresCsv(features, context, lang, onProgress), 'text/csv;charset=utf-8');
  else downloadFile(name, await featuresGeoJson(features, Object.fromEntries(contextLines(context, lang)), onProgress), 'application/geo+json');
}

/** A layer's filtered features to CSV (properties, with longitude / latitude for points) or GeoJSON, with progress. */
export function LayerExport({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const [progress, setProgress] = useState<number | null>(null);
  const run = async (format: 'csv' | 'geojson') => {
    setProgress(0);
    try {
      await exportLayer(layerId, format, lang, setProgress);
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="layer-export" data-testid={`export-${layerId}`}>
      <span>{translate(lang, 'exportFeatures')}</span>
      {(['csv', 'geojson'] as const).map((format) => (
        <button key={format} type="button" data-format={format} disabled={progress !== null} onClick={() => void run(format)}>
          {format === 'csv' ? 'CSV' : 'GeoJSON'}
        </button>
      ))}
      {progress !== null && <progress max={1} value={progress} aria-label={translate(lang, 'exporting')} data-testid={`export-progress-${layerId}`} />}
    </div>
  );
}
