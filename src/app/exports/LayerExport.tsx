import type { Feature } from 'geojson';
import { useState } from 'react';
import { label, translate, type Lang } from '../../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import { isServedLayer, servedReadParameters } from '../../data/servedLayers';
import { downloadFile } from '../../exports/download';
import { featuresCsv, featuresGeoJson } from '../../exports/formats/csv';
import { contextLines } from '../../exports/townStatsTable';
import { selectLayerColumns, selectTownCodes } from '../../map/columns/columnsCache';
import { layerFilterMasks } from '../../map/columns/filterMasks';
import { visibleCounts } from '../../map/columns/visibleCounts';
import { selectTable, useAppStore } from '../../state/store';
import type { FeatureTable } from '../../data/columnar/featureTable';
import { featuresOf } from '../../data/columnar/readTable';
import { createServerSource } from '../../data/createSource';
import { buildLayerColumns, type LayerColumns } from '../../map/columns/layerColumns';
import { useServerApi } from '../stats/serverApi';
import { currentExport } from './exportContext';
import { IMPORT_TARGET_IDS, importTarget, type ImportTargetId } from '../../import/targets';

/** Features of a layer the map draws under the current filters (the legends' "visible"), rebuilt from the columns for the export only. */
function filtered(table: FeatureTable, columns: LayerColumns, layer: DomainLayerId): Feature[] {
  const s = useAppStore.getState();
  const { mask } = visibleCounts(columns, layerFilterMasks(layer, s.filters, selectTownCodes(s)));
  const rows: number[] = [];
  for (let i = 0; i < table.length; i++) if (mask[i] === 1) rows.push(i);
  return featuresOf(table, rows);
}

/**
 * The layer's features under the filters: those the page holds, or for a layer the server keeps
 * (source=server), those of the town and classes kept, read page by page from its OGC API first.
 */
async function filteredFeatures(layer: DomainLayerId): Promise<Feature[]> {
  const s = useAppStore.getState();
  const collection = DOMAIN_LAYERS[layer].features;
  const { ogcApiUrl } = useServerApi.getState();
  if (s.collections[collection]?.status === 'served' && ogcApiUrl) {
    // The server keeps the town, the classes and a case layer's time range: only those features travel.
    const parameters = isServedLayer(layer) ? servedReadParameters(layer, s.filters) : {};
    const read = await createServerSource(ogcApiUrl).getCollection(collection, { parameters });
    if (!read.ok) throw new Error(read.error.message);
    const { table } = read.value;
    return filtered(table, buildLayerColumns(layer, table, selectTownCodes(s)), layer);
  }
  const columns = selectLayerColumns(s, layer);
  return columns ? filtered(selectTable(s, collection), columns, layer) : [];
}

type LayerFormat = 'csv' | 'geojson' | 'shp' | 'shp-gbk' | 'kml';
const FORMAT_LABELS: Record<LayerFormat, string> = { csv: 'CSV', geojson: 'GeoJSON', shp: 'Shapefile', 'shp-gbk': 'Shapefile (GBK)', kml: 'KML' };

async function exportLayer(layer: DomainLayerId, format: LayerFormat, lang: Lang, onProgress: (done: number) => void) {
  const { context, fileName } = currentExport(lang, Date.now());
  const features = await filteredFeatures(layer);
  const title = label(lang, DOMAIN_LAYERS[layer].title);
  if (format === 'csv') downloadFile(fileName(title, 'csv'), await featuresCsv(features, context, lang, onProgress), 'text/csv;charset=utf-8');
  else if (format === 'geojson') downloadFile(fileName(title, 'geojson'), await featuresGeoJson(features, Object.fromEntries(contextLines(context, lang)), onProgress), 'application/geo+json');
  else if (format === 'kml') downloadFile(fileName(title, 'kml'), (await import('../../exports/formats/kml')).featuresKml(features), 'application/vnd.google-earth.kml+xml');
  else {
    const { featuresShapefileZip } = await import('../../exports/formats/shapefile');
    const zip = featuresShapefileZip(features, layer, format === 'shp-gbk' ? 'gbk' : 'utf-8', (field) => fieldLabel(layer, field, lang));
    downloadFile(fileName(title, 'zip'), zip, 'application/zip');
  }
}

/** A property's label in the layer's schema (for the shapefile's field table), or its name. */
function fieldLabel(layer: DomainLayerId, field: string, lang: Lang): string {
  const collection = DOMAIN_LAYERS[layer].features;
  const target = (IMPORT_TARGET_IDS as readonly string[]).includes(collection) ? importTarget(collection as ImportTargetId) : null;
  const found = target?.fields.find((f) => f.name === field);
  return found ? label(lang, found.label) : field;
}

/** A layer's filtered features to CSV (properties, with longitude / latitude for points) or GeoJSON, with progress. */
export function LayerExport({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (format: LayerFormat) => {
    setProgress(0);
    setFailure(null);
    try {
      await exportLayer(layerId, format, lang, setProgress);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="layer-export" data-testid={`export-${layerId}`}>
      <span>{translate(lang, 'exportFeatures')}</span>
      {(Object.keys(FORMAT_LABELS) as LayerFormat[]).map((format) => (
        <button key={format} type="button" data-format={format} disabled={progress !== null} onClick={() => void run(format)}>
          {FORMAT_LABELS[format]}
        </button>
      ))}
      {failure && (
        <span className="collection__error" role="alert">
          ✖ {translate(lang, 'failed')}: {failure}
        </span>
      )}
      {progress !== null && <progress max={1} value={progress} aria-label={translate(lang, 'exporting')} data-testid={`export-progress-${layerId}`} />}
    </div>
  );
}
