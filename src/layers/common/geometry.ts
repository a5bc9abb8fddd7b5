import { z } from 'zod';

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
/** [lon, lat] in WGS84 / CGCS2000, an optional altitude after them. */
export const position = z.tuple([longitude, latitude], z.number());

const ring = z
  .array(position)
  .min(4)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'ring is not closed');

export const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
export const lineGeometry = z.union([
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)).min(1) }),
]);
export const polygonGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export type GeometryKind = 'point' | 'line' | 'polygon';
export const geometrySchemas = {
  point: pointGeometry,
  line: lineGeometry,
  polygon: polygonGeometry,
} as const satisfies Record<GeometryKind, z.ZodType>;

export interface GeometryOfKind {
  point: import('geojson').Point;
  line: import('geojson').LineString | import('geojson').MultiLineString;
  polygon: import('geojson').Polygon | import('geojson').MultiPolygon;
}

/** The first position of any geometry's coordinates (a point, a line's first vertex, a polygon's first ring's), or null if there is none. */
export function firstPosition(coordinates: unknown): [number, number] | null {
  let c = coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
}
