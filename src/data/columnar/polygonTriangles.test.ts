import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { encodeTable } from './encodeTable';
import { hasPolygons, triangulatePolygons } from './polygonTriangles';

const feature = (id: string, geometry: Geometry | null) => ({ type: 'Feature' as const, geometry, properties: { id } });
const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** The area (in degrees², planar) the triangles cover, per feature, found by the first position's owner. */
function coveredArea(coordinates: Float64Array, triangles: Uint32Array): number {
  let area = 0;
  for (let t = 0; t < triangles.length; t += 3) {
    const [a, b, c] = [triangles[t], triangles[t + 1], triangles[t + 2]].map((v) => [coordinates[v * 2], coordinates[v * 2 + 1]]);
    area += Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
  }
  return area;
}

describe('triangulatePolygons', () => {
  it('fills a polygon with its hole cut out, indexing the table’s own positions', () => {
    const table = encodeTable('patches', [feature('a', { type: 'Polygon', coordinates: [square(117, 36, 0.01), square(117.0025, 36.0025, 0.005)] })]);
    const triangles = triangulatePolygons(table.geometry);
    expect(triangles.length % 3).toBe(0);
    // Within the polygon's ten positions (two closed rings of five).
    expect(Math.max(...triangles)).toBeLessThan(10);
    expect(coveredArea(table.geometry.coordinates, triangles)).toBeCloseTo(0.01 ** 2 - 0.005 ** 2, 8);
  });

  it('fills every part of a multipolygon, and skips features that are not polygons', () => {
    const table = encodeTable('patches', [
      feature('line', { type: 'LineString', coordinates: [[117, 36], [117.1, 36.1]] }),
      feature('none', null),
      feature('multi', { type: 'MultiPolygon', coordinates: [[square(117, 36, 0.01)], [square(117.1, 36.1, 0.02)]] }),
    ]);
    const triangles = triangulatePolygons(table.geometry);
    // The line's two positions come first: no triangle uses them.
    expect(Math.min(...triangles)).toBeGreaterThanOrEqual(2);
    expect(coveredArea(table.geometry.coordinates, triangles)).toBeCloseTo(0.01 ** 2 + 0.02 ** 2, 8);
  });

  it('gives nothing for a table of points, and says which geometries hold polygons', () => {
    const points = encodeTable('lamps', [feature('p', { type: 'Point', coordinates: [117, 36] })]);
    expect(triangulatePolygons(points.geometry)).toHaveLength(0);
    expect(hasPolygons(points.geometry)).toBe(false);
    expect(hasPolygons(encodeTable('patches', [feature('a', { type: 'Polygon', coordinates: [square(117, 36, 0.01)] })]).geometry)).toBe(true);
  });
});
