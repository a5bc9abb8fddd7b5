import type * as maplibregl from 'maplibre-gl';

/** The one map on the page, for panels that need it imperatively (the map image export, the wall's alert markers). */
let active: maplibregl.Map | null = null;
const listeners = new Set<() => void>();

export function setActiveMap(map: maplibregl.Map | null): void {
  active = map;
  for (const listener of listeners) listener();
}

export function activeMap(): maplibregl.Map | null {
  return active;
}

/** Told whenever the map is replaced (after a lost GL context the map is rebuilt). */
export function subscribeActiveMap(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
