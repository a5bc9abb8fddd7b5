import { bbox } from '@turf/bbox';
import type { Geometry } from 'geojson';
import type { DomainLayerId } from '../../layers/registry';

export type BBox = [number, number, number, number];

export type SearchHit =
  | {
      kind: 'feature';
      layer: DomainLayerId;
      id: string;
      /** The case searched for, when the hit is its asset. */
      caseId?: string;
      /** Where the feature is, when the page does not hold it (found on the server). */
      at?: [number, number];
    }
  | { kind: 'road'; name: string; bbox: BBox };

interface IdFeature {
  id?: string | number;
  properties: { id?: string; assetId?: string };
}
interface RoadFeature {
  geometry: Geometry;
  properties: { name: string };
}

/** What can be searched: the drawn layers' features, the cases filed against assets, and roads by name. */
export interface SearchSources {
  layers: Partial<Record<DomainLayerId, readonly IdFeature[]>>;
  /** Case collections whose cases point at an asset of the given layer. */
  assetCases: { layer: DomainLayerId; cases: readonly IdFeature[] }[];
  roads: readonly RoadFeature[];
}

interface Entry {
  key: string;
  hit: SearchHit;
}

/** Sorted keys for prefix search, built once per set of loaded collections. */
export function buildSearchIndex(sources: SearchSources): Entry[] {
  const entries: Entry[] = [];
  for (const [layer, features] of Object.entries(sources.layers) as [DomainLayerId, readonly IdFeature[]][]) {
    for (const f of features) {
      const id = String(f.properties.id ?? f.id);
      entries.push({ key: id.toUpperCase(), hit: { kind: 'feature', layer, id } });
    }
  }
  for (const { layer, cases } of sources.assetCases) {
    for (const c of cases) {
      if (!c.properties.assetId) continue;
      const caseId = String(c.properties.id ?? c.id);
      entries.push({ key: caseId.toUpperCase(), hit: { kind: 'feature', layer, id: c.properties.assetId, caseId } });
    }
  }
  // A road drawn in several pieces is one hit framing all of them.
  const roadBoxes = new Map<string, BBox>();
  for (const r of sources.roads) {
    const b = bbox(r.geometry) as BBox;
    const prev = roadBoxes.get(r.properties.name);
    roadBoxes.set(r.properties.name, prev ? [Math.min(prev[0], b[0]), Math.min(prev[1], b[1]), Math.max(prev[2], b[2]), Math.max(prev[3], b[3])] : b);
  }
  for (const [name, box] of roadBoxes) entries.push({ key: name.toUpperCase(), hit: { kind: 'road', name, bbox: box } });
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries;
}

function lowerBound(entries: readonly Entry[], key: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hits whose id or road name starts with the query (exact match first); then roads whose name contains it. */
export function search(entries: readonly Entry[], query: string, limit = 8): SearchHit[] {
  const q = query.trim().toUpperCase();
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (let i = lowerBound(entries, q); i < entries.length && hits.length < limit && entries[i].key.startsWith(q); i++) hits.push(entries[i].hit);
  if (hits.length < limit) {
    for (const e of entries) {
      if (hits.length >= limit) break;
      if (e.hit.kind === 'road' && !e.key.startsWith(q) && e.key.includes(q)) hits.push(e.hit);
    }
  }
  return hits;
}
