import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCollectionTable } from '../data/decode';
import { useAppStore } from '../state/store';
import { encodeTable } from '../data/columnar/encodeTable';
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

  it('tell deck.gl which patches a refresh changed, so it rebuilds those rows and not the layer', () => {
    load('towns');
    load('patches');
    const patchLayer = () => buildDeckLayers(selectMapInput(useAppStore.getState())).find((l) => l.id === 'patches')!;
    const before = patchLayer();
    const shown = useAppStore.getState().collections.patches;
    if (shown?.status !== 'loaded') throw new Error('patches not loaded');
    // The same collection read again, with one patch verified: a new table, one row different.
    const features = featuresOf(shown.table);
    const row = features.findIndex((f) => (f.properties as { status: string }).status === 'pending');
    Object.assign(features[row].properties as object, { status: 'falsePositive', verifiedAt: (features[row].properties as { detectedAt: string }).detectedAt });
    useAppStore.getState().setCollection('patches', { status: 'loaded', table: encodeTable('patches', features), rejected: [], loadedAt: 1 });
    const after = patchLayer();
    expect(after.props.data).not.toBe(before.props.data);
    expect(after.props._dataDiff!(after.props.data, before.props.data)).toEqual([{ startRow: row, endRow: row + 1 }]);
    // No trigger names the table: a trigger would rebuild every row whatever the diff says.
    expect(Object.values(after.props.updateTriggers)).not.toContain(shown.table);
  });
});
