import type { Position } from 'geojson';
import type { Boundaries } from './boundaries';
import { offsetMeters, RegionLookup, sampleLine } from './geo';
import { apportion } from './random';
import { TOWN_PROFILES } from './towns';
import type { GeneratedFeature } from './types';

export interface RoadSite {
  position: Position;
  road: string;
  roadClass: 'arterial' | 'secondary' | 'local';
  townCode: string;
}

/** Positions along every road at a class-dependent spacing, optionally offset to both kerbs. */
export function roadSites(
  roads: GeneratedFeature<'roads'>[],
  b: Boundaries,
  spacingM: Record<RoadSite['roadClass'], number>,
  kerbOffsetM: number,
): RoadSite[] {
  const lookup = new RegionLookup(b.towns.map((t) => ({ feature: t, value: t.properties.code })));
  const sites: RoadSite[] = [];
  for (const road of roads) {
    if (road.geometry.type !== 'LineString') continue;
    const cls = road.properties.class;
    const bothSides = kerbOffsetM > 0 && cls !== 'local';
    for (const { position, bearing } of sampleLine(road.geometry.coordinates, spacingM[cls])) {
      for (const side of bothSides ? [1, -1] : [kerbOffsetM > 0 ? 1 : 0]) {
        const r = ((bearing + 90) * Math.PI) / 180;
        const p = side === 0 ? position : offsetMeters(position, Math.sin(r) * kerbOffsetM * side, Math.cos(r) * kerbOffsetM * side);
        const townCode = lookup.find(p);
        if (townCode) sites.push({ position: p, road: road.properties.name, roadClass: cls, townCode });
      }
    }
  }
  return sites;
}

/**
 * Chooses exactly `total` sites, split between towns by their asset share; `priority` sites are
 * kept first, the rest are thinned evenly along the roads.
 */
export function selectSites(sites: RoadSite[], total: number, shareExponent: number, priority: (s: RoadSite) => boolean): RoadSite[] {
  const codes = Object.keys(TOWN_PROFILES);
  const targets = apportion(total, codes.map((c) => TOWN_PROFILES[c].assetShare ** shareExponent));
  const chosen: RoadSite[] = [];
  codes.forEach((code, i) => {
    const inTown = sites.filter((s) => s.townCode === code);
    const first = inTown.filter(priority).slice(0, targets[i]);
    const rest = inTown.filter((s) => !priority(s));
    const need = targets[i] - first.length;
    if (need > rest.length) throw new Error(`town ${code} has ${rest.length + first.length} road sites for ${targets[i]} assets`);
    chosen.push(...first);
    for (let k = 0; k < need; k++) chosen.push(rest[Math.floor((k * rest.length) / need)]);
  });
  return chosen;
}
