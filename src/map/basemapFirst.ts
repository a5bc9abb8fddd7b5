import type * as maplibregl from 'maplibre-gl';
import type { AppState } from '../state/store';
import { BASEMAP_SOURCES } from './basemapStyle';

/** How long the data layers wait for the basemap before they are drawn without it. */
export const BASEMAP_PATIENCE_MS = 8_000;

export interface BasemapGate {
  /** The basemap has drawn its features once (or will not, or was waited for long enough). */
  isOpen(): boolean;
  dispose(): void;
}

/**
 * Whether the basemap's collections are all settled and every one that has features is loaded into
 * its MapLibre source (cut into tiles, the tiles in view loaded). Pure, for the gate and its test.
 */
export function basemapSettled(collections: AppState['collections'], isSourceLoaded: (id: string) => boolean): boolean {
  return BASEMAP_SOURCES.every((id) => {
    const c = collections[id];
    if (!c || c.status === 'loading' || c.status === 'idle') return false;
    return c.status !== 'loaded' || c.table.length === 0 || isSourceLoaded(id);
  });
}

/**
 * Opens once MapLibre has drawn the basemap: the data layers wait for it. MapLibre links a layer
 * type's shader program the first time it draws one, and that link waits on the main thread for
 * every frame queued on the GPU before it. When the points had drawn first, the towns' first fill
 * waited 1.8 s (10× data, a software GPU, where one such frame takes seconds). A basemap that
 * fails or never arrives holds nothing back for long: a failed collection counts as settled, and
 * the gate opens after `patienceMs` whatever happens.
 */
export function basemapGate(map: maplibregl.Map, collections: () => AppState['collections'], onOpen: () => void, patienceMs = BASEMAP_PATIENCE_MS): BasemapGate {
  let open = false;
  const openNow = () => {
    if (open) return;
    open = true;
    map.off('render', check);
    clearTimeout(patience);
    onOpen();
  };
  // 'render' follows a drawn frame: sources loaded by then were drawn in it.
  const check = () => {
    if (basemapSettled(collections(), (id) => map.getSource(id) !== undefined && map.isSourceLoaded(id))) openNow();
  };
  const patience = setTimeout(openNow, patienceMs);
  map.on('render', check);
  return {
    isOpen: () => open,
    dispose: () => {
      map.off('render', check);
      clearTimeout(patience);
    },
  };
}
