import {
  Bool,
  Dictionary,
  Field,
  FixedSizeList,
  Float64,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Type,
  Uint32,
  Uint8,
  Utf8,
  makeData,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { CollectionId } from '../../layers/registry';
import { err, ok, type Result } from '../result';
import { ABSENT, NULL, PRESENT, type Column, type FeatureTable, type GeometryColumn } from './featureTable';

/**
 * A collection's columns as an Arrow IPC file: the bundled data's format, read in the decode worker
 * without parsing text (the typed arrays are views of the file's bytes). Geometry follows GeoArrow
 * (one nested list per level, positions as a fixed-size list of doubles); times are timestamps in
 * milliseconds with their offset; text is dictionary-encoded. Field metadata `zq:role` says what a
 * field is, so a property may be called anything.
 */

const ROLE = 'zq:role';
const OF = 'zq:of';
const KIND = 'zq:kind';
const COLLECTION = 'zq:collection';

type Role = 'geometry' | 'types' | 'id' | 'property' | 'missing';

const meta = (entries: Record<string, string>) => new Map(Object.entries(entries));

function validity(missing: Uint8Array | null, n: number): { nullCount: number; nullBitmap?: Uint8Array } {
  if (!missing) return { nullCount: 0 };
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    if (missing[i] === PRESENT) bitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return nullCount ? { nullCount, nullBitmap: bitmap } : { nullCount: 0 };
}

const utf8Dictionary = (values: readonly string[]) => vectorFromArray(values as string[], new Utf8());

function dictionaryData(codes: Uint32Array, dictionary: readonly string[], n: number, missing: Uint8Array | null) {
  const type = new Dictionary(new Utf8(), new Uint32());
  return makeData({ type, length: n, ...validity(missing, n), data: codes, dictionary: utf8Dictionary(dictionary) });
}

function columnData(c: Column, n: number): { data: Data; kind: Record<string, string> } {
  const valid = validity(c.missing, n);
  switch (c.kind) {
    case 'number':
      return { data: makeData({ type: new Float64(), length: n, ...valid, data: c.values }), kind: {} };
    case 'boolean': {
      const bits = new Uint8Array(Math.ceil(n / 8));
      for (let i = 0; i < n; i++) if (c.values[i]) bits[i >> 3] |= 1 << (i & 7);
      return { data: makeData({ type: new Bool(), length: n, ...valid, data: bits }), kind: {} };
    }
    case 'time': {
      const ms = BigInt64Array.from(c.values, (v) => BigInt(v));
      const zone = offsetText(c.offsetMinutes);
      return { data: makeData({ type: new TimestampMillisecond(zone), length: n, ...valid, data: ms }), kind: { [KIND]: c.millis ? 'time-millis' : 'time' } };
    }
    case 'string':
    case 'json':
      return { data: dictionaryData(c.codes, c.dictionary, n, c.missing), kind: { [KIND]: c.kind } };
    case 'numbered': {
      const prefix = dictionaryData(c.prefixCodes, c.prefixes, n, null);
      const number = makeData({ type: new Float64(), length: n, data: c.numbers });
      const width = makeData({ type: new Uint8(), length: n, data: c.widths });
      const type = new Struct([new Field('prefix', prefix.type), new Field('number', number.type), new Field('width', width.type)]);
      return { data: makeData({ type, length: n, ...valid, children: [prefix, number, width] }), kind: { [KIND]: 'numbered' } };
    }
  }
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function offsetMinutesOf(zone: string | null | undefined): number | null {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone ?? '');
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const asInt32 = (a: Uint32Array) => new Int32Array(a.buffer, a.byteOffset, a.length);

/** The geometry column, and its GeoArrow extension name (none for lines, kept as parts of one ring each). */
function geometryData(g: GeometryColumn, n: number, kind: 'point' | 'line' | 'polygon'): { data: Data; extension: string } {
  const xy = new Field('xy', new Float64(), false);
  const positionType = new FixedSizeList(g.dimensions, xy);
  const positionCount = g.coordinates.length / g.dimensions;
  const positions = makeData({ type: positionType, length: positionCount, child: makeData({ type: new Float64(), length: g.coordinates.length, data: g.coordinates }) });
  if (!g.offsets) return { data: positions, extension: 'geoarrow.point' };
  const ringType = new List(new Field('vertices', positionType, false));
  const ring = makeData({ type: ringType, length: g.offsets.positions.length - 1, valueOffsets: asInt32(g.offsets.positions), child: positions });
  const partType = new List(new Field('rings', ringType, false));
  const part = makeData({ type: partType, length: g.offsets.rings.length - 1, valueOffsets: asInt32(g.offsets.rings), child: ring });
  const missing = g.types.some((t) => t === 0) ? Uint8Array.from(g.types, (t) => (t === 0 ? NULL : PRESENT)) : null;
  const featureType = new List(new Field('parts', partType, false));
  const data = makeData({ type: featureType, length: n, ...validity(missing, n), valueOffsets: asInt32(g.offsets.parts), child: part });
  return { data, extension: kind === 'polygon' ? 'geoarrow.multipolygon' : '' };
}

/** Writes a table as one Arrow IPC file (one record batch). */
export function tableToArrow(table: FeatureTable, geometryKind: 'point' | 'line' | 'polygon'): Uint8Array {
  const n = table.length;
  const fields: Field[] = [];
  const children: Data[] = [];
  const add = (name: string, data: Data, metadata: Record<string, string>) => {
    fields.push(new Field(name, data.type, data.nullCount > 0 || metadata[ROLE] === 'geometry', meta(metadata)));
    children.push(data);
  };
  const addColumn = (name: string, c: Column, role: Role) => {
    const { data, kind } = columnData(c, n);
    add(name, data, { [ROLE]: role, ...kind });
    if (c.missing?.includes(ABSENT)) add(`${name}.missing`, makeData({ type: new Uint8(), length: n, data: c.missing }), { [ROLE]: 'missing', [OF]: name });
  };
  const geometry = geometryData(table.geometry, n, geometryKind);
  add('geometry', geometry.data, { [ROLE]: 'geometry', ...(geometry.extension ? { 'ARROW:extension:name': geometry.extension, 'ARROW:extension:metadata': '{"crs":"OGC:CRS84"}' } : {}) });
  add('geometry_type', makeData({ type: new Uint8(), length: n, data: table.geometry.types }), { [ROLE]: 'types' });
  if (table.ids) addColumn('feature_id', table.ids, 'id');
  for (const [name, c] of Object.entries(table.properties)) addColumn(name, c, 'property');
  const schema = new Schema(fields, meta({ [COLLECTION]: table.collection }));
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, nullCount: 0, children }));
  return tableToIPC(new Table(schema, [batch]), 'file');
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function missingOf(data: Data): Uint8Array | null {
  if (!data.nullCount) return null;
  const bits = data.nullBitmap;
  expect(!!bits && bits.length * 8 >= data.length, 'a validity bitmap is shorter than its column');
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = bits![i >> 3] & (1 << (i & 7)) ? PRESENT : NULL;
  return out;
}

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint8Array | BigInt64Array;

/** The first `expected` values of an array of the given kind; a file that holds another kind or fewer is refused. */
function typedArray<T extends TypedArray>(values: unknown, kind: { new (length: number): T; name: string }, name: string, expected: number): T {
  expect(values instanceof kind, `${name}: expected ${kind.name} values`);
  const array = values as T;
  expect(array.length >= expected, `${name}: the column holds fewer values than rows`);
  return (array.length === expected ? array : array.subarray(0, expected)) as T;
}

const typedValues = <T extends TypedArray>(data: Data, kind: { new (length: number): T; name: string }, name: string, expected: number): T => typedArray(data.values, kind, name, expected);

function isUnsigned(type: DataType, bitWidth: number): boolean {
  return type.typeId === Type.Int && !(type as Uint8).isSigned && (type as Uint8).bitWidth === bitWidth;
}

function uint8Values(data: Data, name: string, n: number): Uint8Array {
  expect(isUnsigned(data.type, 8), `${name}: expected unsigned bytes`);
  return typedValues(data, Uint8Array, name, n);
}

function dictionaryOf(data: Data, name: string): string[] {
  const dictionary = data.dictionary;
  expect(!!dictionary && dictionary.type.typeId === Type.Utf8, `${name}: the dictionary is not text`);
  return dictionary!.toArray() as string[];
}

function readColumn(field: Field, data: Data, n: number): Column {
  const name = field.name;
  const kind = field.metadata.get(KIND);
  const missing = missingOf(data);
  const type: DataType = data.type;
  if (type.typeId === Type.Float && (type as Float64).precision === 2 && kind === undefined) return { kind: 'number', values: typedValues(data, Float64Array, name, n), missing };
  if (type.typeId === Type.Bool && kind === undefined) {
    const bits = typedValues(data, Uint8Array, name, Math.ceil(n / 8));
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) values[i] = (bits[i >> 3] >> (i & 7)) & 1;
    return { kind: 'boolean', values, missing };
  }
  if (type.typeId === Type.Timestamp && (kind === 'time' || kind === 'time-millis')) {
    const offsetMinutes = offsetMinutesOf((type as TimestampMillisecond).timezone);
    expect(offsetMinutes !== null && (type as TimestampMillisecond).unit === 1, `${name}: times must be milliseconds with an offset such as +08:00`);
    const ms = typedValues(data, BigInt64Array, name, n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = Number(ms[i]);
    return { kind: 'time', values, offsetMinutes: offsetMinutes!, millis: kind === 'time-millis', missing };
  }
  if (type.typeId === Type.Dictionary && (kind === 'string' || kind === 'json')) {
    expect(isUnsigned((type as Dictionary).indices, 32), `${name}: dictionary codes must be unsigned 32-bit integers`);
    return { kind, codes: typedValues(data, Uint32Array, name, n), dictionary: dictionaryOf(data, name), missing };
  }
  if (type.typeId === Type.Struct && kind === 'numbered') {
    const [prefix, number, width] = data.children;
    expect(data.children.length === 3 && prefix.type.typeId === Type.Dictionary && isUnsigned((prefix.type as Dictionary).indices, 32) && number.type.typeId === Type.Float, `${name}: not a numbered-text column`);
    return { kind: 'numbered', prefixCodes: typedValues(prefix, Uint32Array, name, n), prefixes: dictionaryOf(prefix, name), numbers: typedValues(number, Float64Array, name, n), widths: uint8Values(width, name, n), missing };
  }
  throw new Error(`${name}: a ${String(type)} column${kind ? ` marked ${kind}` : ''} is not one the app reads`);
}

const asUint32 = (a: Int32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);

function readGeometry(data: Data, types: Uint8Array, n: number): GeometryColumn {
  const positionsOf = (d: Data): { coordinates: Float64Array; dimensions: 2 | 3 } => {
    expect(d.type.typeId === Type.FixedSizeList && d.children[0]?.type.typeId === Type.Float, 'geometry: positions must be fixed-size lists of doubles');
    const dimensions = (d.type as FixedSizeList).listSize;
    expect(dimensions === 2 || dimensions === 3, 'geometry: positions must have 2 or 3 coordinates');
    return { coordinates: typedValues(d.children[0], Float64Array, 'geometry', d.length * dimensions), dimensions: dimensions as 2 | 3 };
  };
  if (data.type.typeId === Type.FixedSizeList) {
    expect(data.length === n, 'geometry: one position per feature expected');
    return { types, ...positionsOf(data), offsets: null };
  }
  const offsetsOf = (d: Data, level: string): { offsets: Uint32Array; child: Data } => {
    expect(d.type.typeId === Type.List && !!d.valueOffsets && d.children.length === 1, `geometry: the ${level} level must be a list`);
    return { offsets: asUint32(typedArray(d.valueOffsets, Int32Array, `geometry ${level}`, d.length + 1)), child: d.children[0] };
  };
  const parts = offsetsOf(data, 'feature');
  const rings = offsetsOf(parts.child, 'part');
  const positions = offsetsOf(rings.child, 'ring');
  return { types, ...positionsOf(positions.child), offsets: { parts: parts.offsets, rings: rings.offsets, positions: positions.offsets } };
}

/**
 * Reads an Arrow IPC file written by tableToArrow into a table whose arrays are views of `bytes`.
 * Only the file's shape is checked here (types, lengths); its values are checked against the
 * collection's schema by checkTable. A file of another shape is an error value, never a throw.
 */
export function tableFromArrow(collection: CollectionId, bytes: Uint8Array): Result<FeatureTable, string> {
  try {
    const arrow = tableFromIPC(bytes);
    const holds = arrow.schema.metadata.get(COLLECTION);
    expect(holds === undefined || holds === collection, `the file holds ${holds}, not ${collection}`);
    expect(arrow.batches.length <= 1, `expected one record batch, found ${arrow.batches.length}`);
    const n = arrow.numRows;
    const columns = new Map<string, Data>();
    const fieldOf = new Map<string, Field>();
    let geometry: Data | null = null;
    let types: Uint8Array | null = null;
    const absent = new Map<string, Uint8Array>();
    arrow.schema.fields.forEach((field, index) => {
      const data = arrow.batches[0]?.data.children[index];
      if (!data) return;
      expect(data.offset === 0 && data.length === n, `${field.name}: the column's length differs from the table's`);
      const role = field.metadata.get(ROLE) as Role | undefined;
      if (role === 'geometry') geometry = data;
      else if (role === 'types') types = uint8Values(data, field.name, n);
      else if (role === 'missing') absent.set(field.metadata.get(OF) ?? '', uint8Values(data, field.name, n));
      else if (role === 'property' || role === 'id') {
        const key = role === 'id' ? '\0id' : field.name;
        expect(!columns.has(key), `${field.name}: the column appears twice`);
        columns.set(key, data);
        fieldOf.set(key, field);
      }
    });
    if (n === 0) return ok({ collection, length: 0, ids: null, geometry: { types: new Uint8Array(0), dimensions: 2, coordinates: new Float64Array(0), offsets: null }, properties: {} });
    expect(geometry !== null && types !== null, 'the file has no geometry column');
    const properties: Record<string, Column> = Object.create(null) as Record<string, Column>;
    let ids: Column | null = null;
    for (const [key, data] of columns) {
      const column = readColumn(fieldOf.get(key)!, data, n);
      const sidecar = absent.get(fieldOf.get(key)!.name);
      if (sidecar && column.missing) column.missing.set(sidecar);
      if (key === '\0id') ids = column;
      else properties[key] = column;
    }
    return ok({ collection, length: n, ids, geometry: readGeometry(geometry!, types!, n), properties });
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}
