import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

const METERS_PER_DEGREE_LAT = 111_320;

/** Offsets a lon/lat position by metres east and north (local flat approximation, fine below a few km). */
export function offsetMeters([lon, lat]: Position, east: number, north: number): Position {
  const metersPerDegreeLon = METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  return [lon + east / metersPerDegreeLon, lat + north / METERS_PER_DEGREE_LAT];
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function roundPosition(p: Position, digits = 6): Position {
  return [round(p[0], digits), round(p[1], digits)];
}

export function roundCoords<T>(coords: T, digits: number): T {
  if (typeof (coords as unknown[])[0] === 'number') return roundPosition(coords as Position, digits) as T;
  return (coords as unknown[]).map((c) => roundCoords(c, digits)) as T;
}

export type AreaFeature = Feature<Polygon | MultiPolygon>;

/** Point-in-polygon against a small set of regions, with a bounding-box pre-check. */
export class RegionLookup<P> {
  private readonly entries: { feature: AreaFeature; bbox: number[]; value: P }[];

  constructor(regions: { feature: AreaFeature; value: P }[]) {
    this.entries = regions.map((r) => ({ ...r, bbox: turf.bbox(r.feature) }));
  }

  find(p: Position): P | null {
    for (const e of this.entries) {
      const [w, s, east, n] = e.bbox;
      if (p[0] < w || p[0] > east || p[1] < s || p[1] > n) continue;
      if (turf.booleanPointInPolygon(p, e.feature)) return e.value;
    }
    return null;
  }
}

/** Samples a polyline every `stepM` metres, returning the positions with their bearing. */
export function sampleLine(coords: Position[], stepM: number): { position: Position; bearing: number }[] {
  const out: { position: Position; bearing: number }[] = [];
  let carry = 0;
  for (let i = 0; i < coords.length - 1; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const segment = turf.distance(a, b, { units: 'meters' });
    const bearing = turf.bearing(a, b);
    let d = carry;
    while (d < segment) {
      const t = d / segment;
      out.push({ position: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], bearing });
      d += stepM;
    }
    carry = d - segment;
  }
  return out;
}

/** Keeps the runs of a densified line that lie inside a polygon. */
export function clipLineToArea(coords: Position[], area: AreaFeature, stepM = 50): Position[][] {
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (const { position } of sampleLine(coords, stepM)) {
    if (turf.booleanPointInPolygon(position, area)) run.push(position);
    else if (run.length) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
  }
  const last = coords[coords.length - 1];
  if (turf.booleanPointInPolygon(last, area)) run.push(last);
  if (run.length > 1) runs.push(run);
  return runs;
}
