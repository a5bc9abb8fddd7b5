import { ABSENT, emptyTable, type Column, type FeatureTable, type GeometryColumn } from './featureTable';
import { encodeColumn } from './encodeTable';
import { valueAt } from './readTable';

/**
 * One table holding a's features then b's (pages of one collection, an import appended to what
 * is loaded, or the changes a refresh brings): column by column, without rebuilding features.
 */
export function concatTables(a: FeatureTable, b: FeatureTable): FeatureTable {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const n = a.length + b.length;
  const keys = [...new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])];
  const properties: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const key of keys) properties[key] = concatColumns(a.length, a.properties[key], b.length, b.properties[key]);
  const ids = a.ids === null && b.ids === null ? null : concatColumns(a.length, a.ids ?? ownIds(a), b.length, b.ids ?? ownIds(b));
  return { collection: a.collection, length: n, ids, geometry: concatGeometry(a.geometry, a.length, b.geometry, b.length), properties };
}

/** Many tables joined in order (pages of a collection), pairwise so that each row is copied about log2(pages) times. */
export function concatAllTables(collection: FeatureTable['collection'], tables: readonly FeatureTable[]): FeatureTable {
  let level = tables.filter((t) => t.length > 0);
  if (level.length === 0) return emptyTable(collection);
  while (level.length > 1) {
    const next: FeatureTable[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? concatTables(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

/** A table's ids column when they equal properties.id (the form encodeTable leaves out). */
function ownIds(t: FeatureTable): Column {
  return encodeColumn(t.length, (i) => (t.properties.id ? valueAt(t.properties.id, i) : undefined));
}

function absentColumn(n: number): Column {
  return { kind: 'number', values: new Float64Array(n), missing: new Uint8Array(n).fill(ABSENT) };
}

function concatMissing(x: Column, nx: number, y: Column, ny: number): Uint8Array | null {
  if (!x.missing && !y.missing) return null;
  const out = new Uint8Array(nx + ny);
  if (x.missing) out.set(x.missing);
  if (y.missing) out.set(y.missing, nx);
  return out;
}

function concatArrays<T extends Float64Array | Uint8Array | Uint32Array>(x: T, y: T): T {
  const out = new (x.constructor as new (n: number) => T)(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out;
}

function allMissing(c: Column): boolean {
  return c.missing !== null && c.missing.every((m) => m !== 0);
}

function concatColumns(nx: number, x0: Column | undefined, ny: number, y0: Column | undefined): Column {
  const x = x0 ?? absentColumn(nx);
  const y = y0 ?? absentColumn(ny);
  const missing = concatMissing(x, nx, y, ny);
  // A column with no value at all takes the other's kind.
  const same = x.kind === y.kind || allMissing(x) || allMissing(y);
  const kind = allMissing(x) ? y.kind : x.kind;
  if (same && (kind === 'number' || kind === 'boolean')) {
    const xv = x.kind === kind ? (x as { values: Float64Array | Uint8Array }).values : new (kind === 'number' ? Float64Array : Uint8Array)(nx);
    const yv = y.kind === kind ? (y as { values: Float64Array | Uint8Array }).values : new (kind === 'number' ? Float64Array : Uint8Array)(ny);
    return { kind, values: concatArrays(xv as Float64Array, yv as Float64Array), missing } as Column;
  }
  if (same && kind === 'time' && x.kind === 'time' && y.kind === 'time' && x.offsetMinutes === y.offsetMinutes && x.millis === y.millis) {
    return { ...x, values: concatArrays(x.values, y.values), missing };
  }
  if (same && (kind === 'string' || kind === 'json') && (x.kind === kind || allMissing(x)) && (y.kind === kind || allMissing(y))) {
    const merged = mergeDictionaries(x.kind === kind ? x : null, nx, y.kind === kind ? y : null, ny);
    return { kind, codes: merged.codes, dictionary: merged.dictionary, missing };
  }
  if (x.kind === 'numbered' && y.kind === 'numbered') {
    const merged = mergeDictionaries({ codes: x.prefixCodes, dictionary: x.prefixes }, nx, { codes: y.prefixCodes, dictionary: y.prefixes }, ny);
    return { kind: 'numbered', prefixCodes: merged.codes, prefixes: merged.dictionary, numbers: concatArrays(x.numbers, y.numbers), widths: concatArrays(x.widths, y.widths), missing };
  }
  // Kinds differ (a member that was numbers and now holds text, say): encoded again from the values.
  return encodeColumn(nx + ny, (i) => (i < nx ? valueAt(x, i) : valueAt(y, i - nx)));
}

interface Coded {
  codes: Uint32Array;
  dictionary: readonly string[];
}

/** Codes of x's rows then y's into one dictionary (x's codes kept; y's new values appended). Null: a side with no codes. */
function mergeDictionaries(x: Coded | null, nx: number, y: Coded | null, ny: number): { codes: Uint32Array; dictionary: string[] } {
  const dictionary = x ? [...x.dictionary] : [];
  const codeOf = new Map(dictionary.map((v, i) => [v, i]));
  const codes = new Uint32Array(nx + ny);
  if (x) codes.set(x.codes);
  if (y) {
    const remap = y.dictionary.map((v) => {
      let code = codeOf.get(v);
      if (code === undefined) {
        code = dictionary.push(v) - 1;
        codeOf.set(v, code);
      }
      return code;
    });
    for (let i = 0; i < ny; i++) codes[nx + i] = remap[y.codes[i]];
  }
  return { codes, dictionary };
}

/** Offsets for a points-only column (one part, one ring, one position per feature with a point). */
function offsetsOf(g: GeometryColumn, n: number): NonNullable<GeometryColumn['offsets']> {
  if (g.offsets) return g.offsets;
  const parts = new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    parts[i] = k;
    if (g.types[i] !== 0) k++;
  }
  parts[n] = k;
  const sequence = Uint32Array.from({ length: k + 1 }, (_, i) => i);
  return { parts, rings: sequence, positions: sequence };
}

function withDimensions(g: GeometryColumn, dimensions: 2 | 3): Float64Array {
  if (g.dimensions === dimensions) return g.coordinates;
  const count = g.coordinates.length / g.dimensions;
  const out = new Float64Array(count * 3);
  for (let i = 0; i < count; i++) {
    out[i * 3] = g.coordinates[i * 2];
    out[i * 3 + 1] = g.coordinates[i * 2 + 1];
    out[i * 3 + 2] = NaN;
  }
  return out;
}

function shifted(a: Uint32Array, b: Uint32Array, by: number): Uint32Array {
  // a's last entry (its end) is b's first, shifted.
  const out = new Uint32Array(a.length + b.length - 1);
  out.set(a);
  for (let i = 1; i < b.length; i++) out[a.length - 1 + i] = b[i] + by;
  return out;
}

function concatGeometry(x: GeometryColumn, nx: number, y: GeometryColumn, ny: number): GeometryColumn {
  const dimensions = x.dimensions === 3 || y.dimensions === 3 ? 3 : 2;
  const types = concatArrays(x.types, y.types);
  const coordinates = concatArrays(withDimensions(x, dimensions), withDimensions(y, dimensions));
  if (!x.offsets && !y.offsets && types.every((t) => t === 1)) return { types, dimensions, coordinates, offsets: null };
  const ox = offsetsOf(x, nx);
  const oy = offsetsOf(y, ny);
  const positionsInX = ox.positions[ox.positions.length - 1];
  const ringsInX = ox.rings[ox.rings.length - 1];
  const partsInX = ox.parts[nx];
  return {
    types,
    dimensions,
    coordinates,
    offsets: { parts: shifted(ox.parts, oy.parts, partsInX), rings: shifted(ox.rings, oy.rings, ringsInX), positions: shifted(ox.positions, oy.positions, positionsInX) },
  };
}
