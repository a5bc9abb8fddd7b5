import { countBelow } from '../cases/caseIndex';
import type { CaseTable } from '../cases/caseTable';

/** Per bucket [edges[k], edges[k + 1]): cases reported and closed in it, and the backlog (open) at its end. */
export interface CaseSeries {
  reported: number[];
  closed: number[];
  backlog: number[];
}

export interface SeriesFilter {
  /** 1 keeps the slot (town index + 1; slot 0 is outside the district). */
  keepTown: Uint8Array;
  /** 1 keeps the category index. */
  keepCategory: Uint8Array;
  /** Per-case mask (class filters on the cases or their assets, a drawn area); null keeps all. */
  within?: Uint8Array | null;
}

/**
 * Reported, closed and backlog per time bucket from the table's per-(town, category) sorted times:
 * each edge is one binary search per group, so a series costs the same for a day as for six years.
 */
export function caseSeries(table: CaseTable, edges: readonly number[], filter: SeriesFilter): CaseSeries {
  const buckets = Math.max(0, edges.length - 1);
  const reportedBefore = new Float64Array(edges.length);
  const closedBefore = new Float64Array(edges.length);
  if (filter.within) countMaskedBefore(table, edges, filter, reportedBefore, closedBefore);
  else for (const g of table.index.groups) {
    if (filter.keepTown[g.slot] === 0 || filter.keepCategory[g.category] === 0) continue;
    edges.forEach((edge, k) => {
      reportedBefore[k] += countBelow(g.reported, edge);
      closedBefore[k] += countBelow(g.closed, edge);
    });
  }
  const series: CaseSeries = { reported: [], closed: [], backlog: [] };
  for (let k = 0; k < buckets; k++) {
    series.reported.push(reportedBefore[k + 1] - reportedBefore[k]);
    series.closed.push(closedBefore[k + 1] - closedBefore[k]);
    series.backlog.push(reportedBefore[k + 1] - closedBefore[k + 1]);
  }
  return series;
}

/** First index whose edge is above t (edges ascending). */
function firstEdgeAbove(edges: readonly number[], t: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** With a per-case mask the groups cannot be used: each kept case adds itself to every edge after its times. */
function countMaskedBefore(table: CaseTable, edges: readonly number[], filter: SeriesFilter, reportedBefore: Float64Array, closedBefore: Float64Array) {
  const addReported = new Float64Array(edges.length + 1);
  const addClosed = new Float64Array(edges.length + 1);
  const within = filter.within!;
  for (let i = 0; i < table.size; i++) {
    if (within[i] === 0 || filter.keepTown[table.town[i] + 1] === 0 || filter.keepCategory[table.category[i]] === 0) continue;
    addReported[firstEdgeAbove(edges, table.reported[i])]++;
    if (!Number.isNaN(table.closed[i])) addClosed[firstEdgeAbove(edges, table.closed[i])]++;
  }
  let r = 0;
  let c = 0;
  for (let k = 0; k < edges.length; k++) {
    r += addReported[k];
    c += addClosed[k];
    reportedBefore[k] = r;
    closedBefore[k] = c;
  }
}
