import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { bbox } from '@turf/bbox';
import type * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import { selectFeatures, useAppStore, type AppState, type WarningMark } from '../state/store';
import { afterHeadline } from '../state/headlineFirst';
import { openWarningTarget } from '../state/warningTarget';
import { BASEMAP_SOURCES, type BasemapSourceId, roadHighlightFilter, themedPaint, townSelectionFilter } from './basemapStyle';
import { selectLayerColumns } from './columns/columnsCache';
import { admitLayers } from './layerAdmission';
import { basemapGate } from './basemapFirst';
import { WARM_UP_LAYER_IDS, warmUpLayers } from './programWarmUp';
import { buildDeckLayers, sourceRowOf, TOWN_LABELS_LAYER_ID, townLabelOf, WARNING_LAYER_IDS, type MapLayerInput } from './deckLayers';
import type { DomainLayerId } from '../layers/registry';
import type { TimeRange } from '../state/filters';
import { activeMap } from './activeMap';
import { useHoverStore, type Hover } from './hoverStore';
import { tiledFeatureAt } from './serverTiles';
import { DOMAIN_LAYER_OF_DECK_LAYER, selectMapInput } from './mapInput';
import { PATCH_OUTLINE_BUILD_ZOOM } from './patchDots';
import { glyphsReady } from './townLabels/glyphStore';

type MapRef = RefObject<maplibregl.Map | null>;
type OverlayRef = RefObject<MapLibreOverlay | null>;

/** Zhangqiu's extent, so the first frame already frames the district before any data arrives. */
export const DISTRICT_BOUNDS: LngLatBoundsLike = [
  [117.24, 36.44],
  [117.74, 37.03],
];

/**
 * Runs `fn` now and again whenever a style loads. `fn` must skip sources and layers that do not
 * exist yet (map.isStyleLoaded() is no guide: it is false while any source is still parsing data).
 */
function whenStyleReady(map: maplibregl.Map, fn: () => void): () => void {
  fn();
  map.on('style.load', fn);
  return () => map.off('style.load', fn);
}

/** Subscribes to the store with a change test; applies once immediately. */
function follow(changed: (s: AppState, prev: AppState) => boolean, apply: (s: AppState) => void): () => void {
  apply(useAppStore.getState());
  return useAppStore.subscribe((s, prev) => {
    if (changed(s, prev)) apply(s);
  });
}

/** Basemap sources: set each once its collection has loaded. */
export function useBasemapSources(mapRef: MapRef) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = (ids: readonly BasemapSourceId[]) => {
      const s = useAppStore.getState();
      for (const id of ids) {
        (map.getSource(id) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: selectFeatures(s, id) });
      }
    };
    const off = whenStyleReady(map, () => apply(BASEMAP_SOURCES));
    // Only the source whose collection changed: each setData has MapLibre's worker cut that source
    // into tiles again, and the map redraw it, while the large layers are still loading.
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      const changed = BASEMAP_SOURCES.filter((id) => s.collections[id] !== prev.collections[id]);
      if (changed.length > 0) apply(changed);
    });
    return () => {
      off();
      unsubscribe();
    };
  }, [mapRef]);
}

/** Theme: repaint only the themed properties. */
export function useThemePaint(mapRef: MapRef) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      const { theme } = useAppStore.getState();
      document.documentElement.dataset.theme = theme;
      for (const [layer, props] of Object.entries(themedPaint(theme))) {
        if (!map.getLayer(layer)) continue;
        for (const [prop, value] of Object.entries(props)) map.setPaintProperty(layer, prop as never, value as never);
      }
    };
    const off = whenStyleReady(map, apply);
    const unsubscribe = follow((s, prev) => s.theme !== prev.theme, apply);
    return () => {
      off();
      unsubscribe();
    };
  }, [mapRef]);
}

/** Drawn from the start: the programs' warm-up (invisible) and the town names (the basemap's own labels). */
const DRAWN_BEFORE_BASEMAP: ReadonlySet<string> = new Set([...WARM_UP_LAYER_IDS, TOWN_LABELS_LAYER_ID]);

let drawnTime: TimeRange | null = null;
/** The time range the deck.gl layers were last built for (the browser tests' handle reads it). */
export const drawnTimeRange = () => drawnTime;
let handed: readonly string[] = [];
/** The ids of the layers last handed to deck.gl (the browser tests' handle reads them). */
export const handedLayerIds = () => handed;
let layersWaiting = 0;
/** deck.gl layers built but not yet handed to deck.gl (one new layer is admitted a frame). */
export const areLayersWaiting = () => layersWaiting > 0;

/**
 * deck.gl layers: rebuilt (cheaply: deck diffs them) when data, filters, selection, theme or language
 * change. Layers drawn from vector tiles instead (`tiled`) are left out.
 */
export function useDeckLayers(mapRef: MapRef, overlayRef: OverlayRef, tiled: readonly DomainLayerId[] = []) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const { setHover, setNote } = useHoverStore.getState();
    overlayRef.current?.setProps({
      onHover: (picked) => {
        const info = underCells(overlayRef.current, picked);
        const warning = warningAt(info);
        setNote(warning && { note: warning.note, x: info.x, y: info.y });
        if (warning) return setHover(null);
        const layer = info.layer ? DOMAIN_LAYER_OF_DECK_LAYER[info.layer.id] : undefined;
        const columns = layer && selectLayerColumns(useAppStore.getState(), layer);
        if (info.layer && layer && columns && info.index >= 0) return setHover({ layer, index: sourceRowOf(info.layer.id, info.index, columns), x: info.x, y: info.y });
        setHover(tiledHover(info.x, info.y));
      },
    });
    let drawn = new Set<string>();
    let nextFrame = 0;
    const gate = basemapGate(map, () => useAppStore.getState().collections, () => apply(useAppStore.getState()));
    const heldForBasemap = (layer: Layer) => !gate.isOpen() && !DRAWN_BEFORE_BASEMAP.has(layer.id);
    const warmUp = warmUpLayers();
    let patchOutlines = map.getZoom() >= PATCH_OUTLINE_BUILD_ZOOM;
    let disposed = false;
    const reapply = () => disposed || apply(useAppStore.getState());
    const apply = (s: AppState) => {
      const input = withoutTiled(selectMapInput(s, patchOutlines), tiled);
      // The town labels' first draw waits for their glyphs, drawn in a worker; their arrival applies again. Labels
      // already drawn stay: a name in the other language draws its new glyphs on the main thread (a person's click).
      const labelsWaiting = !drawn.has(TOWN_LABELS_LAYER_ID) && !glyphsReady(input.towns.map((t) => townLabelOf(t, input.lang)), reapply);
      const built = [...warmUp, ...buildDeckLayers(input)].filter((layer) => !(labelsWaiting && layer.id === TOWN_LABELS_LAYER_ID));
      const { layers, waiting } = admitLayers(built, drawn, heldForBasemap, (layer) => DRAWN_BEFORE_BASEMAP.has(layer.id));
      overlayRef.current?.setProps({ layers });
      handed = layers.map((layer) => layer.id);
      drawn = new Set(handed);
      drawnTime = s.filters.time;
      layersWaiting = waiting + (labelsWaiting ? 1 : 0);
      if (waiting > 0 && !nextFrame) {
        nextFrame = requestAnimationFrame(() => {
          nextFrame = 0;
          apply(useAppStore.getState());
        });
      }
    };
    const nearOutlines = () => {
      if (patchOutlines || map.getZoom() < PATCH_OUTLINE_BUILD_ZOOM) return;
      patchOutlines = true;
      apply(useAppStore.getState());
    };
    map.on('zoom', nearOutlines);
    const unfollowFilters = useAppStore.subscribe((s, prev) => {
      // A filter change is drawn once its headline figures are (a 10x map frame takes most of a second here).
      if (s.filters !== prev.filters) afterHeadline('deck-layers', () => apply(useAppStore.getState()));
    });
    const unfollow = follow(
      (s, prev) =>
        s.collections !== prev.collections ||
        s.selected !== prev.selected ||
        s.theme !== prev.theme ||
        s.lang !== prev.lang ||
        s.layers !== prev.layers ||
        s.hotCells !== prev.hotCells ||
        s.warningMarks !== prev.warningMarks ||
        s.labelSize !== prev.labelSize,
      apply,
    );
    return () => {
      map.off('zoom', nearOutlines);
      unfollowFilters();
      unfollow();
      gate.dispose();
      cancelAnimationFrame(nextFrame);
      disposed = true;
      layersWaiting = 0;
    };
  }, [mapRef, overlayRef, tiled]);
}

/** A pole, cover or case under a warning cell is picked before the cell: the cell stays pickable where nothing else is. */
function underCells<T extends { layer?: { id: string } | null; x: number; y: number }>(overlay: MapLibreOverlay | null, info: T): T {
  if (info.layer?.id !== 'warning-cells' || !overlay) return info;
  const under = overlay.pickMultipleObjects({ x: info.x, y: info.y, radius: 4, depth: 2 }).find((p) => p.layer?.id !== 'warning-cells');
  return (under as T | undefined) ?? info;
}

/** The warning drawn under a picked point (the early warnings' map layers), if that is what was picked. */
function warningAt(info: { layer?: { id: string } | null; object?: unknown }): WarningMark | null {
  return info.layer && WARNING_LAYER_IDS.includes(info.layer.id) && info.object ? (info.object as WarningMark) : null;
}

/** What a tooltip shows for a pole or cover drawn from the server's tiles under the pointer (none without them). */
function tiledHover(x: number, y: number): Hover | null {
  const map = activeMap();
  const hit = map && x >= 0 && y >= 0 ? tiledFeatureAt(map, { x, y }) : null;
  return hit ? { layer: hit.layer, index: -1, properties: hit.properties, x, y } : null;
}

function withoutTiled(input: MapLayerInput, tiled: readonly DomainLayerId[]): MapLayerInput {
  if (tiled.length === 0) return input;
  const display = { ...input.display };
  for (const id of tiled) display[id] = { ...display[id], visible: false };
  return { ...input, display };
}

/** A click opens the feature under the pointer (drawn by deck.gl or from the server's tiles); failing that, it selects the town clicked. */
export function useMapClicks(mapRef: MapRef, overlayRef: OverlayRef) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const onClick = (e: maplibregl.MapMouseEvent) => {
      const s = useAppStore.getState();
      const top = overlayRef.current?.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
      const picked = top && underCells(overlayRef.current, top);
      const warning = picked && warningAt(picked);
      if (warning) return openWarningTarget(warning.target);
      const layer = picked?.layer ? DOMAIN_LAYER_OF_DECK_LAYER[picked.layer.id] : undefined;
      const columns = layer && selectLayerColumns(s, layer);
      if (layer && columns && picked && picked.index >= 0) {
        const id = columns.idAt(sourceRowOf(picked.layer!.id, picked.index, columns));
        if (id) s.select({ layer, id });
        return;
      }
      // A pole or cover drawn from the server's tiles (source=server) opens like one deck.gl draws.
      const tiled = tiledFeatureAt(map, e.point);
      if (tiled) return s.select({ layer: tiled.layer, id: tiled.id });
      const town = map.getLayer('towns-fill') ? map.queryRenderedFeatures(e.point, { layers: ['towns-fill'] })[0] : undefined;
      const code = town?.properties.code as string | undefined;
      if (code && code !== s.filters.town) s.selectTown(code);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [mapRef, overlayRef]);
}

/** Selecting a town outlines it and frames it; clearing frames the district again. A road found by search is outlined too. */
export function useTownFocus(mapRef: MapRef) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const outline = () => {
      const s = useAppStore.getState();
      if (map.getLayer('towns-selected')) map.setFilter('towns-selected', townSelectionFilter(s.filters.town));
      if (map.getLayer('roads-highlight')) map.setFilter('roads-highlight', roadHighlightFilter(s.highlightedRoad));
    };
    const off = whenStyleReady(map, outline);
    const frame = (s: AppState, duration: number) => {
      const town = selectFeatures(s, 'towns').find((t) => t.properties.code === s.filters.town);
      const bounds = town ? (bbox(town) as [number, number, number, number]) : DISTRICT_BOUNDS;
      map.fitBounds(bounds, { padding: 40, duration });
    };
    // A link naming a town but no map view: frame the town once the towns have loaded, which may be
    // before the map exists (the data starts loading from the page's entry).
    const start = useAppStore.getState();
    if (start.filters.town && !start.mapView && selectFeatures(start, 'towns').length > 0) frame(start, 0);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.highlightedRoad !== prev.highlightedRoad) outline();
      const townsArrived = selectFeatures(s, 'towns') !== selectFeatures(prev, 'towns') && selectFeatures(s, 'towns').length > 0;
      if (townsArrived && s.filters.town && !s.mapView) frame(s, 0);
      if (s.filters.town === prev.filters.town) return;
      outline();
      // A restored view carries its own framing.
      if (s.viewJump !== prev.viewJump) return;
      frame(s, 800);
    });
    return () => {
      off();
      unsubscribe();
    };
  }, [mapRef]);
}

/** Search and other panels ask the map to frame an extent through the store. */
export function useViewRequests(mapRef: MapRef) {
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        const request = s.viewRequest;
        if (!request || request === prev.viewRequest) return;
        const [w, south, e, n] = request.bbox;
        mapRef.current?.fitBounds([w, south, e, n], { padding: 80, maxZoom: 17, duration: 800 });
      }),
    [mapRef],
  );
}
