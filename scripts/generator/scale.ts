import type { Feature, Geometry, Position } from 'geojson';
import type { CollectionId } from '../../src/layers/registry';
import type { Boundaries } from './boundaries';
import { offsetMeters, RegionLookup, roundCoords } from './geo';
import type { Dataset, GeneratedFeature } from './types';

/** Collections copied N times for the scaled benchmark datasets; the base map stays as it is. */
export const SCALED_COLLECTIONS: readonly CollectionId[] = ['lamps', 'lamp-faults', 'manholes', 'manhole-defects', 'patches', 'railway-issues'];

/** A fixed pseudo-random offset in metres for copy k of a feature, from its id: assets and their cases move together. */
function jitter(id: string, k: number, radiusM: number): [number, number] {
  let h = 2166136261 ^ k;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const a = ((h >>> 0) % 3600) / 3600;
  const r = (((Math.imul(h, 2654435761) >>> 0) % 1000) / 1000) * radiusM;
  return [Math.cos(a * 2 * Math.PI) * r, Math.sin(a * 2 * Math.PI) * r];
}

function moveGeometry(g: Geometry, east: number, north: number): Geometry {
  const move = (p: Position) => offsetMeters(p, east, north);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundCoords(move(g.coordinates), 6) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: roundCoords(g.coordinates.map((r) => r.map(move)), 7) };
    default:
      return g;
  }
}

/**
 * Copy k (k ≥ 1) of a collection: ids get a suffix, features move a few hundred metres (staying in
 * the district, railway issues in their corridor), and the town is looked up again where they land.
 */
export function* scaledCopy<C extends CollectionId>(id: C, features: Dataset[C], k: number, b: Boundaries, corridor: RegionLookup<string>): Generator<Feature> {
  const towns = new RegionLookup(b.towns.map((t) => ({ feature: t, value: t.properties.code })));
  for (const f of features as GeneratedFeature<CollectionId>[]) {
    const p = f.properties as Record<string, unknown>;
    const anchor = typeof p.assetId === 'string' ? p.assetId : f.id;
    const [east, north] = jitter(anchor, k, id === 'railway-issues' ? 120 : 300);
    let geometry = moveGeometry(f.geometry, east, north);
    const probe = geometry.type === 'Point' ? geometry.coordinates : geometry.type === 'Polygon' ? geometry.coordinates[0][0] : null;
    let townCode = probe ? towns.find(probe) : null;
    if (!townCode || (id === 'railway-issues' && probe && !corridor.find(probe))) {
      geometry = f.geometry;
      townCode = p.townCode as string;
    }
    const suffix = `-x${k}`;
    const properties: Record<string, unknown> = { ...p, id: `${f.id}${suffix}`, townCode };
    if (typeof p.assetId === 'string') properties.assetId = `${p.assetId}${suffix}`;
    yield { type: 'Feature', id: `${f.id}${suffix}`, geometry, properties };
  }
}
