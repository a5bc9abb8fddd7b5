import type * as maplibregl from 'maplibre-gl';

/** The one map on the page, for panels that need it imperatively (the map image export). */
let active: maplibregl.Map | null = null;

export function setActiveMap(map: maplibregl.Map | null): void {
  active = map;
}

export function activeMap(): maplibregl.Map | null {
  return active;
}
