import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_IDS, type CollectionId } from '../../layers/registry';
import { decodeCollectionTable, decodeColumnsFile } from '../decode';
import { tableFromArrow, tableToArrow } from './arrowFile';
import { encodeTable, type EncodableFeature } from './encodeTable';
import type { FeatureTable } from './featureTable';
import { featuresOf } from './readTable';

const bytesOf = (path: string) => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

function bundledTable(id: CollectionId): FeatureTable {
  const decoded = decodeCollectionTable(id, bytesOf(`public/data/${id}.geojson`));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value.table;
}

const arrowOf = (table: FeatureTable) => tableToArrow(table, COLLECTIONS[table.collection].geometry).slice().buffer;

const decodedArrow = (table: FeatureTable) => {
  const decoded = decodeColumnsFile(table.collection, arrowOf(table));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
};

/** A table of the first rows of a bundled collection, to tamper with. */
function firstRows(id: CollectionId, n: number): FeatureTable {
  const table = bundledTable(id);
  return encodeTable(id, featuresOf(table, Array.from({ length: n }, (_, i) => i)));
}

describe('Arrow files of columns', () => {
  it('give back every bundled collection feature for feature, with the fingerprint of its GeoJSON', () => {
    for (const id of COLLECTION_IDS) {
      const fromGeoJson = decodeCollectionTable(id, bytesOf(`public/data/${id}.geojson`));
      if (!fromGeoJson.ok) throw new Error(fromGeoJson.error.message);
      const fromArrow = decodeColumnsFile(id, bytesOf(`public/data/${id}.arrow`));
      if (!fromArrow.ok) throw new Error(fromArrow.error.message);
      expect(fromArrow.value.rejected, id).toEqual([]);
      expect(fromArrow.value.table.length, id).toBe(fromGeoJson.value.table.length);
      expect(featuresOf(fromArrow.value.table), id).toEqual(featuresOf(fromGeoJson.value.table));
      expect(fromArrow.value.fingerprint, id).toBe(fromGeoJson.value.fingerprint);
    }
  });

  it('keep every column kind, null apart from absent, altitudes, holes and parts', () => {
    const features: EncodableFeature[] = [
      { id: 7, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 0]], [[0.5, 0.2], [1, 0.2], [1, 0.5], [0.5, 0.2]]], [[[5, 5, 1], [6, 5, 2], [6, 6, 3], [5, 5, 1]]]] }, properties: { n: 1.5, t: '2021-01-01T08:00:00.250+08:00', s: 'a', b: true, j: [1, 2], code: 'X-0001', only: null } },
      { id: 'second', geometry: { type: 'Polygon', coordinates: [[[1, 1], [3, 1], [3, 3], [1, 1]]] }, properties: { n: null, t: null, s: 'b', b: false, j: { k: 1 }, code: 'X-0002' } },
      { geometry: null, properties: { t: '2022-02-03T04:05:06.789+08:00', s: null, b: null, code: 'Y-17' } },
    ];
    const table = encodeTable('patches', features);
    const read = tableFromArrow('patches', new Uint8Array(arrowOf(table)));
    if (!read.ok) throw new Error(read.error);
    expect(featuresOf(read.value)).toEqual(featuresOf(table));
    expect(Object.fromEntries(Object.entries(read.value.properties).map(([k, c]) => [k, c.kind]))).toEqual({ n: 'number', t: 'time', s: 'string', b: 'boolean', j: 'json', code: 'numbered', only: 'number' });
    expect([...read.value.properties.only.missing!]).toEqual([1, 2, 2]);
  });

  it('are read without copying the large arrays out of the file', () => {
    const bytes = new Uint8Array(arrowOf(bundledTable('lamp-faults')));
    const read = tableFromArrow('lamp-faults', bytes);
    if (!read.ok) throw new Error(read.error);
    expect(read.value.geometry.coordinates.buffer).toBe(bytes.buffer);
    const cause = read.value.properties.cause;
    expect(cause.kind === 'string' && cause.codes.buffer).toBe(bytes.buffer);
  });
});

describe('an Arrow file that cannot be trusted', () => {
  it('is refused whole, naming the layer, when it is not an Arrow file or is cut short', () => {
    const whole = new Uint8Array(arrowOf(bundledTable('lamps')));
    for (const body of [bytesOf('public/data/lamps.geojson'), whole.slice(0, whole.length >> 1).buffer]) {
      const decoded = decodeColumnsFile('lamps', body);
      expect(decoded).toMatchObject({ ok: false, error: { kind: 'parse', collection: 'lamps' } });
      expect(!decoded.ok && decoded.error.message).toMatch(/^lamps: the columns file cannot be read/);
    }
  });

  it('is refused whole when it holds another collection', () => {
    const decoded = decodeColumnsFile('lamps', bytesOf('public/data/manholes.arrow'));
    expect(decoded).toMatchObject({ ok: false, error: { kind: 'parse', message: 'lamps: the columns file cannot be read (the file holds manholes, not lamps)' } });
  });

  it('is refused whole when its geometry offsets point past its positions', () => {
    const table = firstRows('patches', 5);
    table.geometry.offsets!.positions[3] = 1e6;
    expect(decodeColumnsFile('patches', arrowOf(table))).toMatchObject({ ok: false, error: { kind: 'payload', message: expect.stringMatching(/^patches: geometry: the rings' offsets/) } });
  });

  it('refuses a value outside its field’s classes, by feature and field, and keeps the others', () => {
    const table = firstRows('lamps', 4);
    const lampType = table.properties.lampType;
    if (lampType.kind !== 'string') throw new Error('lampType is not text');
    lampType.dictionary.push('plasma');
    lampType.codes[2] = lampType.dictionary.length - 1;
    const { table: kept, rejected } = decodedArrow(table);
    expect(rejected).toEqual([{ collection: 'lamps', index: 2, featureId: featuresOf(table)[2].id, field: 'lampType', message: expect.any(String) }]);
    expect(featuresOf(kept)).toEqual(featuresOf(table, [0, 1, 3]));
  });

  it('refuses a case whose stages are out of order, as the GeoJSON schema would', () => {
    const table = firstRows('lamp-faults', 20);
    const reported = table.properties.reportedAt;
    const dispatched = table.properties.dispatchedAt;
    if (reported.kind !== 'time' || dispatched.kind !== 'time') throw new Error('not times');
    const row = [...Array(20).keys()].find((i) => !dispatched.missing || dispatched.missing[i] === 0)!;
    reported.values[row] = dispatched.values[row] + 3_600_000;
    const { rejected } = decodedArrow(table);
    expect(rejected).toEqual([expect.objectContaining({ index: row, field: 'dispatchedAt', message: 'earlier than the stage before it' })]);
  });

  it('refuses positions off the globe, unclosed rings, a time with stray milliseconds and a code out of range', () => {
    const lamps = firstRows('lamps', 3);
    lamps.geometry.coordinates[2] = 190;
    expect(decodedArrow(lamps).rejected).toEqual([expect.objectContaining({ index: 1, field: 'geometry.coordinates' })]);

    const patches = firstRows('patches', 3);
    const { positions } = patches.geometry.offsets!;
    patches.geometry.coordinates[(positions[1] - 1) * 2] += 0.001;
    expect(decodedArrow(patches).rejected).toEqual([expect.objectContaining({ index: 0, field: 'geometry.coordinates', message: 'ring is not closed' })]);

    const faults = firstRows('lamp-faults', 3);
    const deadline = faults.properties.deadline;
    if (deadline.kind !== 'time') throw new Error('not a time');
    deadline.values[1] += 250;
    const cause = faults.properties.cause;
    if (cause.kind !== 'string') throw new Error('not text');
    cause.codes[2] = 99;
    expect(decodedArrow(faults).rejected).toEqual([
      expect.objectContaining({ index: 1, field: 'deadline', message: 'a time with milliseconds in a column written without them' }),
      expect.objectContaining({ index: 2, field: 'cause', message: 'a dictionary code out of range' }),
    ]);
  });

  it('refuses every feature when a required field is missing, and drops a column the schema does not know', () => {
    const table = firstRows('lamps', 3);
    const { road, ...others } = table.properties;
    expect(road).toBeDefined();
    expect(decodedArrow({ ...table, properties: others }).rejected.map((r) => [r.index, r.field])).toEqual([
      [0, 'road'],
      [1, 'road'],
      [2, 'road'],
    ]);
    const extra = { ...table, properties: { ...table.properties, secret: table.properties.road } };
    const kept = decodedArrow(extra);
    expect(kept.rejected).toEqual([]);
    expect(Object.keys(kept.table.properties)).not.toContain('secret');
  });
});
