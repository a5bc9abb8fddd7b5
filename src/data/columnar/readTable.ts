import type { Geometry, Position } from 'geojson';
import type { CollectionId } from '../../layers/registry';
import type { TypedFeature } from '../validate';
import { ABSENT, GEOMETRY_TYPES, NULL, type Column, type FeatureTable, type GeometryColumn } from './featureTable';
import { timeText } from './timeText';
import { findNumbered, numberedIndex, numberedText, type NumberedIndex } from './numberedText';

export interface ReadOptions {
  /** Times as epoch milliseconds instead of ISO text: for the statistics engine, which would parse the text again. */
  epochTimes?: boolean;
}

/** A column's value for one feature as GeoJSON has it: undefined where the member is absent. */
export function valueAt(column: Column, i: number, options?: ReadOptions): unknown {
  const state = column.missing?.[i] ?? 0;
  if (state === NULL) return null;
  if (state === ABSENT) return undefined;
  switch (column.kind) {
    case 'number':
      return column.values[i];
    case 'boolean':
      return column.values[i] === 1;
    case 'time':
      return options?.epochTimes ? column.values[i] : timeText(column.values[i], column.offsetMinutes, column.millis);
    case 'string':
      return column.dictionary[column.codes[i]];
    case 'json':
      return JSON.parse(column.dictionary[column.codes[i]]) as unknown;
    case 'numbered':
      return numberedText(column, i);
  }
}

/** A property of one feature (undefined when the collection has no such member). */
export function propertyAt(table: FeatureTable, field: string, i: number): unknown {
  const column = table.properties[field];
  return column ? valueAt(column, i) : undefined;
}

/** Text of a string property, without building anything else. */
export function textAt(table: FeatureTable, field: string, i: number): string | null {
  const v = propertyAt(table, field, i);
  return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}

/** The feature's id as the app names it: properties.id, else its GeoJSON id, else its index. */
export function idAt(table: FeatureTable, i: number): string {
  return idIn(tableIds(table), i);
}

/** What idAt reads of a table: its id property and its features' ids, as columns (cheap to send to a worker). */
export interface TableIds {
  length: number;
  own: Column | null;
  ids: Column | null;
}

export function tableIds(table: FeatureTable): TableIds {
  return { length: table.length, own: table.properties.id ?? null, ids: table.ids };
}

/** The id of row i: its id property, else its feature id, else its row number. */
export function idIn(ids: TableIds, i: number): string {
  const own = ids.own ? valueAt(ids.own, i) : undefined;
  if (own !== undefined && own !== null) return String(own);
  const id = ids.ids ? valueAt(ids.ids, i) : undefined;
  return id === undefined || id === null ? String(i) : String(id);
}

/** Parts → rings → positions of a feature's geometry, in the nested layout of the columns. */
function positionAt(g: GeometryColumn, at: number): Position {
  const d = g.dimensions;
  const x = g.coordinates[at * d];
  const y = g.coordinates[at * d + 1];
  if (d === 3 && !Number.isNaN(g.coordinates[at * d + 2])) return [x, y, g.coordinates[at * d + 2]];
  return [x, y];
}

/** The rings of part `p` (of a geometry column with offsets). */
function ringsOfPart(g: GeometryColumn, p: number): Position[][] {
  const { rings, positions } = g.offsets!;
  const out: Position[][] = [];
  for (let r = rings[p]; r < rings[p + 1]; r++) {
    const ring: Position[] = [];
    for (let at = positions[r]; at < positions[r + 1]; at++) ring.push(positionAt(g, at));
    out.push(ring);
  }
  return out;
}

export function geometryAt(g: GeometryColumn, i: number): Geometry | null {
  const type = GEOMETRY_TYPES[g.types[i]];
  if (type === 'None') return null;
  if (!g.offsets) return { type: 'Point', coordinates: positionAt(g, i) };
  const { parts } = g.offsets;
  const partList: Position[][][] = [];
  for (let p = parts[i]; p < parts[i + 1]; p++) partList.push(ringsOfPart(g, p));
  switch (type) {
    case 'Point':
      return { type, coordinates: partList[0][0][0] };
    case 'MultiPoint':
      return { type, coordinates: partList.map((p) => p[0][0]) };
    case 'LineString':
      return { type, coordinates: partList[0][0] };
    case 'MultiLineString':
      return { type, coordinates: partList.map((p) => p[0]) };
    case 'Polygon':
      return { type, coordinates: partList[0] };
    case 'MultiPolygon':
      return { type, coordinates: partList };
  }
}

/** The first position of a feature (a point; a line's first vertex; a polygon's first ring's), NaN when it has none. */
export function anchorAt(g: GeometryColumn, i: number): [number, number] {
  let at = i;
  if (g.offsets) {
    const { parts, rings, positions } = g.offsets;
    if (parts[i] === parts[i + 1]) return [NaN, NaN];
    at = positions[rings[parts[i]]];
  } else if (g.types[i] === 0) return [NaN, NaN];
  return [g.coordinates[at * g.dimensions], g.coordinates[at * g.dimensions + 1]];
}

/** One feature rebuilt as a GeoJSON object: for the few a user looks at, exports or edits. */
export function featureAt<C extends CollectionId>(table: FeatureTable, i: number, options?: ReadOptions, columns = Object.entries(table.properties)): TypedFeature<C> {
  const properties: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const v = valueAt(column, i, options);
    if (v === undefined) continue;
    // A member named "__proto__" stays a member (assigning it would set the prototype).
    if (key === '__proto__') Object.defineProperty(properties, key, { value: v, enumerable: true, writable: true, configurable: true });
    else properties[key] = v;
  }
  const feature: Record<string, unknown> = { type: 'Feature' };
  const id = table.ids ? valueAt(table.ids, i) : properties.id;
  if (id !== undefined) feature.id = id;
  feature.geometry = geometryAt(table.geometry, i);
  feature.properties = properties;
  return feature as unknown as TypedFeature<C>;
}

/** Every feature rebuilt: only for work that needs them all at once, off the main thread or on a user's request. */
export function featuresOf<C extends CollectionId>(table: FeatureTable, rows?: Iterable<number>, options?: ReadOptions): TypedFeature<C>[] {
  const out: TypedFeature<C>[] = [];
  const columns = Object.entries(table.properties);
  if (rows) for (const i of rows) out.push(featureAt<C>(table, i, options, columns));
  else for (let i = 0; i < table.length; i++) out.push(featureAt<C>(table, i, options, columns));
  return out;
}

/** The index of each feature by id, built when first asked for: by prefix and number for numbered ids, else by text. */
const idIndexes = new WeakMap<FeatureTable, { numbered: NumberedIndex } | { text: Map<string, number> }>();
const numberedIds = (table: FeatureTable) => {
  const own = table.properties.id;
  return own?.kind === 'numbered' && !own.missing ? own : null;
};

function idIndexOf(table: FeatureTable) {
  let index = idIndexes.get(table);
  if (!index) {
    const numbered = numberedIds(table);
    if (numbered) index = { numbered: numberedIndex(numbered, table.length) };
    else {
      const text = new Map<string, number>();
      for (let i = table.length - 1; i >= 0; i--) text.set(idAt(table, i), i);
      index = { text };
    }
    idIndexes.set(table, index);
  }
  return index;
}

export function rowOfId(table: FeatureTable, id: string): number | undefined {
  const index = idIndexOf(table);
  return 'numbered' in index ? findNumbered(numberedIds(table)!, index.numbered, id) : index.text.get(id);
}

const timesCache = new WeakMap<FeatureTable, Map<string, Float64Array>>();

/** Epoch milliseconds of a time field per feature, NaN where it has none or is not a time (shared, read-only). */
export function timesOf(table: FeatureTable, field: string): Float64Array {
  let byField = timesCache.get(table);
  if (!byField) timesCache.set(table, (byField = new Map()));
  let times = byField.get(field);
  if (times) return times;
  const column = table.properties[field];
  times = new Float64Array(table.length).fill(NaN);
  if (column?.kind === 'time') {
    for (let i = 0; i < table.length; i++) if (!column.missing || column.missing[i] === 0) times[i] = column.values[i];
  } else if (column) {
    for (let i = 0; i < table.length; i++) {
      const v = valueAt(column, i);
      if (typeof v === 'string') times[i] = Date.parse(v);
    }
  }
  byField.set(field, times);
  return times;
}
