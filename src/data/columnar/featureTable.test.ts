import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COLLECTION_IDS } from '../../layers/registry';
import { decodeCollection } from '../decode';
import { concatTables } from './concatTables';
import { encodeTable, type EncodableFeature } from './encodeTable';
import { tableBuffers } from './featureTable';
import { tableFingerprint } from './tableFingerprint';
import { anchorAt, featureAt, featuresOf, idAt, rowOfId } from './readTable';
import { readTimeText, timeText } from './timeText';

const point = (id: string | number | undefined, properties: Record<string, unknown>, coordinates: number[] = [117.5, 36.7]): EncodableFeature => ({
  ...(id === undefined ? {} : { id }),
  geometry: { type: 'Point', coordinates },
  properties,
});

/** What a GeoJSON reader sees: key order does not matter, undefined members do not exist. */
const asJson = (features: unknown) => JSON.parse(JSON.stringify(features)) as unknown;

describe('feature tables', () => {
  it('give back every bundled collection feature for feature', () => {
    for (const id of COLLECTION_IDS) {
      const body = readFileSync(`public/data/${id}.geojson`);
      const decoded = decodeCollection(id, body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const { features } = decoded.value;
      const table = encodeTable(id, features);
      expect(table.length).toBe(features.length);
      expect(featuresOf(table)).toEqual(asJson(features));
    }
  });

  it('keep time fields as numbers and class fields as codes with a dictionary', () => {
    const body = readFileSync('public/data/lamp-faults.geojson');
    const decoded = decodeCollection('lamp-faults', body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const table = encodeTable('lamp-faults', decoded.value.features);
    expect(table.properties.reportedAt.kind).toBe('time');
    expect(table.properties.closedAt.kind).toBe('time');
    expect(table.properties.cause.kind).toBe('string');
    expect(table.properties.lampsAffected.kind).toBe('number');
    const cause = table.properties.cause;
    if (cause.kind !== 'string') throw new Error('cause is not text');
    expect(cause.dictionary.length).toBeLessThan(20);
    expect(table.ids).toBeNull();
    expect(table.geometry.offsets).toBeNull();
  });

  it('tell null from an absent member, and keep a member whose values mix types', () => {
    const features = [
      point('a', { id: 'a', n: 1, t: null, mixed: 3, flag: true, seat: [1, 2] }),
      point('b', { id: 'b', t: '2021-01-01T00:00:00+08:00', mixed: 'three', flag: null }),
      point('c', { id: 'c', n: null, mixed: null, seat: { x: 1 } }),
    ];
    const table = encodeTable('lamps', features);
    expect(table.properties.mixed.kind).toBe('json');
    expect(table.properties.t.kind).toBe('time');
    expect(featuresOf(table)).toEqual(asJson(features.map((f) => ({ type: 'Feature', ...f }))));
    expect(Object.prototype.hasOwnProperty.call(featureAt(table, 1).properties, 'n')).toBe(false);
    expect(featureAt(table, 2).properties).toHaveProperty('n', null);
  });

  it('keep time text that would not come back letter for letter as text', () => {
    const features = [point('a', { id: 'a', t: '2021-01-01T00:00:00+08:00' }), point('b', { id: 'b', t: '2021-01-01T00:00:00Z' })];
    expect(encodeTable('lamps', features).properties.t.kind).toBe('string');
    expect(encodeTable('lamps', [point('a', { id: 'a', t: '2021-02-30T00:00:00+08:00' })]).properties.t.kind).toBe('string');
    expect(encodeTable('lamps', [point('a', { id: 'a', t: '2021-01-01T00:00:00.250-03:30' })]).properties.t.kind).toBe('time');
    const read = readTimeText('2024-02-29T23:59:59.999-03:30');
    expect(read && timeText(read.epochMs, read.offsetMinutes, read.millis)).toBe('2024-02-29T23:59:59.999-03:30');
  });

  it('keep ids that differ from properties.id, numeric ids and missing ids', () => {
    const features = [point(7, { id: 'a' }), point(undefined, { id: 'b' }), point('x', { name: 'no own id' })];
    const table = encodeTable('lamps', features);
    expect(table.ids).not.toBeNull();
    expect(featuresOf(table)).toEqual(asJson(features.map((f) => ({ type: 'Feature', ...f }))));
    expect([idAt(table, 0), idAt(table, 1), idAt(table, 2)]).toEqual(['a', 'b', 'x']);
    expect(rowOfId(table, 'x')).toBe(2);
  });

  it('keep every geometry type, holes, altitudes and null geometries', () => {
    const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const hole = [[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]];
    const geometries: Feature['geometry'][] = [
      { type: 'Point', coordinates: [1, 2, 30] },
      { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
      { type: 'LineString', coordinates: [[1, 2], [3, 4], [5, 6]] },
      { type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] },
      { type: 'Polygon', coordinates: [ring, hole] },
      { type: 'MultiPolygon', coordinates: [[ring, hole], [ring]] },
    ];
    const features: EncodableFeature[] = [...geometries.map((geometry, i) => ({ id: `g${i}`, geometry, properties: { id: `g${i}` } })), { id: 'none', geometry: null, properties: { id: 'none' } }];
    const table = encodeTable('patches', features);
    expect(table.geometry.dimensions).toBe(3);
    expect(featuresOf(table)).toEqual(asJson(features.map((f) => ({ type: 'Feature', ...f }))));
    expect(anchorAt(table.geometry, 4)).toEqual([0, 0]);
    expect(anchorAt(table.geometry, 6).every(Number.isNaN)).toBe(true);
  });

  it('join two tables into the table of both, whatever their columns', () => {
    const a = [point('a', { id: 'a', n: 1, kind: 'x', t: '2021-01-01T00:00:00+08:00' }), point('b', { id: 'b', n: 2, kind: 'y', t: null })];
    const b: EncodableFeature[] = [
      point('c', { id: 'c', n: 'three', kind: 'y', extra: true }),
      { id: 'd', geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4, 5]] }, properties: { id: 'd', kind: 'z', t: '2022-01-01T00:00:00+08:00' } },
    ];
    const joined = concatTables(encodeTable('lamps', a), encodeTable('lamps', b));
    expect(featuresOf(joined)).toEqual(asJson([...a, ...b].map((f) => ({ type: 'Feature', ...f }))));
    const twice = concatTables(joined, encodeTable('lamps', a));
    expect(featuresOf(twice).map((f) => f.id)).toEqual(['a', 'b', 'c', 'd', 'a', 'b']);
  });

  it('list every buffer once, to transfer', () => {
    const table = encodeTable('lamps', [point('a', { id: 'a', n: null, s: 'x' })]);
    const buffers = tableBuffers(table);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBeGreaterThanOrEqual(4);
  });
});

describe('numbered text', () => {
  it('keeps mostly distinct ids as prefix and number, and gives back every one letter for letter', () => {
    const ids = ['LF-2021-000001', 'LF-2021-000002', 'LF-2022-000010', 'X9', 'LF-2021-0', 'A-000000000000007'];
    const features = ids.map((id, i) => point(id, { id, assetId: `LD-${String(i).padStart(3, '0')}-00001` }));
    const table = encodeTable('lamp-faults', features);
    expect(table.properties.id.kind).toBe('numbered');
    expect(table.properties.assetId.kind).toBe('numbered');
    expect(featuresOf(table)).toEqual(asJson(features.map((f) => ({ type: 'Feature', ...f }))));
    expect(rowOfId(table, 'LF-2022-000010')).toBe(2);
    // The same number written with other leading zeros is another id.
    expect(rowOfId(table, 'LF-2022-10')).toBeUndefined();
    expect(rowOfId(table, 'LF-2021-0')).toBe(4);
  });

  it('keeps text without a trailing number, or repeated, in a dictionary', () => {
    const table = encodeTable('lamps', [point('a', { id: 'a', road: '经十路', code: '370114001' }), point('b', { id: 'b', road: '经十路', code: '370114001' })]);
    expect(table.properties.id.kind).toBe('string');
    expect(table.properties.road.kind).toBe('string');
    expect(table.properties.code.kind).toBe('string');
  });

  it('joins two numbered columns with other prefixes into one', () => {
    const a = encodeTable('lamps', ['A-01', 'A-02', 'A-03'].map((id) => point(id, { id })));
    const b = encodeTable('lamps', ['B-1', 'A-04', 'B-2'].map((id) => point(id, { id })));
    const joined = concatTables(a, b);
    expect(joined.properties.id.kind).toBe('numbered');
    expect(featuresOf<'lamps'>(joined).map((f) => f.properties.id)).toEqual(['A-01', 'A-02', 'A-03', 'B-1', 'A-04', 'B-2']);
  });

  it('keeps members named like Object.prototype members as members', () => {
    const features = [point('a', JSON.parse('{"id":"a","constructor":1,"__proto__":{"x":1}}') as Record<string, unknown>), point('b', { id: 'b' })];
    const table = encodeTable('lamps', features);
    const back = featuresOf(table);
    expect(Object.keys(back[0].properties)).toEqual(expect.arrayContaining(['constructor', '__proto__']));
    expect(Object.prototype.hasOwnProperty.call(back[1].properties, 'constructor')).toBe(false);
    expect(Object.getPrototypeOf(back[0].properties)).toBe(Object.prototype);
  });
});

describe('table fingerprints', () => {
  const base = () => [point('LF-1', { id: 'LF-1', status: 'open', at: '2021-01-01T00:00:00+08:00', n: 1 }), point('LF-2', { id: 'LF-2', status: 'closed', at: null, n: 2 })];
  it('are equal for equal contents and differ when any value, position or member does', () => {
    const fp = (features: EncodableFeature[]) => tableFingerprint(encodeTable('lamp-faults', features));
    const same = fp(base());
    expect(fp(base())).toBe(same);
    const changes: ((f: EncodableFeature[]) => void)[] = [
      (f) => (f[1].properties!.status = 'open'),
      (f) => (f[0].properties!.at = '2021-01-01T00:01:00+08:00'),
      (f) => (f[1].properties!.at = '2021-01-01T00:00:00+08:00'),
      (f) => (f[0].properties!.n = 1.5),
      (f) => ((f[0].geometry as { coordinates: number[] }).coordinates = [117.5, 36.70001]),
      (f) => delete f[0].properties!.n,
      (f) => (f[0].properties!.extra = true),
      (f) => f.pop(),
    ];
    for (const change of changes) {
      const features = base();
      change(features);
      expect(fp(features)).not.toBe(same);
    }
  });
});
