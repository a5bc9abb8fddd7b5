import type { CollectionId } from '../../layers/registry';
import type { DrawnColumns } from './drawnColumns';

/**
 * A collection as typed columns: what the decode worker builds once and hands over (transferred,
 * not cloned as objects), what the map, the statistics worker and the legends read, and what a
 * feature object is rebuilt from only when someone looks at one (featureAt) or exports it.
 *
 * Every column has one value per feature. A value that is JSON null or an absent member is kept
 * apart from the column's values in `missing` (0 present, 1 null, 2 absent), so a round trip
 * GeoJSON → columns → GeoJSON gives back the same features.
 */
export interface FeatureTable {
  collection: CollectionId;
  length: number;
  /** The features' own ids (GeoJSON `id`); null when every feature's id equals its `properties.id`. */
  ids: Column | null;
  geometry: GeometryColumn;
  /** Property columns in the order the members first appear. */
  properties: Record<string, Column>;
  /**
   * The polygons' fills as triangles, three indices each into the geometry's positions
   * (triangulatePolygons): built by the worker that decoded a table of polygons, so that the map
   * draws them without triangulating on the main thread. Absent on other tables.
   */
  triangles?: Uint32Array;
  /** A domain layer's features as the map draws them (withDrawnColumns): built by the worker that decoded the table. */
  drawn?: DrawnColumns;
}

export const PRESENT = 0;
export const NULL = 1;
export const ABSENT = 2;

interface ColumnBase {
  /** Per feature: PRESENT, NULL or ABSENT; null when every value is present. */
  missing: Uint8Array | null;
}

/** Numbers (integers and decimals alike, as float64: exact for every JSON number the data holds). */
export interface NumberColumn extends ColumnBase {
  kind: 'number';
  values: Float64Array;
}

/** Booleans: 0 or 1. */
export interface BooleanColumn extends ColumnBase {
  kind: 'boolean';
  values: Uint8Array;
}

/**
 * ISO 8601 times with one fixed offset written the same way (e.g. 2021-03-04T21:13:00+08:00), as
 * epoch milliseconds; a column where any text would not come back letter for letter stays text.
 */
export interface TimeColumn extends ColumnBase {
  kind: 'time';
  values: Float64Array;
  /** The offset every value is written with, in minutes east of UTC. */
  offsetMinutes: number;
  /** Whether the text carries milliseconds. */
  millis: boolean;
}

/** Text, each distinct value stored once: codes index the dictionary. */
export interface StringColumn extends ColumnBase {
  kind: 'string';
  codes: Uint32Array;
  dictionary: string[];
}

/** Anything else (arrays, objects, or a member whose values mix types), as dictionary-encoded JSON text. */
export interface JsonColumn extends ColumnBase {
  kind: 'json';
  codes: Uint32Array;
  dictionary: string[];
}

/**
 * Mostly distinct text of a prefix and a serial number (ids, asset references): a prefix code, the
 * number and its digit count per feature, e.g. "LF-2021-" + 123 in 6 digits = "LF-2021-000123".
 */
export interface NumberedColumn extends ColumnBase {
  kind: 'numbered';
  prefixCodes: Uint32Array;
  prefixes: string[];
  numbers: Float64Array;
  widths: Uint8Array;
}

export type Column = NumberColumn | BooleanColumn | TimeColumn | StringColumn | JsonColumn | NumberedColumn;

/**
 * Geometries in one nested layout (GeoArrow's, deck.gl's binary one): a feature holds parts
 * (points, lines or polygons), a part holds rings (a polygon's rings; one for a line or a point),
 * a ring holds positions. Offsets are null when every feature is one Point: position i is feature i.
 */
export interface GeometryColumn {
  /** GEOMETRY_TYPES index per feature. */
  types: Uint8Array;
  /** 2, or 3 when some position has an altitude (NaN where it has none). */
  dimensions: 2 | 3;
  coordinates: Float64Array;
  offsets: { parts: Uint32Array; rings: Uint32Array; positions: Uint32Array } | null;
}

export const GEOMETRY_TYPES = ['None', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'] as const;
export type GeometryTypeName = (typeof GEOMETRY_TYPES)[number];

type TableArray = Uint8Array | Uint32Array | Float32Array | Float64Array;
/** Gives back an array for each of a table's typed arrays: itself, or a copy of it elsewhere. */
export type ReplaceArray = <T extends TableArray>(a: T) => T;

function replaceInColumn(c: Column, replace: ReplaceArray): Column {
  const missing = c.missing && replace(c.missing);
  switch (c.kind) {
    case 'string':
    case 'json':
      return { ...c, missing, codes: replace(c.codes) };
    case 'numbered':
      return { ...c, missing, prefixCodes: replace(c.prefixCodes), numbers: replace(c.numbers), widths: replace(c.widths) };
    case 'number':
    case 'time':
      return { ...c, missing, values: replace(c.values) };
    case 'boolean':
      return { ...c, missing, values: replace(c.values) };
  }
}

/** The same table with each of its typed arrays passed through `replace` (dictionaries and every other field kept). */
export function replaceTableArrays(table: FeatureTable, replace: ReplaceArray): FeatureTable {
  const properties: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const [key, column] of Object.entries(table.properties)) properties[key] = replaceInColumn(column, replace);
  const g = table.geometry;
  const geometry: GeometryColumn = {
    ...g,
    types: replace(g.types),
    coordinates: replace(g.coordinates),
    offsets: g.offsets && { parts: replace(g.offsets.parts), rings: replace(g.offsets.rings), positions: replace(g.offsets.positions) },
  };
  const replaced: FeatureTable = { ...table, ids: table.ids && replaceInColumn(table.ids, replace), geometry, properties };
  if (table.triangles) replaced.triangles = replace(table.triangles);
  const d = table.drawn;
  if (d) replaced.drawn = { ...d, categories: replace(d.categories), minutes: replace(d.minutes), offsets: replace(d.offsets), fill: replace(d.fill), line: replace(d.line), radius: replace(d.radius) };
  const p = d?.polygons;
  if (p && replaced.drawn) {
    replaced.drawn.polygons = {
      vertexStarts: replace(p.vertexStarts),
      fill: replace(p.fill),
      line: replace(p.line),
      categories: replace(p.categories),
      minutes: replace(p.minutes),
      dotOffsets: replace(p.dotOffsets),
      dotRadius: replace(p.dotRadius),
    };
  }
  return replaced;
}

/** The buffers a table holds, to hand to postMessage / comlink's transfer as transferables (shared memory is not transferred). */
export function tableBuffers(table: FeatureTable): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  replaceTableArrays(table, (a) => {
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
    return a;
  });
  return [...buffers];
}

/** Bytes the table's typed arrays hold (its dictionaries' text not counted). */
export function tableBytes(table: FeatureTable): number {
  return tableBuffers(table).reduce((n, b) => n + b.byteLength, 0);
}

const EMPTY_TABLES = new Map<CollectionId, FeatureTable>();

/** A table with no features (stable per collection, for selectors). */
export function emptyTable(collection: CollectionId): FeatureTable {
  let t = EMPTY_TABLES.get(collection);
  if (!t) {
    t = { collection, length: 0, ids: null, geometry: { types: new Uint8Array(0), dimensions: 2, coordinates: new Float64Array(0), offsets: null }, properties: {} };
    EMPTY_TABLES.set(collection, t);
  }
  return t;
}
