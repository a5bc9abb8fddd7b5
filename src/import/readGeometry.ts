import * as turf from '@turf/turf';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { firstPosition, type GeometryKind } from '../layers/common/geometry';
import { inLonLatRange, isProjected, looksSwapped, toWgs84, type Bbox } from './coordinates';
import type { DeclaredCrs } from './crs';
import { clip } from './excerpt';
import type { FeatureProblemReason } from './problems';

export interface GeometryOptions {
  crs: DeclaredCrs;
  /** Swap positions that read as latitude, longitude near the district. */
  fixSwapped: boolean;
  near: Bbox;
}

export type ReadGeometry =
  | { ok: true; geometry: Point | Polygon | MultiPolygon; swapped: boolean; first: { before: [number, number]; after: [number, number] } }
  | { ok: false; reason: FeatureProblemReason };

class GeometryProblem extends Error {
  constructor(readonly reason: FeatureProblemReason) {
    super(reason.code);
  }
}

const shown = (value: unknown) => clip(JSON.stringify(value) ?? String(value), 40);

/** One position checked, swapped if it must be, and converted to WGS84. */
function readPosition(raw: unknown, options: GeometryOptions, state: { swapped: boolean }): [number, number] {
  if (!Array.isArray(raw) || raw.length < 2 || typeof raw[0] !== 'number' || typeof raw[1] !== 'number' || !Number.isFinite(raw[0]) || !Number.isFinite(raw[1])) {
    throw new GeometryProblem({ code: 'badCoordinate', value: shown(raw) });
  }
  let [x, y] = raw as [number, number];
  if (isProjected(options.crs)) {
    const lonLat = toWgs84(x, y, options.crs);
    if (!inLonLatRange(...lonLat)) throw new GeometryProblem({ code: 'outOfRange', lon: x, lat: y });
    return lonLat;
  }
  if (options.fixSwapped && looksSwapped(x, y, options.near)) {
    [x, y] = [y, x];
    state.swapped = true;
  }
  if (!inLonLatRange(x, y)) throw new GeometryProblem({ code: 'outOfRange', lon: x, lat: y });
  return toWgs84(x, y, options.crs);
}

function readRing(raw: unknown, options: GeometryOptions, state: { swapped: boolean }): Position[] {
  if (!Array.isArray(raw)) throw new GeometryProblem({ code: 'badCoordinate', value: shown(raw) });
  const ring = raw.map((p) => readPosition(p, options, state));
  if (ring.length < 4) throw new GeometryProblem({ code: 'ringTooShort' });
  const [first, last] = [raw[0] as number[], raw[raw.length - 1] as number[]];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new GeometryProblem({ code: 'ringNotClosed' });
  return ring;
}

function readPolygon(raw: unknown, options: GeometryOptions, state: { swapped: boolean }): Position[][] {
  if (!Array.isArray(raw) || raw.length === 0) throw new GeometryProblem({ code: 'badCoordinate', value: shown(raw) });
  return raw.map((r) => readRing(r, options, state));
}

/** Reads and checks a GeoJSON geometry for a layer of the given kind; the first problem found is the reason it is skipped. */
export function readGeometry(raw: unknown, kind: GeometryKind, options: GeometryOptions): ReadGeometry {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: { code: 'noGeometry' } };
  const g = raw as { type?: unknown; coordinates?: unknown };
  const type = typeof g.type === 'string' ? g.type : '?';
  const expected = kind === 'point' ? 'Point' : kind === 'polygon' ? 'Polygon / MultiPolygon' : 'LineString / MultiLineString';
  const state = { swapped: false };
  try {
    let geometry: Point | Polygon | MultiPolygon;
    if (kind === 'point' && type === 'Point') geometry = { type: 'Point', coordinates: readPosition(g.coordinates, options, state) };
    else if (kind === 'polygon' && type === 'Polygon') geometry = { type: 'Polygon', coordinates: readPolygon(g.coordinates, options, state) };
    else if (kind === 'polygon' && type === 'MultiPolygon') {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new GeometryProblem({ code: 'badCoordinate', value: shown(g.coordinates) });
      geometry = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => readPolygon(p, options, state)) };
    } else return { ok: false, reason: { code: 'geometryType', expected, found: type.slice(0, 40) } };
    if (geometry.type !== 'Point') {
      const kinks = turf.kinks(geometry);
      if (kinks.features.length > 0) {
        const [x, y] = kinks.features[0].geometry.coordinates;
        return { ok: false, reason: { code: 'selfIntersection', at: [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] } };
      }
    }
    // Both exist: the geometry was just read from these coordinates.
    const before = firstPosition(g.coordinates)!;
    const after = firstPosition(geometry.coordinates)!;
    return { ok: true, geometry, swapped: state.swapped, first: { before: state.swapped ? [before[1], before[0]] : before, after } };
  } catch (e) {
    if (e instanceof GeometryProblem) return { ok: false, reason: e.reason };
    throw e;
  }
}
