import type { FeatureCollection, Point } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { FilterSpecification } from 'maplibre-gl';
import { z } from 'zod';
import { fetchJson } from '../data/http';
import { SERVED_CASE_LAYERS, type ServedCaseLayerId } from '../data/servedLayers';
import type { ClassFilter, TimeRange } from '../state/filters';
import { selectFeatures, type AppState } from '../state/store';
import { selectShownCounts, selectTownCodes } from './columns/columnsCache';
import { layerFilterMasks } from './columns/filterMasks';
import { sharedVisibleCounts, visibleByTown } from './columns/visibleCounts';
import { classAndTownFilter, classColor, firstClassColor } from './tileStyle';

/**
 * The case layers the server keeps (patches, railway issues) on the map: each case from the
 * server's vector tiles from the zoom its tiles carry them (tiles.json), filtered by class, town
 * and time on their own attributes; below it, a circle per town sized by the cases the legends
 * count for the time range shown (case-counts), which a tile's precomputed totals could not follow.
 */
export const TILED_CASE_LAYERS: Record<ServedCaseLayerId, { group: string; features: string }> = {
  patches: { group: 'patches-tiles', features: 'patches-polygons' },
  railway: { group: 'railway-tiles', features: 'railway-issues-points' },
};
const TOTALS_SOURCE = 'server-case-totals';
/** Where the tiles start carrying cases when tiles.json does not say (server/env.sh's default). */
export const DEFAULT_CASES_FROM_ZOOM = 14;

const layerIdOf = (id: ServedCaseLayerId) => `server-${TILED_CASE_LAYERS[id].features}`;
const totalsLayerIdOf = (id: ServedCaseLayerId) => `server-${id}-town-totals`;

/** Cases kept by the layer's class filters, the selected town and the time range [from, to) (t: epoch ms). */
export function caseFilter(id: ServedCaseLayerId, classes: ClassFilter, town: string | null, time: TimeRange): FilterSpecification {
  return ['all', ['>=', ['to-number', ['get', 't']], time.from], ['<', ['to-number', ['get', 't']], time.to], classAndTownFilter(id, classes, town)] as FilterSpecification;
}

const tileJson = z.object({ vector_layers: z.array(z.object({ id: z.string(), minzoom: z.number().int().min(0).max(24) })) });

/** The zoom the server's tiles start carrying cases at, from its TileJSON; the default when it cannot be read. */
export async function readCasesFromZoom(serverUrl: string, signal?: AbortSignal): Promise<number> {
  const res = await fetchJson(`${serverUrl.replace(/\/$/, '')}/tiles.json`, 'tiles.json', { signal, timeoutMs: 30_000 });
  const parsed = res.ok ? tileJson.safeParse(res.value) : null;
  const patches = parsed?.success ? parsed.data.vector_layers.find((l) => l.id === TILED_CASE_LAYERS.patches.features) : undefined;
  return patches?.minzoom ?? DEFAULT_CASES_FROM_ZOOM;
}

/** The case layers and their town totals, added once (again after a style change). */
export function addCaseLayers(map: maplibregl.Map, source: string, fromZoom: number) {
  if (!map.getSource(TOTALS_SOURCE)) map.addSource(TOTALS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  if (!map.getLayer(layerIdOf('patches'))) {
    map.addLayer({ id: layerIdOf('patches'), type: 'fill', source, 'source-layer': TILED_CASE_LAYERS.patches.features, paint: { 'fill-color': classColor('patches'), 'fill-outline-color': classColor('patches') } });
  }
  if (!map.getLayer(layerIdOf('railway'))) {
    map.addLayer({
      id: layerIdOf('railway'),
      type: 'circle',
      source,
      'source-layer': TILED_CASE_LAYERS.railway.features,
      paint: { 'circle-color': classColor('railway'), 'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 3, 17, 7], 'circle-stroke-color': 'rgba(0,0,0,0.45)', 'circle-stroke-width': 0.8 },
    });
  }
  for (const id of SERVED_CASE_LAYERS) {
    if (map.getLayer(totalsLayerIdOf(id))) continue;
    map.addLayer({
      id: totalsLayerIdOf(id),
      type: 'circle',
      source: TOTALS_SOURCE,
      maxzoom: fromZoom,
      filter: ['>', ['get', id], 0],
      paint: {
        'circle-color': firstClassColor(id),
        // Logarithmic: a town's few cases of a month stay visible, and its thousands at 100× over six years do not cover the map.
        'circle-radius': ['+', 3, ['*', 1.8, ['log2', ['+', 1, ['get', id]]]]],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
        // Set apart, so that both layers' circles at one town seat show.
        'circle-translate': id === 'railway' ? [10, 0] : [-10, 0],
      },
    });
  }
}

/** Each case layer's visibility, opacity and filters from the store. */
export function applyCaseState(map: maplibregl.Map, s: AppState) {
  for (const id of SERVED_CASE_LAYERS) {
    const display = s.layers[id];
    const visibility = display.visible ? 'visible' : 'none';
    const layer = layerIdOf(id);
    if (map.getLayer(layer)) {
      map.setLayoutProperty(layer, 'visibility', visibility);
      map.setFilter(layer, caseFilter(id, s.filters.classes[id], s.filters.town, s.filters.time));
      map.setPaintProperty(layer, id === 'patches' ? 'fill-opacity' : 'circle-opacity', display.opacity);
    }
    if (map.getLayer(totalsLayerIdOf(id))) {
      map.setLayoutProperty(totalsLayerIdOf(id), 'visibility', visibility);
      map.setPaintProperty(totalsLayerIdOf(id), 'circle-opacity', 0.75 * display.opacity);
    }
  }
}

/**
 * Per town seat, the cases of each layer the filters keep in the time range shown; null while a
 * layer's counts of that range are not in (the circles drawn stay until they are).
 */
export function caseTotalsOf(s: AppState): FeatureCollection<Point> | null {
  const towns = selectTownCodes(s);
  const byLayer = new Map<ServedCaseLayerId, Uint32Array>();
  for (const id of SERVED_CASE_LAYERS) {
    const shown = selectShownCounts(s, id);
    if (!shown) return null;
    byLayer.set(id, visibleByTown(shown, sharedVisibleCounts(shown, layerFilterMasks(id, s.filters, towns))));
  }
  const slot = new Map(towns.map((code, i) => [code, i]));
  const features = selectFeatures(s, 'towns').map((t) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: t.properties.seat as [number, number] },
    properties: { code: t.properties.code, ...Object.fromEntries(SERVED_CASE_LAYERS.map((id) => [id, byLayer.get(id)![slot.get(t.properties.code)!] ?? 0])) },
  }));
  return { type: 'FeatureCollection', features };
}

/**
 * Whether the town totals could differ between two states: the filters, the towns or a layer's
 * counts of the range shown changed (not every change of a collection's state during a load).
 */
export function caseTotalsChanged(s: AppState, prev: AppState): boolean {
  return s.filters !== prev.filters || selectTownCodes(s) !== selectTownCodes(prev) || SERVED_CASE_LAYERS.some((id) => selectShownCounts(s, id) !== selectShownCounts(prev, id));
}

/** Draws the town totals (once every layer's counts of the range shown are in). */
export function applyCaseTotals(map: maplibregl.Map, s: AppState) {
  const totals = caseTotalsOf(s);
  const source = map.getSource(TOTALS_SOURCE) as maplibregl.GeoJSONSource | undefined;
  if (totals && source) source.setData(totals);
}

/** The case drawn from the tiles at a point of the map, if any. */
export function tiledCaseAt(map: maplibregl.Map, point: { x: number; y: number }): { layer: ServedCaseLayerId; id: string; properties: Record<string, unknown> } | null {
  const layers = SERVED_CASE_LAYERS.map(layerIdOf).filter((l) => map.getLayer(l));
  if (layers.length === 0) return null;
  const hit = map.queryRenderedFeatures([point.x, point.y], { layers })[0];
  const layer = SERVED_CASE_LAYERS.find((id) => hit?.layer.id === layerIdOf(id));
  return hit && layer ? { layer, id: String(hit.properties.id), properties: hit.properties } : null;
}
