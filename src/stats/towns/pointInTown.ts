import inside from 'point-in-polygon-hao';
import type { MultiPolygon, Polygon } from 'geojson';

export const INSIDE = 1;
export const ON_BOUNDARY = 0;
export const OUTSIDE_POLYGON = -1;
export type Placement = typeof INSIDE | typeof ON_BOUNDARY | typeof OUTSIDE_POLYGON;

/**
 * Where a point lies relative to a polygon or multipolygon (holes included), decided with the
 * same exact predicates Turf uses, so a point exactly on an edge or vertex is reported as such.
 */
export function placePoint(x: number, y: number, geometry: Polygon | MultiPolygon): Placement {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let onBoundary = false;
  for (const rings of parts) {
    const r = inside([x, y], rings);
    if (r === true) return INSIDE;
    if (r === 0) onBoundary = true;
  }
  return onBoundary ? ON_BOUNDARY : OUTSIDE_POLYGON;
}
