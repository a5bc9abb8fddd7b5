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
}

/**
 * Reported, closed and backlog per time bucket from the table's per-(town, category) sorted times:
 * each edge is one binary search per group, so a series costs the same for a day as for six years.
 */
export function caseSeries(table: CaseTable, edges: readonly number[], filter: SeriesFilter): CaseSeries {
  const buckets = Math.max(0, edges.length - 1);
  const reportedBefore = new Float64Array(edges.length);
  const closedBefore = new Float64Array(edges.length);
  for (const g of table.index.groups) {
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
