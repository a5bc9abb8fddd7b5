import { zipSync } from 'fflate';
import type { Feature, Geometry, Position } from 'geojson';
import { encodeGbk } from './gbk';

export type DbfEncoding = 'utf-8' | 'gbk';

/** WGS84 longitude / latitude as ArcGIS writes it in a .prj. */
const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const SHAPE = { null: 0, point: 1, polyline: 3, polygon: 5, multipoint: 8 } as const;

type Field = { name: string; dbf: string; type: 'C' | 'N' | 'L'; length: number; decimals: number };

/** DBF field names: ASCII letters, digits and _, at most 10 characters, unique (a number replaces the end of a repeat). */
export function dbfFieldNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    let base = name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 10) || `F${i + 1}`;
    if (/^\d/.test(base)) base = `F${base}`.slice(0, 10);
    let candidate = base;
    for (let n = 1; taken.has(candidate.toUpperCase()); n++) candidate = `${base.slice(0, 10 - String(n).length)}${n}`;
    taken.add(candidate.toUpperCase());
    return candidate;
  });
}

function fieldsOf(features: readonly Feature[], encode: (s: string) => Uint8Array): Field[] {
  const names: string[] = [];
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!names.includes(k)) names.push(k);
  const dbf = dbfFieldNames(names);
  return names.map((name, i) => {
    const values = features.map((f) => f.properties?.[name]).filter((v) => v !== null && v !== undefined);
    if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return { name, dbf: dbf[i], type: 'L', length: 1, decimals: 0 };
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const integers = values.every((v) => Number.isInteger(v));
      return { name, dbf: dbf[i], type: 'N', length: integers ? 18 : 24, decimals: integers ? 0 : 8 };
    }
    const longest = Math.max(1, ...values.map((v) => encode(typeof v === 'object' ? JSON.stringify(v) : String(v)).length));
    return { name, dbf: dbf[i], type: 'C', length: Math.min(254, longest), decimals: 0 };
  });
}

/** The bytes of one value in its field (blank for null; text cut at the field's width on a whole character). */
function cell(field: Field, value: unknown, encode: (s: string) => Uint8Array): Uint8Array {
  const out = new Uint8Array(field.length).fill(0x20);
  if (value === null || value === undefined) return out;
  if (field.type === 'L') out[0] = value ? 0x54 : 0x46;
  else if (field.type === 'N') {
    const text = (value as number).toFixed(field.decimals);
    out.set(new TextEncoder().encode(text.slice(-field.length)), Math.max(0, field.length - text.length));
  } else {
    let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    let bytes = encode(text);
    while (bytes.length > field.length) bytes = encode((text = text.slice(0, -1)));
    out.set(bytes);
  }
  return out;
}

function dbfFile(features: readonly Feature[], fields: Field[], encode: (s: string) => Uint8Array): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((t, f) => t + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(out.buffer);
  const now = new Date();
  out.set([0x03, now.getFullYear() - 1900, now.getMonth() + 1, now.getDate()]);
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(new TextEncoder().encode(f.dbf), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = f.length;
    out[at + 17] = f.decimals;
  });
  out[headerLength - 1] = 0x0d;
  features.forEach((feature, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    for (const f of fields) {
      out.set(cell(f, feature.properties?.[f.name], encode), at);
      at += f.length;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** Positive for a counter-clockwise ring. */
const signedArea = (ring: Position[]) => ring.reduce((t, [x1, y1], i) => t + (i ? (ring[i - 1][0] - x1) * (ring[i - 1][1] + y1) : 0), 0) / 2;
/** Rings as a shapefile wants them: outer rings clockwise, holes counter-clockwise. */
const oriented = (ring: Position[], outer: boolean) => ((signedArea(ring) > 0) === outer ? [...ring].reverse() : ring);

/** A geometry as the parts and points of the layer's shape type (null when it is of another kind or empty). */
function partsOf(g: Geometry | null, type: number): Position[][] | null {
  if (!g) return null;
  if (type === SHAPE.point) return g.type === 'Point' ? [[g.coordinates]] : null;
  if (type === SHAPE.multipoint) return g.type === 'MultiPoint' ? [g.coordinates] : g.type === 'Point' ? [[g.coordinates]] : null;
  if (type === SHAPE.polyline) return g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : null;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
  return polygons && polygons.flatMap((rings) => rings.map((ring, i) => oriented(ring, i === 0)));
}

function shapeTypeOf(features: readonly Feature[]): number {
  const g = features.find((f) => f.geometry)?.geometry;
  if (!g) return SHAPE.null;
  if (g.type === 'Point') return SHAPE.point;
  if (g.type === 'MultiPoint') return SHAPE.multipoint;
  if (g.type === 'LineString' || g.type === 'MultiLineString') return SHAPE.polyline;
  return SHAPE.polygon;
}

/** The .shp and .shx of the features: the main file's records and the index of their offsets. */
function shpAndShx(features: readonly Feature[]): { shp: Uint8Array; shx: Uint8Array } {
  const type = shapeTypeOf(features);
  const records = features.map((f) => {
    const parts = partsOf(f.geometry, type);
    if (!parts || parts.every((p) => p.length === 0)) {
      const r = new DataView(new ArrayBuffer(4));
      r.setInt32(0, SHAPE.null, true);
      return { bytes: new Uint8Array(r.buffer), box: null };
    }
    const points = parts.flat();
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    if (type === SHAPE.point) {
      const r = new DataView(new ArrayBuffer(20));
      r.setInt32(0, type, true);
      r.setFloat64(4, xs[0], true);
      r.setFloat64(12, ys[0], true);
      return { bytes: new Uint8Array(r.buffer), box };
    }
    const multipoint = type === SHAPE.multipoint;
    const size = 4 + 32 + 4 + (multipoint ? 0 : 4 + 4 * parts.length) + 16 * points.length;
    const r = new DataView(new ArrayBuffer(size));
    let at = 0;
    r.setInt32(at, type, true);
    box.forEach((v, i) => r.setFloat64(4 + 8 * i, v, true));
    at = 36;
    if (!multipoint) {
      r.setInt32(at, parts.length, true);
      at += 4;
    }
    r.setInt32(at, points.length, true);
    at += 4;
    if (!multipoint) {
      let start = 0;
      for (const p of parts) {
        r.setInt32(at, start, true);
        at += 4;
        start += p.length;
      }
    }
    for (const [x, y] of points) {
      r.setFloat64(at, x, true);
      r.setFloat64(at + 8, y, true);
      at += 16;
    }
    return { bytes: new Uint8Array(r.buffer), box };
  });
  const boxes = records.flatMap((r) => (r.box ? [r.box] : []));
  const box = boxes.length ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))] : [0, 0, 0, 0];
  const shpLength = 100 + records.reduce((t, r) => t + 8 + r.bytes.length, 0);
  const header = (length: number) => {
    const h = new DataView(new ArrayBuffer(100));
    h.setInt32(0, 9994, false);
    h.setInt32(24, length / 2, false);
    h.setInt32(28, 1000, true);
    h.setInt32(32, type, true);
    box.forEach((v, i) => h.setFloat64(36 + 8 * i, v, true));
    return new Uint8Array(h.buffer);
  };
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  shp.set(header(shpLength));
  shx.set(header(shx.length));
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let offset = 100;
  records.forEach((r, i) => {
    shpView.setInt32(offset, i + 1, false);
    shpView.setInt32(offset + 4, r.bytes.length / 2, false);
    shp.set(r.bytes, offset + 8);
    shxView.setInt32(100 + 8 * i, offset / 2, false);
    shxView.setInt32(104 + 8 * i, r.bytes.length / 2, false);
    offset += 8 + r.bytes.length;
  });
  return { shp, shx };
}

/**
 * Features as a zipped shapefile a desktop GIS opens as it is: .shp / .shx / .dbf, a .prj
 * (WGS84), a .cpg naming the DBF's encoding (UTF-8, or GBK for older Chinese software), and a
 * table of the DBF's 10-character field names against the full names and labels they stand for.
 */
export function featuresShapefileZip(features: readonly Feature[], name: string, encoding: DbfEncoding, label: (field: string) => string = (f) => f): Uint8Array<ArrayBuffer> {
  const encode = encoding === 'gbk' ? encodeGbk : (s: string) => new TextEncoder().encode(s);
  const fields = fieldsOf(features, encode);
  const { shp, shx } = shpAndShx(features);
  const table = ['dbf_field,name,label', ...fields.map((f) => [f.dbf, f.name, label(f.name)].map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\r\n');
  const zip = zipSync({
    [`${name}.shp`]: shp,
    [`${name}.shx`]: shx,
    [`${name}.dbf`]: dbfFile(features, fields, encode),
    [`${name}.prj`]: new TextEncoder().encode(WGS84_PRJ),
    [`${name}.cpg`]: new TextEncoder().encode(encoding === 'gbk' ? 'GBK' : 'UTF-8'),
    [`${name}_fields.csv`]: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(table)]),
  });
  return new Uint8Array(zip);
}
