/**
 * The map benchmark's page: one way of drawing the street lamps and manhole covers per page load,
 * timed from parsed GeoJSON to the first drawn frame, then frames per second while panning.
 *   app:   the dashboard's own layers (columns built from the features, binary attributes, GPU filters)
 *   floor: one bare ScatterplotLayer fed the same points as ready-made binary positions
 *   naive: a GeoJsonLayer on the parsed GeoJSON objects
 *   none:  no points at all: what the map alone costs on this machine
 */
import { encodeTable, type EncodableFeature } from '../../src/data/columnar/encodeTable';
import { emptyTable } from '../../src/data/columnar/featureTable';
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Feature, FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { DOMAIN_LAYERS } from '../../src/layers/registry';
import { layerFilterMasks } from '../../src/map/columns/filterMasks';
import { buildLayerColumns } from '../../src/map/columns/layerColumns';
import { buildDeckLayers } from '../../src/map/deckLayers';
import { noFilters } from '../../src/state/filters';

maplibregl.setWorkerUrl(workerUrl);

export type Mode = 'app' | 'floor' | 'naive' | 'none';
export interface BenchResult {
  points: number;
  firstFrameMs: number;
  /** Of the first frame, the time spent making the layers (columns, colours) before deck.gl takes them. */
  layersMs: number;
  fps: number;
}

declare global {
  interface Window {
    runBench(mode: Mode, dataDir: string, panSeconds: number): Promise<BenchResult>;
  }
}

const nextRender = (map: maplibregl.Map) =>
  new Promise<void>((resolve) => {
    map.once('render', () => resolve());
    map.triggerRepaint();
  });

async function fetchJson<T>(url: string): Promise<T> {
  return (await fetch(url)).json() as Promise<T>;
}

function layersFor(mode: Mode, lampFeatures: Feature<Point>[], coverFeatures: Feature<Point>[], townCodes: string[], floorPositions: Float32Array | null): Layer[] {

  if (mode === 'app') {
    const filters = noFilters();
    const lampTable = encodeTable('lamps', lampFeatures as EncodableFeature[]);
    const lampColumns = buildLayerColumns('streetLamps', lampTable, townCodes);
    const manholeColumns = buildLayerColumns('manholes', encodeTable('manholes', coverFeatures as EncodableFeature[]), townCodes);
    return buildDeckLayers({
      towns: [],
      patches: emptyTable('patches'),
      hotCells: null,
      warningMarks: null,
      labelSize: 15,
      patchOutlines: false,
      columns: { streetLamps: lampColumns, manholes: manholeColumns, patches: null, railway: null },
      masks: {
        streetLamps: layerFilterMasks('streetLamps', filters, townCodes),
        manholes: layerFilterMasks('manholes', filters, townCodes),
        patches: layerFilterMasks('patches', filters, townCodes),
        railway: layerFilterMasks('railway', filters, townCodes),
      },
      display: { streetLamps: { visible: true, opacity: 1 }, manholes: { visible: true, opacity: 1 }, patches: { visible: true, opacity: 1 }, railway: { visible: true, opacity: 1 } },
      selected: { streetLamps: -1, manholes: -1, patches: -1, railway: -1 },
      theme: 'light',
      lang: 'zh',
    }).filter((l) => l.id !== 'town-labels');
  } else if (mode === 'none') {
    return [];
  } else if (mode === 'floor') {
    return [
      new ScatterplotLayer({
        id: 'floor',
        data: { length: floorPositions!.length / 3, attributes: { getPosition: { value: floorPositions!, size: 3 } } },
        getFillColor: [255, 196, 0, 220],
        getRadius: 4,
        radiusMinPixels: 1.2,
        radiusMaxPixels: 10,
      }),
    ];
  } else {
    const lampColors = DOMAIN_LAYERS.streetLamps.style.colors as Record<string, readonly number[]>;
    const coverColors = DOMAIN_LAYERS.manholes.style.colors as Record<string, readonly number[]>;
    return [
      new GeoJsonLayer({
        id: 'naive',
        data: { type: 'FeatureCollection', features: [...coverFeatures, ...lampFeatures] } as FeatureCollection,
        pointType: 'circle',
        getFillColor: (f: Feature) => {
          const p = f.properties as Record<string, string>;
          return [...(p.kind ? coverColors[p.kind] : lampColors[p.status])] as [number, number, number, number];
        },
        getPointRadius: 4,
        pointRadiusMinPixels: 1.2,
        pointRadiusMaxPixels: 10,
        pickable: true,
      }),
    ];
  }
}

window.runBench = async (mode, dataDir, panSeconds) => {
  const [towns, lamps, manholes] = await Promise.all([
    fetchJson<FeatureCollection>(`${dataDir}/towns.geojson`),
    fetchJson<FeatureCollection<Point>>(`${dataDir}/lamps.geojson`),
    fetchJson<FeatureCollection<Point>>(`${dataDir}/manholes.geojson`),
  ]);
  const townCodes = towns.features.map((t) => String(t.properties!.code)).sort();
  const map = new maplibregl.Map({
    container: 'map',
    style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef1f4' } }] },
    center: [117.53, 36.72],
    zoom: 11,
    canvasContextAttributes: { antialias: true },
  });
  await new Promise<void>((r) => map.once('load', () => r()));
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  await nextRender(map);

  // Shaders are compiled on a small slice first, so the timing below is about the data, as in the
  // dashboard (whose layers exist before the big collections arrive).
  const floorOf = (features: Feature<Point>[]) => (mode === 'floor' ? Float32Array.from(features.flatMap((f) => [f.geometry.coordinates[0], f.geometry.coordinates[1], 0])) : null);
  const [lampSlice, coverSlice] = [lamps.features.slice(0, 100), manholes.features.slice(0, 100)];
  overlay.setProps({ layers: layersFor(mode, lampSlice, coverSlice, townCodes, floorOf([...lampSlice, ...coverSlice])) });
  await nextRender(map);
  await nextRender(map);
  // The floor's binary positions are made before the clock starts: it is the floor.
  const floorPositions = floorOf([...lamps.features, ...manholes.features]);

  const started = performance.now();
  const layers = layersFor(mode, lamps.features, manholes.features, townCodes, floorPositions);
  const layersMs = performance.now() - started;
  overlay.setProps({ layers });
  await nextRender(map);
  // Wait for the GPU to finish the frame, so the time covers drawing, not only submitting it.
  const gl = map.getCanvas().getContext('webgl2')!;
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const firstFrameMs = performance.now() - started;

  // Pan in a circle, one step per animation frame, and count the frames the map rendered.
  let frames = 0;
  const onRender = () => frames++;
  map.on('render', onRender);
  const center = map.getCenter();
  const panStart = performance.now();
  await new Promise<void>((resolve) => {
    const step = () => {
      const t = (performance.now() - panStart) / 1000;
      if (t >= panSeconds) return resolve();
      map.jumpTo({ center: [center.lng + 0.03 * Math.cos(t * 2), center.lat + 0.02 * Math.sin(t * 2)] });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  map.off('render', onRender);
  const fps = frames / ((performance.now() - panStart) / 1000);
  return { points: lamps.features.length + manholes.features.length, firstFrameMs, layersMs, fps };
};
