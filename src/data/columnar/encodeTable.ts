import type { Geometry } from 'geojson';
import type { CollectionId } from '../../layers/registry';
import { ABSENT, GEOMETRY_TYPES, NULL, type Column, type FeatureTable, type GeometryColumn } from './featureTable';
import { readTimeText } from './timeText';
import { numberedColumn } from './numberedText';

/** What encodeTable reads: GeoJSON features, already checked against their collection's schema. */
export interface EncodableFeature {
  id?: string | number;
  geometry: Geometry | null;
  properties: Record<string, unknown> | null;
}

/** Builds a collection's columns from its features: run where the features were decoded (a worker). */
export function encodeTable(collection: CollectionId, features: readonly EncodableFeature[]): FeatureTable {
  const n = features.length;
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    if (!f.properties) continue;
    for (const key of Object.keys(f.properties)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const properties: Record<string, Column> = Object.create(null) as Record<string, Column>;
  for (const key of keys) {
    // A member named like one of Object's own ("constructor") is read only where the feature has it.
    const inherited = key in Object.prototype;
    properties[key] = encodeColumn(n, (i) => {
      const p = features[i].properties;
      return p && (!inherited || Object.prototype.hasOwnProperty.call(p, key)) ? p[key] : undefined;
    });
  }
  const idsAreOwn = features.every((f) => f.properties !== null && f.id !== undefined && f.id === f.properties.id);
  const ids = idsAreOwn ? null : encodeColumn(n, (i) => features[i].id);
  return { collection, length: n, ids, geometry: encodeGeometry(features), properties };
}

const NUMBER = 1;
const BOOLEAN = 2;
const STRING = 4;
const OTHER = 8;
/** A text column whose first values are at least this share distinct is tried as numbered text (ids). */
const MOSTLY_DISTINCT = 0.9;
const SAMPLE = 1024;

/** Values of one member, undefined where it is absent. */
export function encodeColumn(n: number, valueAt: (i: number) => unknown): Column {
  let missing: Uint8Array | null = null;
  let kinds = 0;
  const values = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const v = valueAt(i);
    values[i] = v;
    if (v === null || v === undefined) {
      missing ??= new Uint8Array(n);
      missing[i] = v === null ? NULL : ABSENT;
    } else kinds |= typeof v === 'number' ? NUMBER : typeof v === 'boolean' ? BOOLEAN : typeof v === 'string' ? STRING : OTHER;
  }
  if (kinds === NUMBER || kinds === 0) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) if (!missing || missing[i] === 0) out[i] = values[i] as number;
    return { kind: 'number', values: out, missing };
  }
  if (kinds === BOOLEAN) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (!missing || missing[i] === 0) out[i] = values[i] ? 1 : 0;
    return { kind: 'boolean', values: out, missing };
  }
  if (kinds === STRING) return timeColumn(values, missing) ?? (mostlyDistinct(values, missing) ? numberedColumn(values, missing) : null) ?? dictionaryColumn('string', values, missing);
  return dictionaryColumn('json', values.map((v) => (v === null || v === undefined ? v : JSON.stringify(v))), missing);
}

function mostlyDistinct(values: readonly unknown[], missing: Uint8Array | null): boolean {
  const seen = new Set<unknown>();
  let present = 0;
  for (let i = 0; i < values.length && present < SAMPLE; i++) {
    if (missing && missing[i] !== 0) continue;
    present++;
    seen.add(values[i]);
  }
  return present > 1 && seen.size >= present * MOSTLY_DISTINCT;
}

function timeColumn(texts: readonly unknown[], missing: Uint8Array | null): Column | null {
  const n = texts.length;
  const values = new Float64Array(n);
  let offsetMinutes: number | null = null;
  let millis: boolean | null = null;
  for (let i = 0; i < n; i++) {
    if (missing && missing[i] !== 0) continue;
    const t = readTimeText(texts[i] as string);
    if (!t) return null;
    if (offsetMinutes === null) {
      offsetMinutes = t.offsetMinutes;
      millis = t.millis;
    } else if (t.offsetMinutes !== offsetMinutes || t.millis !== millis) return null;
    values[i] = t.epochMs;
  }
  if (offsetMinutes === null || millis === null) return null;
  return { kind: 'time', values, offsetMinutes, millis, missing };
}

function dictionaryColumn(kind: 'string' | 'json', values: readonly unknown[], missing: Uint8Array | null): Column {
  const n = values.length;
  const codes = new Uint32Array(n);
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (missing && missing[i] !== 0) continue;
    const v = values[i] as string;
    let code = codeOf.get(v);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(v);
      codeOf.set(v, code);
    }
    codes[i] = code;
  }
  return { kind, codes, dictionary, missing };
}

type Position = number[];

/** Parts → rings → positions of any geometry, in one shape. */
function partsOf(g: Geometry): Position[][][] {
  switch (g.type) {
    case 'Point':
      return [[[g.coordinates]]];
    case 'MultiPoint':
      return g.coordinates.map((p) => [[p]]);
    case 'LineString':
      return [[g.coordinates]];
    case 'MultiLineString':
      return g.coordinates.map((l) => [l]);
    case 'Polygon':
      return [g.coordinates];
    case 'MultiPolygon':
      return g.coordinates;
    default:
      throw new Error(`${g.type} geometries are not kept in columns`);
  }
}

function encodeGeometry(features: readonly EncodableFeature[]): GeometryColumn {
  const n = features.length;
  const types = new Uint8Array(n);
  let pointsOnly = true;
  let dimensions: 2 | 3 = 2;
  let parts = 0;
  let rings = 0;
  let positions = 0;
  for (let i = 0; i < n; i++) {
    const g = features[i].geometry;
    types[i] = g ? GEOMETRY_TYPES.indexOf(g.type as (typeof GEOMETRY_TYPES)[number]) : 0;
    if (types[i] === -1 || (g && g.type === 'GeometryCollection')) throw new Error(`${g?.type} geometries are not kept in columns`);
    if (!g || g.type !== 'Point') pointsOnly = false;
    if (!g) continue;
    for (const part of partsOf(g)) {
      parts++;
      for (const ring of part) {
        rings++;
        positions += ring.length;
        if (dimensions === 2 && ring.some((p) => p.length > 2)) dimensions = 3;
      }
    }
  }
  const coordinates = new Float64Array(positions * dimensions);
  const write = (at: number, p: Position) => {
    coordinates[at * dimensions] = p[0];
    coordinates[at * dimensions + 1] = p[1];
    if (dimensions === 3) coordinates[at * dimensions + 2] = p.length > 2 ? p[2] : NaN;
  };
  if (pointsOnly) {
    for (let i = 0; i < n; i++) write(i, (features[i].geometry as { coordinates: Position }).coordinates);
    return { types, dimensions, coordinates, offsets: null };
  }
  const offsets = { parts: new Uint32Array(n + 1), rings: new Uint32Array(parts + 1), positions: new Uint32Array(rings + 1) };
  let part = 0;
  let ring = 0;
  let position = 0;
  for (let i = 0; i < n; i++) {
    offsets.parts[i] = part;
    const g = features[i].geometry;
    if (!g) continue;
    for (const p of partsOf(g)) {
      offsets.rings[part++] = ring;
      for (const r of p) {
        offsets.positions[ring++] = position;
        for (const pos of r) write(position++, pos);
      }
    }
  }
  offsets.parts[n] = part;
  offsets.rings[parts] = ring;
  offsets.positions[rings] = position;
  return { types, dimensions, coordinates, offsets };
}
