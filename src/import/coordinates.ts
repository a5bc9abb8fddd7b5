import gcoord from 'gcoord';
import proj4 from 'proj4';
import { gaussKruger, gaussKrugerProj, type DeclaredCrs } from './crs';

export type Bbox = [number, number, number, number];

const GCOORD_CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09, epsg3857: gcoord.EPSG3857 } as const;
const projections = new Map<string, proj4.Converter>();

/** Whether a system's numbers are metres (converted before any range check) rather than degrees. */
export function isProjected(crs: DeclaredCrs): boolean {
  return crs === 'epsg3857' || gaussKruger(crs) !== null;
}

export function toWgs84(x: number, y: number, crs: DeclaredCrs): [number, number] {
  if (crs === 'wgs84') return [x, y];
  if (crs === 'gcj02' || crs === 'bd09' || crs === 'epsg3857') {
    const [lon, lat] = gcoord.transform([x, y], GCOORD_CRS[crs], gcoord.WGS84);
    return [lon, lat];
  }
  let converter = projections.get(crs);
  if (!converter) {
    const gk = gaussKruger(crs);
    if (!gk) return [NaN, NaN];
    projections.set(crs, (converter = proj4(gaussKrugerProj(gk), 'EPSG:4326')));
  }
  const [lon, lat] = converter.forward([x, y]);
  return [lon, lat];
}

export function inLonLatRange(x: number, y: number): boolean {
  return x >= -180 && x <= 180 && y >= -90 && y <= 90;
}

function inBox([x, y]: readonly [number, number], [w, s, e, n]: Bbox): boolean {
  return x >= w && x <= e && y >= s && y <= n;
}

/** A box grown by `degrees` on every side: "near the district" for coordinate guesses. */
export function grow([w, s, e, n]: Bbox, degrees: number): Bbox {
  return [w - degrees, s - degrees, e + degrees, n + degrees];
}

/**
 * Whether a position reads as latitude, longitude: swapped it lands near the district and as
 * written it does not (or it is not even a valid longitude, latitude).
 */
export function looksSwapped(x: number, y: number, near: Bbox): boolean {
  if (!inLonLatRange(y, x)) return false;
  return inBox([y, x], near) && (!inLonLatRange(x, y) || !inBox([x, y], near));
}

const R = 6378137;
function webMercatorToLonLat(x: number, y: number): [number, number] {
  return [((x / R) * 180) / Math.PI, (Math.atan(Math.sinh(y / R)) * 180) / Math.PI];
}

/**
 * The likely EPSG code of projected coordinates near a district: Web Mercator when that reading
 * lands near it, otherwise CGCS2000 Gauss–Krüger, read from the zone number prefixed to the
 * easting (3° zones 25–45, 6° zones 13–23) or, without a prefix, the 3° zone whose central
 * meridian is nearest the district (the 6° zone sharing that meridian gives the same numbers).
 */
export function suggestEpsg(x: number, y: number, near: Bbox): string {
  if (inBox(webMercatorToLonLat(x, y), near)) return 'EPSG:3857';
  const zone = Math.floor(x / 1e6);
  if (zone >= 25 && zone <= 45) return `EPSG:${4513 + zone - 25}`;
  if (zone >= 13 && zone <= 23) return `EPSG:${4491 + zone - 13}`;
  const centre = (near[0] + near[2]) / 2;
  const meridian = Math.min(135, Math.max(75, Math.round(centre / 3) * 3));
  return `EPSG:${4534 + (meridian - 75) / 3}`;
}

export type CoordinateGuess = { kind: 'lonLat' } | { kind: 'projected'; epsg: string; sample: [number, number] };

/** Reads the file's numbers as a whole: projected when most positions cannot be longitude, latitude. */
export function guessCoordinates(positions: readonly [number, number][], near: Bbox): CoordinateGuess {
  const projected = positions.filter(([x, y]) => !inLonLatRange(x, y) && !inLonLatRange(y, x));
  if (positions.length === 0 || projected.length * 2 <= positions.length) return { kind: 'lonLat' };
  const sample = projected[Math.floor(projected.length / 2)];
  return { kind: 'projected', epsg: suggestEpsg(sample[0], sample[1], near), sample };
}

/** Great-circle distance in metres (haversine on the WGS84 equatorial radius; plenty for showing a datum shift). */
export function distanceM([x1, y1]: readonly [number, number], [x2, y2]: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (y2 - y1) * rad;
  const dLon = (x2 - x1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(y1 * rad) * Math.cos(y2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}
