import type * as maplibregl from 'maplibre-gl';

export interface MapTestHandle {
  project(lngLat: [number, number]): { x: number; y: number };
  isIdle(): boolean;
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
export function exposeMapForTests(map: maplibregl.Map): () => void {
  window.__zqMap = {
    project: (lngLat) => {
      const p = map.project(lngLat);
      return { x: p.x, y: p.y };
    },
    isIdle: () => map.loaded() && !map.isMoving(),
  };
  return () => {
    delete window.__zqMap;
  };
}
