import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../decode';
import { encodeTable, type EncodableFeature } from './encodeTable';
import { featuresOf } from './readTable';
import { takeRows } from './takeRows';
import { upsertRows } from './upsertRows';
import { publishCaseChanges, type CaseFeature } from '../../../test/support/caseChanges';

const asJson = (features: unknown) => JSON.parse(JSON.stringify(features)) as unknown;
const withType = (features: EncodableFeature[]) => asJson(features.map((f) => ({ type: 'Feature', ...f })));

const square = (x: number, y: number, size = 0.01) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const patch = (id: string, status: string | null, x: number, extra: Record<string, unknown> = {}): EncodableFeature => ({
  id,
  geometry: { type: 'Polygon', coordinates: [square(x, 36.7), square(x + 0.002, 36.702, 0.002)] },
  properties: { id, status, ...extra },
});
const multi = (id: string, status: string): EncodableFeature => ({
  id,
  geometry: { type: 'MultiPolygon', coordinates: [[square(117.1, 36.6)], [square(117.2, 36.6)]] },
  properties: { id, status },
});
const noGeometry = (id: string): EncodableFeature => ({ id, geometry: null, properties: { id, status: 'pending' } });

describe('takeRows', () => {
  it('gathers rows in the order given, geometry part by part, a row as often as asked', () => {
    const features = [patch('a', 'pending', 117.1), multi('b', 'verified'), noGeometry('c'), patch('d', null, 117.3, { areaM2: 12.5 })];
    const table = encodeTable('patches', features);
    const rows = [3, 1, 1, 2, 0];
    expect(featuresOf(takeRows(table, Uint32Array.from(rows)))).toEqual(withType(rows.map((i) => features[i])));
  });

  it('gathers points held without offsets', () => {
    const features = [0, 1, 2].map((i): EncodableFeature => ({ id: `p${i}`, geometry: { type: 'Point', coordinates: [117 + i, 36, i === 1 ? 40 : NaN].slice(0, i === 1 ? 3 : 2) }, properties: { id: `p${i}` } }));
    const table = encodeTable('lamps', features);
    expect(featuresOf(takeRows(table, Uint32Array.from([2, 0])))).toEqual(withType([features[2], features[0]]));
    expect(featuresOf(takeRows(table, Uint32Array.from([1])))).toEqual(withType([features[1]]));
  });
});

describe('upsertRows', () => {
  it('replaces a feature it holds where it stands and appends a new one: the whole read after the change, row for row', () => {
    const base = [patch('a', 'pending', 117.1), multi('b', 'verified'), patch('c', 'pending', 117.3)];
    const changes = [patch('c', 'disposed', 117.3, { disposedAt: '2026-11-02T09:00:00+08:00' }), patch('e', 'pending', 117.5), multi('a', 'rectifying')];
    const after = [changes[2], base[1], changes[0], changes[1]];
    const upserted = upsertRows(encodeTable('patches', base), encodeTable('patches', changes));
    expect(featuresOf(upserted.table)).toEqual(withType(after));
    expect(featuresOf(upserted.table)).toEqual(featuresOf(encodeTable('patches', after)));
    expect(upserted.updated).toBe(2);
    expect(upserted.added).toBe(1);
  });

  it('takes the last of an id the changes hold twice, and appends new ones in the order they came', () => {
    const base = [patch('a', 'pending', 117.1)];
    const changes = [patch('z', 'pending', 117.2), patch('a', 'verified', 117.1), patch('y', 'pending', 117.4), patch('a', 'disposed', 117.1), patch('z', 'verified', 117.2)];
    const upserted = upsertRows(encodeTable('patches', base), encodeTable('patches', changes));
    expect(featuresOf(upserted.table)).toEqual(withType([changes[3], changes[4], changes[2]]));
    expect(upserted).toMatchObject({ updated: 1, added: 2 });
  });

  it('gives back the table itself when there is no change', () => {
    const base = encodeTable('patches', [patch('a', 'pending', 117.1)]);
    expect(upsertRows(base, encodeTable('patches', [])).table).toBe(base);
  });

  it('writes a day of changes into the bundled lamp faults exactly as a whole read of the changed file', () => {
    const file = JSON.parse(readFileSync('public/data/lamp-faults.geojson', 'utf8')) as { features: CaseFeature[] };
    const read = (features: unknown[]) => {
      const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
      const decoded = decodeFile('lamp-faults', bytes.buffer as ArrayBuffer);
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(decoded.value.rejected).toEqual([]);
      return decoded.value.table;
    };
    const base = read(file.features);
    const published = publishCaseChanges('lamp-faults', file.features, 1, 20, 5);
    const upserted = upsertRows(base, read(published));
    expect(upserted).toMatchObject({ updated: 20, added: 5 });
    expect(featuresOf(upserted.table)).toEqual(featuresOf(read(file.features)));
  });
});
