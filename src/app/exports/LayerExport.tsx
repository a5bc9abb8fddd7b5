import type { Feature } from 'geojson';
import { label, translate, type Lang } from '../../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import { downloadFile } from '../../exports/download';
import { featuresCsv } from '../../exports/formats/csv';
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

function exportLayer(layer: DomainLayerId, format: 'csv' | 'geojson', lang: Lang) {
  const { context, fileName } = currentExport(lang, Date.now());
  const features = filteredFeatures(layer);
  const name = fileName(label(lang, DOMAIN_LAYERS[layer].title), format);
  if (format === 'csv') downloadFile(name, featuresCsv(features, context, lang), 'text/csv;charset=utf-8');
  else downloadFile(name, JSON.stringify({ type: 'FeatureCollection', metadata: Object.fromEntries(contextLines(context, lang)), features }), 'application/geo+json');
}

/** A layer's filtered features to CSV (properties, with longitude / latitude for points) or GeoJSON. */
export function LayerExport({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="layer-export" data-testid={`export-${layerId}`}>
      <span>{translate(lang, 'exportFeatures')}</span>
      <button type="button" data-format="csv" onClick={() => exportLayer(layerId, 'csv', lang)}>
        CSV
      </button>
      <button type="button" data-format="geojson" onClick={() => exportLayer(layerId, 'geojson', lang)}>
        GeoJSON
      </button>
    </div>
  );
}
