import { describe, expect, it } from 'vitest';
import { loadBundled as load } from '../../test/unit/support/bundledCollections';
import { useAppStore } from '../state/store';
import { encodeTable } from '../data/columnar/encodeTable';
import { keepDrawnGeometry } from '../data/columnar/keepGeometry';
import { withTriangles } from '../data/columnar/polygonTriangles';
import { featuresOf } from '../data/columnar/readTable';
import { buildDeckLayers } from './deckLayers';
import { selectMapInput } from './mapInput';


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

  it('hand deck.gl the same patch shapes after a refresh that kept every shape, with new colours per vertex', () => {
    load('towns');
    load('patches');
    const patchLayers = () => buildDeckLayers(selectMapInput(useAppStore.getState())).filter((l) => l.id === 'patches' || l.id === 'patches-outline');
    const before = patchLayers();
    const shown = useAppStore.getState().collections.patches;
    if (shown?.status !== 'loaded') throw new Error('patches not loaded');
    // The same collection read again with one patch verified: a new table, every shape as it was.
    const features = featuresOf(shown.table);
    const row = features.findIndex((f) => (f.properties as { status: string }).status === 'pending');
    Object.assign(features[row].properties as object, { status: 'falsePositive', verifiedAt: (features[row].properties as { detectedAt: string }).detectedAt });
    const fresh = keepDrawnGeometry(shown.table, encodeTable('patches', features));
    useAppStore.getState().setCollection('patches', { ...shown, table: fresh, loadedAt: 1 });
    const after = patchLayers();
    type Data = { startIndices: Uint32Array; attributes: Record<string, { value: ArrayLike<number> } | Uint32Array> };
    const dataOf = (layer: (typeof after)[number]) => layer.props.data as unknown as Data;
    for (const [k, layer] of after.entries()) {
      // deck.gl compares data with the layer's dataComparator: the same shapes are the same data, so it keeps its tessellation.
      const same = layer.props.dataComparator as (a: unknown, b: unknown) => boolean;
      expect(same(layer.props.data, before[k].props.data), layer.id).toBe(true);
      expect(dataOf(layer).startIndices).toBe(dataOf(before[k]).startIndices);
    }
    const fill = (layer: (typeof after)[number], vertex: number) => Array.from((dataOf(layer).attributes.fillColors as { value: Uint8Array }).value.subarray(vertex * 4, vertex * 4 + 4));
    const [first, end] = [dataOf(after[0]).startIndices[row], dataOf(after[0]).startIndices[row + 1]];
    expect(end).toBeGreaterThan(first);
    // Every vertex of the verified patch takes its new colour, and only its vertices change.
    for (let v = first; v < end; v++) expect(fill(after[0], v)).not.toEqual(fill(before[0], v));
    expect(fill(after[0], end)).toEqual(fill(before[0], end));
    // Each vertex carries its patch's colour, outline colour and filter values, as the drawn columns hold them per patch.
    const columns = selectMapInput(useAppStore.getState()).columns.patches!;
    const colour = Array.from(columns.style.fill.subarray(row * 4, row * 4 + 4));
    const attributes = dataOf(after[1]).attributes as Record<string, { value: ArrayLike<number> }>;
    for (let v = first; v < end; v++) {
      expect(fill(after[0], v)).toEqual(colour);
      expect(Array.from(attributes.instanceColors.value as Uint8Array).slice(v * 4, v * 4 + 4)).toEqual([...colour.slice(0, 3).map((c) => Math.round(c * 0.6)), 255]);
      expect(Array.from(attributes.filterCategoryValues.value as Uint8Array).slice(v * columns.channels, (v + 1) * columns.channels)).toEqual(Array.from(columns.categories.subarray(row * columns.channels, (row + 1) * columns.channels)));
      expect(attributes.filterValues.value[v]).toBe(columns.minutes[row]);
    }
  });
});
