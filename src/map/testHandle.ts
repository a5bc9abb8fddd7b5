import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type * as maplibregl from 'maplibre-gl';
import { arePanelsBehind } from '../state/deferredFilters';
import { isWaitingForHeadline } from '../state/headlineFirst';
import { areLayersWaiting, drawnTimeRange, handedLayerIds } from './mapSync';

export interface MapTestHandle {
  project(lngLat: [number, number]): { x: number; y: number };
  /** Loaded, still, and the map, panels and charts drawing the current filters. */
  isIdle(): boolean;
  /** The centre and zoom of the view, to check that the map flew somewhere. */
  view(): { lng: number; lat: number; zoom: number };
  /** What deck.gl would pick at a screen point (layer id and index), like a click would. */
  pick(x: number, y: number): { layer: string; index: number } | null;
  /** Moves the view at once, as a person zooming there would (without reloading the page). */
  jumpTo(lngLat: [number, number], zoom: number): void;
  /** The features MapLibre has drawn on some of its layers (vector tiles, basemap): their properties and first position. */
  rendered(layers: string[]): { properties: Record<string, unknown>; lngLat: [number, number] | null }[];
  /** The time range the deck.gl layers are drawn for (null before their first build). */
  drawnRange(): { from: number; to: number } | null;
  /** The ids of the layers handed to deck.gl (drawn or not at this zoom). */
  deckLayers(): string[];
}

declare global {
  interface Window {
    __zqMap?: MapTestHandle;
  }
}

/**
 * Browser tests need screen positions of known places to check pixels there; this small,
 * read-only handle gives them that without reaching into React or MapLibre internals.
 */
export function exposeMapForTests(map: maplibregl.Map, overlay: MapLibreOverlay): () => void {
  window.__zqMap = {
    project: (lngLat) => {
      const p = map.project(lngLat);
      return { x: p.x, y: p.y };
    },
    // Idle means drawn as the filters say: a layer not yet handed to deck.gl, a change waiting for
    // its headline figures, or not yet drawn by every panel and chart, is not.
    isIdle: () => map.loaded() && !map.isMoving() && !areLayersWaiting() && !isWaitingForHeadline() && !arePanelsBehind(),
    view: () => ({ ...map.getCenter(), zoom: map.getZoom() }),
    pick: (x, y) => {
      const info = overlay.pickObject({ x, y, radius: 4 });
      return info?.layer ? { layer: info.layer.id, index: info.index } : null;
    },
    // Nothing returned: MapLibre gives back the map, which the test driver would try to serialize whole.
    jumpTo: (center, zoom) => {
      map.jumpTo({ center, zoom });
    },
    rendered: (layers) =>
      map.queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) }).map((f) => ({
        properties: { ...f.properties },
        lngLat: f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null,
      })),
    drawnRange: () => {
      const range = drawnTimeRange();
      return range && { from: range.from, to: range.to };
    },
    deckLayers: () => [...handedLayerIds()],
  };
  return () => {
    delete window.__zqMap;
  };
}
