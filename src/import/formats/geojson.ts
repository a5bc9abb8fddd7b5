import { err, ok, type Result } from '../../data/result';
import { crsOfGeoJson, type FileCrs } from '../declaredCrs';
import type { FileProblem } from '../problems';
import { FieldCollector, safeProperties, type ImportFormat, type ParsedFile, type RawRecord } from '../records';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const type = (value as { type?: unknown }).type;
    return typeof type === 'string' ? `"type": "${type.slice(0, 40)}"` : 'object';
  }
  return typeof value;
}

export function isFeature(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Feature';
}

/** One GeoJSON feature (anything, really: the check names what is wrong with it) as a record. */
export function featureRecord(value: unknown, fields: FieldCollector): RawRecord {
  const feature = (typeof value === 'object' && value !== null ? value : {}) as { geometry?: unknown; id?: unknown; properties?: unknown; type?: unknown };
  return { geometry: feature.type === 'Feature' ? feature.geometry : undefined, id: feature.id, properties: safeProperties(feature.properties, fields) };
}

/** Features (GeoJSON objects, from any reader that yields them) as records, with their property names. */
export function featureRecords(features: readonly unknown[], format: ImportFormat, declaredCrs: FileCrs | null = null, choice: ParsedFile['choice'] = null): Result<ParsedFile, FileProblem> {
  if (features.length === 0) return err({ code: 'noFeatures' });
  if (!features.some(isFeature)) return err({ code: 'notGeoJson', found: `features of ${describe(features[0])}` });
  const fields = new FieldCollector();
  const records: RawRecord[] = features.map((f) => featureRecord(f, fields));
  return ok({ format, tabular: false, geometryFrom: 'features', declaredCrs, choice, records, fields: fields.names, unsafeKeys: [...fields.unsafe], coordinateColumns: null });
}

/** Reads GeoJSON text: a FeatureCollection (its legacy "crs" member applied), a single Feature, or a bare array of Features. */
export function parseGeoJson(text: string): Result<ParsedFile, FileProblem> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (e) {
    return err({ code: 'notJson', detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  let features: unknown[];
  if (Array.isArray(payload)) features = payload;
  else if (typeof payload === 'object' && payload !== null) {
    const type = (payload as { type?: unknown }).type;
    if (type === 'FeatureCollection') {
      const list = (payload as { features?: unknown }).features;
      if (!Array.isArray(list)) return err({ code: 'notGeoJson', found: '"features" missing' });
      features = list;
    } else if (type === 'Feature') features = [payload];
    else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return err({ code: 'notGeoJson', found: `bare ${type} geometry` });
    else return err({ code: 'notGeoJson', found: describe(payload) });
  } else return err({ code: 'notGeoJson', found: describe(payload) });
  return featureRecords(features, 'geojson', crsOfGeoJson(payload));
}

/** Whether text is GeoJSONSeq (RFC 8142, record separators) or newline-delimited GeoJSON: one Feature per line. */
export function looksLikeGeoJsonSeq(text: string): boolean {
  if (text.startsWith('\u001e')) return true;
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0).trim();
  if (!firstLine.startsWith('{') || firstLine.length === text.trim().length) return false;
  try {
    return (JSON.parse(firstLine) as { type?: unknown }).type === 'Feature';
  } catch {
    return false;
  }
}
