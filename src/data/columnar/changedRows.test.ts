import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCollection } from '../decode';
import { changedRows } from './changedRows';
import { encodeTable, type EncodableFeature } from './encodeTable';
import { featuresOf } from './readTable';
import { timeText } from './timeText';

const patches = (() => {
  const body = readFileSync('public/data/patches.geojson');
  const decoded = decodeCollection('patches', body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value.features.slice(0, 200) as unknown as EncodableFeature[];
})();
const copy = () => structuredClone(patches);
const table = (features: EncodableFeature[]) => encodeTable('patches', features);
type Props = Record<string, unknown>;

describe('changed rows between two reads of a collection', () => {
  it('are none when nothing changed, though the dictionaries are ordered differently', () => {
    expect(changedRows(table(patches), table(copy()))).toEqual([]);
    // Another read may list a class's values in another order: every code differs, no value does.
    const a = table(patches);
    const status = a.properties.status;
    if (status.kind !== 'string') throw new Error('status is not text');
    const dictionary = [...status.dictionary].reverse();
    const b = { ...a, properties: { ...a.properties, status: { ...status, dictionary, codes: status.codes.map((c) => dictionary.length - 1 - c) } } };
    expect(featuresOf(b)).toEqual(featuresOf(a));
    expect(changedRows(a, b)).toEqual([]);
  });

  it('name a row whose class moved on, and nothing else', () => {
    const next = copy();
    (next[17].properties as Props).greenedM2 = 12.5;
    (next[40].properties as Props).village = 'elsewhere';
    expect(changedRows(table(patches), table(next))).toEqual([
      { startRow: 17, endRow: 18 },
      { startRow: 40, endRow: 41 },
    ]);
  });

  it('name a row whose time changed by a second or became null', () => {
    const next = copy();
    const p = next[3].properties as Props;
    p.deadline = timeText(Date.parse(String(p.deadline)) + 1000, 8 * 60, false);
    const disposed = next.findIndex((f) => (f.properties as Props).disposedAt !== null && (f.properties as Props).status !== 'legalised');
    (next[disposed].properties as Props).disposedAt = null;
    const b = table(next);
    expect(b.properties.deadline.kind).toBe('time');
    expect(changedRows(table(patches), b)).toEqual([3, disposed].sort((x, y) => x - y).map((i) => ({ startRow: i, endRow: i + 1 })));
  });

  it('name a polygon moved by one coordinate, or given one more vertex', () => {
    const next = copy();
    const ring = (next[5].geometry as { coordinates: number[][][] }).coordinates[0];
    ring[1] = [ring[1][0] + 1e-9, ring[1][1]];
    const ring2 = (next[9].geometry as { coordinates: number[][][] }).coordinates[0];
    ring2.splice(1, 0, ring2[1]);
    expect(changedRows(table(patches), table(next))).toEqual([
      { startRow: 5, endRow: 6 },
      { startRow: 9, endRow: 10 },
    ]);
  });

  it('add the appended rows as one range, joined to a change just before it', () => {
    // New ids written as the source writes its own: the same prefix, further serial numbers.
    const newId = (k: number) => String((patches[0].properties as Props).id).replace(/\d+$/, (digits) => String(90_000 + k).padStart(digits.length, '0'));
    const next = [...copy(), ...copy().slice(0, 3).map((f, k) => ({ ...f, id: newId(k), properties: { ...(f.properties as Props), id: newId(k) } }))];
    expect(table(next).properties.id.kind).toBe(table(patches).properties.id.kind);
    expect(changedRows(table(patches), table(next))).toEqual([{ startRow: 200, endRow: 203 }]);
    (next[199].properties as Props).village = 'x';
    expect(changedRows(table(patches), table(next))).toEqual([{ startRow: 199, endRow: 203 }]);
  });

  it('are all rows (null) when rows were removed, reordered or a column added', () => {
    expect(changedRows(table(patches), table(patches.slice(1)))).toBeNull();
    const swapped = copy();
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(changedRows(table(patches), table(swapped))).toBeNull();
    const extra = copy().map((f) => ({ ...f, properties: { ...(f.properties as Props), note: 'x' } }));
    expect(changedRows(table(patches), table(extra))).toBeNull();
  });

  it('are all rows (null) past the most ranges worth patching', () => {
    const next = copy();
    for (let i = 0; i < next.length; i += 2) (next[i].properties as Props).greenedM2 = 999;
    expect(changedRows(table(patches), table(next), 50)).toBeNull();
    expect(changedRows(table(patches), table(next), 100)).toHaveLength(100);
  });
});
