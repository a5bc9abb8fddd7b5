import type { MultiPolygon, Polygon } from 'geojson';
import { OUTSIDE_POLYGON, placePoint } from '../towns/pointInTown';

export interface SpatialFilter {
  /** The map viewport: [west, south, east, north]. */
  bbox?: readonly [number, number, number, number];
  /** A drawn area; points on its edge count as inside. */
  polygon?: Polygon | MultiPolygon;
}

/** Whether a filter narrows anything (a viewport or a drawn area). */
export const isSpatialFilter = (filter: SpatialFilter | undefined): filter is SpatialFilter => Boolean(filter && (filter.bbox || filter.polygon));

/** Which cases of a table lie in the viewport and the drawn area: computed once per change of either. */
export function spatialMask(table: { x: Float64Array; y: Float64Array }, filter: SpatialFilter): Uint8Array {
  const mask = new Uint8Array(table.x.length);
  const [w, s, e, n] = filter.bbox ?? [-Infinity, -Infinity, Infinity, Infinity];
  for (let i = 0; i < mask.length; i++) {
    const x = table.x[i];
    const y = table.y[i];
    if (x < w || x > e || y < s || y > n) continue;
    if (filter.polygon && placePoint(x, y, filter.polygon) === OUTSIDE_POLYGON) continue;
    mask[i] = 1;
  }
  return mask;
}
