import type { SeriesAnswer } from './worker/statsApi';
import type { CaseSeries } from './series/caseSeries';
import { figure, statsCollectionUrl, type TownStatsQuery } from './serverTownStats';

const SERIES_LAYERS = ['lamps', 'manholes', 'railway', 'patches'] as const;

/** The address of the server's case series (the MapServer collection case-series) over the buckets between `edges`. */
export function caseSeriesUrl(ogcApiUrl: string, edges: readonly number[], filter: Pick<TownStatsQuery, 'towns' | 'classes'> = {}): string {
  return statsCollectionUrl(ogcApiUrl, 'case-series', { edges: edges.map((e) => String(Math.round(e))).join(',') }, filter);
}

/** A case-series page as the engine's series answer; null when it is not one, or misses a bucket. */
export function parseCaseSeries(payload: unknown, buckets: number): SeriesAnswer | null {
  const features = (payload as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return null;
  const empty = (): CaseSeries => ({ reported: new Array<number>(buckets).fill(NaN), closed: new Array<number>(buckets).fill(NaN), backlog: new Array<number>(buckets).fill(NaN) });
  const answer = Object.fromEntries(SERIES_LAYERS.map((l) => [l, empty()])) as Record<(typeof SERIES_LAYERS)[number], CaseSeries>;
  for (const f of features as { properties?: Record<string, unknown> }[]) {
    const p = f?.properties;
    const series = p && answer[p.layer as (typeof SERIES_LAYERS)[number]];
    const k = figure(p?.k);
    if (!series || k === null || k < 0 || k >= buckets) return null;
    series.reported[k] = figure(p.reported) ?? NaN;
    series.closed[k] = figure(p.closed) ?? NaN;
    series.backlog[k] = figure(p.backlog) ?? NaN;
  }
  const complete = Object.values(answer).every((s) => [...s.reported, ...s.closed, ...s.backlog].every(Number.isFinite));
  return complete ? answer : null;
}
