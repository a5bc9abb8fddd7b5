import { pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { CaseSeries } from '../../stats/series/caseSeries';
import type { PatchProperties } from './schema';
import type { PatchTable } from './stats';

/**
 * When a patch's case ends: disposed of (demolished, confiscated, legalised) or, for a patch found
 * legal or a false positive, verified. NaN while it is still open.
 */
export function patchConcludedAt(table: PatchTable, i: number): number {
  const final = table.finalStatus[i];
  return final === 'legal' || final === 'falsePositive' ? table.verified[i] : table.disposed[i];
}

/** Patches detected and concluded per bucket, and open at each bucket's end; a patch counts once if any part of it is in a kept slot. */
export function patchSeries(table: PatchTable, edges: readonly number[], keepSlot: Uint8Array, keep: Uint8Array | null = null): CaseSeries {
  const buckets = Math.max(0, edges.length - 1);
  const series: CaseSeries = { reported: new Array<number>(buckets).fill(0), closed: new Array<number>(buckets).fill(0), backlog: new Array<number>(buckets).fill(0) };
  const bucketOf = (t: number) => {
    if (!(t >= edges[0] && t < edges[buckets])) return -1;
    let lo = 0;
    let hi = buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (edges[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (let i = 0; i < table.size; i++) {
    if (keep && keep[i] === 0) continue;
    let kept = false;
    for (let k = table.partStart[i]; k < table.partStart[i + 1] && !kept; k++) kept = keepSlot[table.partSlot[k]] === 1;
    if (!kept) continue;
    const detected = table.detected[i];
    const concluded = patchConcludedAt(table, i);
    const b = bucketOf(detected);
    if (b >= 0) series.reported[b]++;
    const c = bucketOf(concluded);
    if (c >= 0) series.closed[c]++;
    for (let k = 0; k < buckets; k++) {
      const end = edges[k + 1];
      if (detected < end && !(concluded < end)) series.backlog[k]++;
    }
  }
  return series;
}

/**
 * The patches as cases (detected → concluded, with their deadline), one point each at a point
 * inside the patch: the case flow counts a patch that crosses towns in the town holding that point
 * (the area figures split it between towns instead). Category: the change type.
 */
export function patchCaseFeatures(patches: readonly Feature<Polygon | MultiPolygon, PatchProperties>[], table: PatchTable): Feature<Point, Record<string, unknown>>[] {
  return patches.map((p, i) => {
    const concluded = patchConcludedAt(table, i);
    return {
      type: 'Feature',
      id: p.properties.id,
      geometry: pointOnFeature(p).geometry,
      properties: { ...p.properties, concludedAt: Number.isNaN(concluded) ? null : new Date(concluded).toISOString() },
    };
  });
}

export const PATCH_CASE_FIELDS = { reported: 'detectedAt', handled: 'concludedAt', closed: 'concludedAt', deadline: 'deadline', category: 'changeType' } as const;
