import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeTable, type EncodableFeature } from './encodeTable';
import { tableBuffers } from './featureTable';
import { featuresOf } from './readTable';
import { packTable, shareTable } from './shareTable';

const features: EncodableFeature[] = [
  { geometry: { type: 'Polygon', coordinates: [[[117, 36], [117.1, 36], [117.1, 36.1], [117, 36]]] }, properties: { id: 'P-1', n: 1, t: '2021-01-01T00:00:00+08:00', s: 'a', b: true, j: [1] } },
  { geometry: null, properties: { id: 'P-2', n: null, s: 'b', b: false, j: { x: 1 } } },
  { geometry: { type: 'MultiPolygon', coordinates: [[[[118, 36], [118.1, 36], [118.1, 36.1], [118, 36]]]] }, properties: { id: 'P-3', n: 2.5, t: null, s: 'a', b: null } },
];

afterEach(() => vi.unstubAllGlobals());

describe('a table in one shared buffer', () => {
  it('holds the same features, every array a view of one buffer at an 8-byte boundary', () => {
    const table = encodeTable('patches', features);
    const packed = packTable(table, (bytes) => new SharedArrayBuffer(bytes));
    expect(featuresOf(packed)).toEqual(featuresOf(table));
    const views = [packed.geometry.types, packed.geometry.coordinates, packed.geometry.offsets!.parts, packed.properties.n.missing!];
    for (const v of views) {
      expect(v.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(v.byteOffset % 8).toBe(0);
    }
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    // Nothing to transfer: shared memory is posted, not moved.
    expect(tableBuffers(packed)).toEqual([]);
  });

  it('is made only where the page is cross-origin isolated', () => {
    const table = encodeTable('patches', features);
    expect(shareTable(table)).toBe(table);
    vi.stubGlobal('crossOriginIsolated', true);
    const shared = shareTable(table);
    expect(shared.geometry.coordinates.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(featuresOf(shared)).toEqual(featuresOf(table));
  });
});
