import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCollectionTable } from '../data/decode';
import { useAppStore } from '../state/store';
import { encodeTable } from '../data/columnar/encodeTable';
import { keepDrawnGeometry } from '../data/columnar/keepGeometry';
import { withTriangles } from '../data/columnar/polygonTriangles';
import { featuresOf } from '../data/columnar/readTable';
import { buildDeckLayers } from './deckLayers';
import { selectMapInput } from './mapInput';

function load(id: 'towns' | 'patches') {
  const b = readFileSync(`public/data/${id}.geojson`);
  const decoded = decodeCollectionTable(id, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  if (!decoded.ok) throw new Error(decoded.error.message);
  useAppStore.getState().setCollection(id, { status: 'loaded', table: decoded.value.table, rejected: [], loadedAt: 0 });
}

describe('the deck.gl layers', () => {
  it('hand the patch layer the same data object on every build over the same table, so deck.gl does not tessellate and upload it again', () => {
    load('towns');
    load('patches');
    const patchLayer = () => buildDeckLayers(selectMapInput(useAppStore.getState())).find((l) => l.id === 'patches');
    const first = patchLayer();
    expect(first).toBeDefined();
    // A new time range (as the wall's moving window makes at each refresh) rebuilds the map input, not the data.
    useAppStore.getState().setTimeRange({ from: Date.parse('2024-01-01T00:00:00+08:00'), to: Date.parse('2025-01-01T00:00:00+08:00') });
    expect(patchLayer()!.props.data).toBe(first!.props.data);
  });

  it('draw the hot cells with the patch layer’s filter extension, passing every cell, so both share one compiled program', () => {
    load('towns');
    load('patches');
    useAppStore.getState().setHotCells([{ boundary: [[117.5, 36.7], [117.51, 36.7], [117.51, 36.71], [117.5, 36.7]], count: 3, share: 1 }]);
    const layers = buildDeckLayers(selectMapInput(useAppStore.getState()));
    const patches = layers.find((l) => l.id === 'patches')!;
    const cells = layers.find((l) => l.id === 'hot-cells')!;
    expect(cells.props.extensions).toEqual(patches.props.extensions);
    expect(cells.props.extensions[0]).toBe(patches.props.extensions[0]);
    const props = cells.props as unknown as { filterCategories: number[][]; getFilterCategory: () => number[]; filterRange: [number, number]; getFilterValue: () => number };
    props.getFilterCategory().forEach((category, channel) => expect(props.filterCategories[channel]).toContain(category));
    expect(props.getFilterValue()).toBeGreaterThanOrEqual(props.filterRange[0]);
    expect(props.getFilterValue()).toBeLessThanOrEqual(props.filterRange[1]);
  });

  it('hand deck.gl the patches as the decode worker left them: its triangles and the table’s own coordinates, nothing to triangulate', () => {
    load('towns');
    load('patches');
    const shown = useAppStore.getState().collections.patches;
    if (shown?.status !== 'loaded') throw new Error('patches not loaded');
    const table = withTriangles(shown.table);
    useAppStore.getState().setCollection('patches', { ...shown, table });
    const layers = buildDeckLayers(selectMapInput(useAppStore.getState()));
    const fill = layers.find((l) => l.id === 'patches')!;
    const data = fill.props.data as unknown as { length: number; startIndices: Uint32Array; attributes: { getPolygon: { value: Float64Array }; indices: Uint32Array } };
    expect(fill.props).toMatchObject({ _normalize: false });
    expect(data.length).toBe(table.length);
    expect(data.attributes.indices).toBe(table.triangles);
    expect(data.attributes.getPolygon.value).toBe(table.geometry.coordinates);
    // Each feature's vertices are its own positions: the first patch's start where its first ring does.
    expect(data.startIndices[1]).toBe(table.geometry.offsets!.positions[table.geometry.offsets!.rings[table.geometry.offsets!.parts[1]]]);
    // The outlines are the same coordinates, a path per ring.
    const outline = layers.find((l) => l.id === 'patches-outline')!;
    const outlineData = outline.props.data as unknown as { length: number; attributes: { getPath: { value: Float64Array } } };
    expect(outlineData.attributes.getPath.value).toBe(table.geometry.coordinates);
    expect(outlineData.length).toBe(table.geometry.offsets!.rings[table.geometry.offsets!.parts[table.length]]);
  });

  it('hand deck.gl the same patch data after a refresh that kept every shape, with the colours to write again', () => {
    load('towns');
    load('patches');
    const patchLayer = () => buildDeckLayers(selectMapInput(useAppStore.getState())).find((l) => l.id === 'patches')!;
    const before = patchLayer();
    const shown = useAppStore.getState().collections.patches;
    if (shown?.status !== 'loaded') throw new Error('patches not loaded');
    // The same collection read again with one patch verified: a new table, every shape as it was.
    const features = featuresOf(shown.table);
    const row = features.findIndex((f) => (f.properties as { status: string }).status === 'pending');
    Object.assign(features[row].properties as object, { status: 'falsePositive', verifiedAt: (features[row].properties as { detectedAt: string }).detectedAt });
    const fresh = keepDrawnGeometry(shown.table, encodeTable('patches', features));
    useAppStore.getState().setCollection('patches', { ...shown, table: fresh, loadedAt: 1 });
    const after = patchLayer();
    expect(after.props.data).toBe(before.props.data);
    expect(after.props.updateTriggers.getFillColor).toBe(fresh);
    expect(before.props.updateTriggers.getFillColor).toBe(shown.table);
    const color = (layer: typeof after) => (layer.props as unknown as { getFillColor: (o: null, info: { index: number }) => number[] }).getFillColor(null, { index: row });
    expect(color(after)).not.toEqual(color(before));
  });
});
