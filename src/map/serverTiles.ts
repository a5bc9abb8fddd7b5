import type * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import type { AppConfig } from '../config';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { keptValues, type ClassFilter } from '../state/filters';
import { useAppStore, type AppState } from '../state/store';
import { SERVED_CASE_LAYERS } from '../data/servedLayers';
import { addCaseLayers, applyCaseState, applyCaseTotals, caseTotalsChanged, readCasesFromZoom, tiledCaseAt, TILED_CASE_LAYERS } from './servedCaseTiles';
import { classAndTownFilter, classColor, firstClassColor } from './tileStyle';
import { TileFreshness, versionedTileUrl } from './tileFreshness';

/**
 * A tile carries one of three layers, by zoom (MapServer's scale limits, server/mapserver/tiles.map):
 * single points (from zoom 14 by default), grid totals (about 1 km cells, per town; from 12) or town
 * totals. The server chooses the zooms (CITYGIS_POINTS_FROM_ZOOM, a denser city starting later), so
 * the map draws whichever arrives, with no zoom limits of its own. Points are sized from this zoom up.
 */
const POINT_SIZE_FROM_ZOOM = 14;

export type TiledLayerId = 'streetLamps' | 'manholes';

/** The large layers the server draws as vector tiles: their MapServer layer group and the two layers in it. */
export const TILED_LAYERS: Record<TiledLayerId, { group: string; points: string; grid: string; totals: string; size: ExpressionSpecification }> = {
  streetLamps: { group: 'lamps-tiles', points: 'lamps-points', grid: 'lamps-grid', totals: 'lamps-towns', size: ['*', 2, ['sqrt', ['to-number', ['get', 'lampCount'], 1]]] },
  manholes: { group: 'manholes-tiles', points: 'manholes-points', grid: 'manholes-grid', totals: 'manholes-towns', size: ['literal', 2.5] },
};
const TILED_IDS = Object.keys(TILED_LAYERS) as TiledLayerId[];
const SOURCE = 'server-tiles';

const NONE_TILED: readonly DomainLayerId[] = [];
const ALL_TILED: readonly DomainLayerId[] = [...TILED_IDS, ...SERVED_CASE_LAYERS];
/** The same array on every call: the deck.gl hook re-subscribes when it changes. */
export const tiledLayersOf = (config: Pick<AppConfig, 'source'>): readonly DomainLayerId[] => (config.source === 'server' ? ALL_TILED : NONE_TILED);

/**
 * A town's total under the filters: the sum of the counts of the kept classes of the layer's
 * styled attribute (the totals carry one count per class). Other attributes apply from POINTS_FROM_ZOOM.
 */
export function totalExpression(id: TiledLayerId, classes: ClassFilter): ExpressionSpecification {
  const kept = keptValues(id, classes, DOMAIN_LAYERS[id].style.classField);
  return ['+', 0, ...kept.map((v): ExpressionSpecification => ['to-number', ['get', v], 0])] as ExpressionSpecification;
}

/** A circle layer of the server's tiles, added once. */
function addCircleLayer(map: maplibregl.Map, sourceLayer: string, paint: maplibregl.CircleLayerSpecification['paint']) {
  if (map.getLayer(`server-${sourceLayer}`)) return;
  map.addLayer({ id: `server-${sourceLayer}`, type: 'circle', source: SOURCE, 'source-layer': sourceLayer, paint });
}

const tileUrlOf = (tilesUrl: string, version: string) =>
  versionedTileUrl(tilesUrl.replace('{layers}', [...TILED_IDS.map((id) => TILED_LAYERS[id].group), ...SERVED_CASE_LAYERS.map((id) => TILED_CASE_LAYERS[id].group)].join('+')), version);

function addLayers(map: maplibregl.Map, tilesUrl: string, casesFromZoom: number, version: string) {
  if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'vector', tiles: [tileUrlOf(tilesUrl, version)], minzoom: 0, maxzoom: 16 });
  for (const id of TILED_IDS) {
    const { points, grid, totals, size } = TILED_LAYERS[id];
    addCircleLayer(map, points, {
      'circle-color': classColor(id),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], POINT_SIZE_FROM_ZOOM, ['*', 0.8, size], 17, ['*', 2.4, size]],
      'circle-stroke-color': 'rgba(0,0,0,0.35)',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 14, 0, 16, 0.8],
    });
    // Totals: radius and opacity follow the filters (applyState).
    const totalsPaint = { 'circle-color': firstClassColor(id), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 };
    addCircleLayer(map, grid, { ...totalsPaint, 'circle-stroke-width': 0.5 });
    addCircleLayer(map, totals, totalsPaint);
  }
  addCaseLayers(map, SOURCE, casesFromZoom);
}

function applyState(map: maplibregl.Map, s: AppState) {
  for (const id of TILED_IDS) {
    const { points, grid, totals } = TILED_LAYERS[id];
    const display = s.layers[id];
    const classes = s.filters.classes[id];
    const visibility = display.visible ? 'visible' : 'none';
    for (const layer of [`server-${points}`, `server-${grid}`, `server-${totals}`]) if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', visibility);
    if (map.getLayer(`server-${points}`)) {
      map.setFilter(`server-${points}`, classAndTownFilter(id, classes, s.filters.town));
      map.setPaintProperty(`server-${points}`, 'circle-opacity', display.opacity);
    }
    // Area proportional to the count: 20,000 poles in a town draw about 30 px across, 400 in a cell about 12.
    for (const [layer, townKey, scale] of [
      [`server-${totals}`, 'code', 0.11],
      [`server-${grid}`, 'town', 0.3],
    ] as const) {
      if (!map.getLayer(layer)) continue;
      const total = totalExpression(id, classes);
      const inTown: ExpressionSpecification[] = s.filters.town ? [['==', ['get', townKey], s.filters.town]] : [];
      map.setFilter(layer, ['all', ['>', total, 0], ...inTown]);
      map.setPaintProperty(layer, 'circle-radius', ['max', 2, ['*', scale, ['sqrt', total]]]);
      map.setPaintProperty(layer, 'circle-opacity', 0.75 * display.opacity);
    }
  }
}

/** The tiled pole, cover, patch or railway issue drawn at a point of the map (a click or hover that deck.gl has nothing for). */
export function tiledFeatureAt(map: maplibregl.Map, point: { x: number; y: number }): { layer: DomainLayerId; id: string; properties: Record<string, unknown> } | null {
  const layers = TILED_IDS.map((id) => `server-${TILED_LAYERS[id].points}`).filter((l) => map.getLayer(l));
  const hit = layers.length > 0 ? map.queryRenderedFeatures([point.x, point.y], { layers })[0] : undefined;
  const layer = TILED_IDS.find((id) => hit?.layer.id === `server-${TILED_LAYERS[id].points}`);
  return hit && layer ? { layer, id: String(hit.properties.id), properties: hit.properties } : tiledCaseAt(map, point);
}

/**
 * Reads every tile of the source again, at the address of the new data. The tiles drawn stay on
 * screen until their new versions arrive (MapLibre marks them expired rather than removing them),
 * so the map does not blink.
 */
function readTilesAgain(map: maplibregl.Map, tilesUrl: string, version: string) {
  map.getSource<maplibregl.VectorTileSource>(SOURCE)?.setTiles([tileUrlOf(tilesUrl, version)]);
}

/**
 * With source=server: lamps, covers, patches and railway issues are drawn from MapServer's vector
 * tiles under the store's filters (the case layers' town totals from the counts of the range shown).
 * The tiles are read again when the server's change marker of one of those collections moves.
 */
export function useServerTiles(mapRef: RefObject<maplibregl.Map | null>, config: Pick<AppConfig, 'source' | 'serverTilesUrl' | 'serverUrl'>) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || config.source !== 'server') return;
    const controller = new AbortController();
    let casesFromZoom: number | null = null;
    const freshness = new TileFreshness(ALL_TILED);
    // A filter change pauses the source until the next frame, and MapLibre drops a new address
    // set while it is paused (its tiles are then only re-parsed, not read). So the address is set
    // in a frame's render event: that frame's style update has resumed the source, and nothing has
    // changed a layer since. Not when the map is idle: a wall whose window moves at every refresh may
    // not be idle for a long while. One pending change at a time, at the latest markers.
    let readPending = false;
    const readAtRender = () => {
      readPending = false;
      if (!controller.signal.aborted) readTilesAgain(map, config.serverTilesUrl, freshness.version());
    };
    const install = () => {
      if (casesFromZoom === null || controller.signal.aborted) return;
      // The style may still be loading its sources when the zoom arrives: install once it has.
      if (!map.isStyleLoaded()) return void map.once('idle', install);
      // The tiles about to be read are those of the markers standing now.
      freshness.moved(useAppStore.getState());
      addLayers(map, config.serverTilesUrl, casesFromZoom, freshness.version());
      applyState(map, useAppStore.getState());
      applyCaseState(map, useAppStore.getState());
      applyCaseTotals(map, useAppStore.getState());
    };
    void readCasesFromZoom(config.serverUrl, controller.signal).then((zoom) => {
      if (controller.signal.aborted) return;
      casesFromZoom = zoom;
      install();
    });
    map.on('style.load', install);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (casesFromZoom === null) return;
      if (s.filters !== prev.filters || s.layers !== prev.layers) {
        applyState(map, s);
        applyCaseState(map, s);
      }
      if (caseTotalsChanged(s, prev)) applyCaseTotals(map, s);
      if (s.collections !== prev.collections && freshness.moved(s) && !readPending) {
        readPending = true;
        map.once('render', readAtRender);
        map.triggerRepaint();
      }
    });
    return () => {
      controller.abort();
      map.off('style.load', install);
      map.off('render', readAtRender);
      unsubscribe();
    };
  }, [mapRef, config.source, config.serverTilesUrl, config.serverUrl]);
}
