import type { Feature, Geometry } from 'geojson';

export type Bbox = readonly [number, number, number, number];

/** The whole world as a bbox parameter, for servers that want one on every request. */
export const WORLD_BBOX = '-180,-90,180,90';

/** The address of a collection's items on an OGC API (a feature's with `featureId`). */
export const itemsUrl = (ogcApiUrl: string, collection: string, featureId?: string) =>
  `${ogcApiUrl.replace(/\/$/, '')}/collections/${encodeURIComponent(collection)}/items${featureId === undefined ? '' : `/${encodeURIComponent(featureId)}`}`;

/** An items page as JSON, with a bbox (the whole world: MapServer counts faster with one) and the given parameters. */
export const itemsPageUrl = (ogcApiUrl: string, collection: string, params: Record<string, string>) =>
  `${itemsUrl(ogcApiUrl, collection)}?${new URLSearchParams({ f: 'json', bbox: WORLD_BBOX, ...params })}`;

/** A closed or half-open time interval in epoch ms; null ends are open ("..") as in OGC API datetime. */
export interface TimeInterval {
  start: number | null;
  end: number | null;
}

export interface FeatureQuery {
  bbox?: Bbox;
  datetime?: TimeInterval;
}

/** Parses an OGC API - Features `datetime` value: an instant, `a/b`, `../b` or `a/..`. */
export function parseDatetime(value: string): TimeInterval | null {
  const parts = value.split('/');
  if (parts.length > 2) return null;
  const parse = (s: string): number | null | undefined => {
    if (s === '..' || s === '') return null;
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  };
  const start = parse(parts[0]);
  const end = parts.length === 2 ? parse(parts[1]) : start;
  if (start === undefined || end === undefined) return null;
  if (start !== null && end !== null && start > end) return null;
  return { start, end };
}

export function formatDatetime(i: TimeInterval): string {
  const f = (t: number | null) => (t === null ? '..' : new Date(t).toISOString());
  return `${f(i.start)}/${f(i.end)}`;
}

export function parseBbox(value: string): Bbox | null {
  const n = value.split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[0] > n[2] || n[1] > n[3]) return null;
  return [n[0], n[1], n[2], n[3]];
}

function geometryBbox(g: Geometry): Bbox {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => visit((x as { coordinates: unknown }).coordinates));
  else visit(g.coordinates);
  return box as unknown as Bbox;
}

/** The filter both the static source and the mock API apply: bbox intersection and time within the interval. */
export function matchesQuery(f: Feature, q: FeatureQuery, timeField: string | undefined): boolean {
  if (q.bbox) {
    if (!f.geometry) return false;
    const b = geometryBbox(f.geometry);
    if (b[2] < q.bbox[0] || b[0] > q.bbox[2] || b[3] < q.bbox[1] || b[1] > q.bbox[3]) return false;
  }
  if (q.datetime && timeField) {
    const raw = (f.properties as Record<string, unknown> | null)?.[timeField];
    const t = typeof raw === 'string' ? Date.parse(raw) : NaN;
    if (Number.isNaN(t)) return false;
    if (q.datetime.start !== null && t < q.datetime.start) return false;
    if (q.datetime.end !== null && t > q.datetime.end) return false;
  }
  return true;
}
