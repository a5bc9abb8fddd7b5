import { bbox } from '@turf/bbox';
import type { Geometry } from 'geojson';
import type { DomainLayerId } from '../../layers/registry';
import type { FeatureTable } from '../../data/columnar/featureTable';
import { idAt, textAt } from '../../data/columnar/readTable';

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

interface RoadFeature {
  geometry: Geometry;
  properties: { name: string };
}

/** What can be searched: the drawn layers' features, the cases filed against assets, and roads by name. */
export interface SearchSources {
  layers: Partial<Record<DomainLayerId, FeatureTable>>;
  /** Case tables whose cases point at an asset of the given layer. */
  assetCases: { layer: DomainLayerId; cases: FeatureTable }[];
  roads: readonly RoadFeature[];
}

/**
 * Sorted keys for prefix search, built once per set of loaded collections: one key string and
 * two numbers per feature (which table, which row); a hit is made only for what a query finds.
 */
export interface SearchIndex {
  keys: string[];
  /** Entry → index of its source in `sources`. */
  source: Uint8Array;
  /** Entry → row in its source's table (or index in `roads`). */
  row: Uint32Array;
  sources: ({ kind: 'layer' | 'cases'; layer: DomainLayerId; table: FeatureTable } | { kind: 'roads' })[];
  roads: { name: string; bbox: BBox }[];
}

export function buildSearchIndex(sources: SearchSources): SearchIndex {
  const keys: string[] = [];
  const source: number[] = [];
  const row: number[] = [];
  const list: SearchIndex['sources'] = [];
  const add = (key: string, s: number, r: number) => {
    keys.push(key.toUpperCase());
    source.push(s);
    row.push(r);
  };
  for (const [layer, table] of Object.entries(sources.layers) as [DomainLayerId, FeatureTable][]) {
    const s = list.push({ kind: 'layer', layer, table }) - 1;
    for (let i = 0; i < table.length; i++) add(idAt(table, i), s, i);
  }
  for (const { layer, cases } of sources.assetCases) {
    const s = list.push({ kind: 'cases', layer, table: cases }) - 1;
    for (let i = 0; i < cases.length; i++) if (textAt(cases, 'assetId', i)) add(idAt(cases, i), s, i);
  }
  // A road drawn in several pieces is one hit framing all of them.
  const roadBoxes = new Map<string, BBox>();
  for (const r of sources.roads) {
    const b = bbox(r.geometry) as BBox;
    const prev = roadBoxes.get(r.properties.name);
    roadBoxes.set(r.properties.name, prev ? [Math.min(prev[0], b[0]), Math.min(prev[1], b[1]), Math.max(prev[2], b[2]), Math.max(prev[3], b[3])] : b);
  }
  const roads = [...roadBoxes].map(([name, box]) => ({ name, bbox: box })).sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const roadSource = list.push({ kind: 'roads' }) - 1;
  roads.forEach((r, i) => add(r.name, roadSource, i));
  const order = Uint32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  return {
    keys: Array.from(order, (e) => keys[e]),
    source: Uint8Array.from(order, (e) => source[e]),
    row: Uint32Array.from(order, (e) => row[e]),
    sources: list,
    roads,
  };
}

function hitAt(index: SearchIndex, e: number): SearchHit {
  const s = index.sources[index.source[e]];
  const r = index.row[e];
  if (s.kind === 'roads') return { kind: 'road', ...index.roads[r] };
  if (s.kind === 'layer') return { kind: 'feature', layer: s.layer, id: idAt(s.table, r) };
  return { kind: 'feature', layer: s.layer, id: textAt(s.table, 'assetId', r)!, caseId: idAt(s.table, r) };
}

function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hits whose id or road name starts with the query (exact match first); then roads whose name contains it. */
export function search(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const q = query.trim().toUpperCase();
  if (!q) return [];
  const { keys } = index;
  const hits: SearchHit[] = [];
  for (let i = lowerBound(keys, q); i < keys.length && hits.length < limit && keys[i].startsWith(q); i++) hits.push(hitAt(index, i));
  for (const road of index.roads) {
    if (hits.length >= limit) break;
    const key = road.name.toUpperCase();
    if (!key.startsWith(q) && key.includes(q)) hits.push({ kind: 'road', ...road });
  }
  return hits;
}
