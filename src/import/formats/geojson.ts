import { err, ok, type Result } from '../../data/result';
import type { FileProblem } from '../problems';
import { FieldCollector, safeProperties, type ParsedFile, type RawRecord } from '../records';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const type = (value as { type?: unknown }).type;
    return typeof type === 'string' ? `"type": "${type.slice(0, 40)}"` : 'object';
  }
  return typeof value;
}

/** Reads GeoJSON text: a FeatureCollection, a single Feature, or a bare array of Features. */
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
  if (features.length === 0) return err({ code: 'noFeatures' });
  if (!features.some((f) => typeof f === 'object' && f !== null && (f as { type?: unknown }).type === 'Feature')) {
    return err({ code: 'notGeoJson', found: `features of ${describe(features[0])}` });
  }
  const fields = new FieldCollector();
  const records: RawRecord[] = features.map((f) => {
    const feature = (typeof f === 'object' && f !== null ? f : {}) as { geometry?: unknown; id?: unknown; properties?: unknown; type?: unknown };
    return { geometry: feature.type === 'Feature' ? feature.geometry : undefined, id: feature.id, properties: safeProperties(feature.properties, fields) };
  });
  return ok({ format: 'geojson', records, fields: fields.names, unsafeKeys: [...fields.unsafe], coordinateColumns: null });
}
