import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { OUTSIDE_CODE } from '../layers/common/codes';
import { firstPosition } from '../layers/common/geometry';
import type { TownProperties } from '../layers/base/schema';
import { OUTSIDE, type TownIndex } from '../stats/towns/townIndex';

/** A town's properties for an imported region: what the boundary file gives, and what its polygon says. */
export function regionProperties(given: { code: string; name: string; nameEn: string }, geometry: Polygon | MultiPolygon): TownProperties {
  const feature = turf.feature(geometry);
  const seat = turf.pointOnFeature(feature).geometry.coordinates;
  return {
    code: given.code,
    name: given.name,
    nameEn: given.nameEn,
    kind: 'street',
    setting: 'urban',
    seat: [Math.round(seat[0] * 1e6) / 1e6, Math.round(seat[1] * 1e6) / 1e6],
    areaKm2: Math.round(turf.area(feature) / 1e4) / 100,
    derived: false,
  };
}

/**
 * Gives every feature the town code of the region its first position lies in, by the engine's
 * own rule, so the map's town filter and the statistics agree once new regions are loaded.
 * Features whose code is already right are kept as they are.
 */
export function reassignTownCodes<F extends Feature>(features: readonly F[], index: TownIndex): F[] {
  return features.map((f) => {
    const [x, y] = firstPosition((f.geometry as { coordinates: unknown }).coordinates)!;
    const town = index.locate(x, y);
    const code = town === OUTSIDE ? OUTSIDE_CODE : index.codes[town];
    const properties = f.properties as { townCode?: string } | null;
    if (!properties || properties.townCode === code) return f;
    return { ...f, properties: { ...properties, townCode: code } };
  });
}
