import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Region } from '../../src/stats/towns/townIndex';

/**
 * The naive reference: Turf's pointsWithinPolygon for every town over every point, then the same
 * documented rule (interior first, else the lowest code on whose boundary the point lies). Slow on purpose.
 */
export function naiveAssignTowns(regions: readonly Region[], xs: ArrayLike<number>, ys: ArrayLike<number>): Int16Array {
  const towns = [...regions].sort((a, b) => (a.code < b.code ? -1 : 1));
  const points = turf.featureCollection(Array.from({ length: xs.length }, (_, i) => turf.point([xs[i], ys[i]], { i })));
  const out = new Int16Array(xs.length).fill(-1);
  const strict = new Uint8Array(xs.length);
  towns.forEach((town, t) => {
    const polygon: Feature<Polygon | MultiPolygon> = turf.feature(town.geometry);
    const within = turf.pointsWithinPolygon(points, polygon) as FeatureCollection<Point, { i: number }>;
    for (const p of within.features) {
      const i = p.properties.i;
      const isInterior = turf.booleanPointInPolygon(p, polygon, { ignoreBoundary: true });
      if (isInterior && !strict[i]) {
        out[i] = t;
        strict[i] = 1;
      } else if (!strict[i] && out[i] === -1) out[i] = t;
    }
  });
  return out;
}
