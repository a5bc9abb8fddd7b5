import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { encodeColumn } from '../data/columnar/encodeTable';
import type { FeatureTable } from '../data/columnar/featureTable';
import { anchorAt } from '../data/columnar/readTable';
import { OUTSIDE_CODE } from '../layers/common/codes';
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
 * own rule, so the map's town filter and the statistics agree once new regions are loaded. Only
 * the town code column is written again (and the drawn columns dropped); the other columns are shared.
 */
export function reassignTownCodes(table: FeatureTable, index: TownIndex): FeatureTable {
  if (table.length === 0 || !table.properties.townCode) return table;
  const codes = new Array<string>(table.length);
  for (let i = 0; i < table.length; i++) {
    const [x, y] = anchorAt(table.geometry, i);
    const town = index.locate(x, y);
    codes[i] = town === OUTSIDE ? OUTSIDE_CODE : index.codes[town];
  }
  const reassigned: FeatureTable = { ...table, properties: { ...table.properties, townCode: encodeColumn(table.length, (i) => codes[i]) } };
  // The drawn columns coded the old town codes: the page builds them again.
  delete reassigned.drawn;
  return reassigned;
}
