import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCollectionTable } from '../data/decode';
import { useAppStore } from '../state/store';
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
});
