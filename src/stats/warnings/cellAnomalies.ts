import { cellToBoundary, cellToLatLng } from 'h3-js';
import { firstReportedAtOrAfter, type CaseTable } from '../cases/caseTable';
import { caseCells } from '../hotspots/hotCells';
import { ANOMALY_RULE, flaggedBand, type CountBand } from './anomalies';
import type { WarningLayer } from './warnings';

const WEEK_MS = 7 * 86_400_000;

/**
 * Clusters in space and time: a Poisson (or negative binomial) test per H3 cell (resolution 8,
 * about 0.74 km², the hot spots' cells): a cell's cases of one layer over the last 7 days against
 * the same cell's 8 weeks before (the level without the highest, their spread), times the
 * district's seasonal factor. Flagged at 5 cases or more with a chance below the anomalies' 1 in 10,000.
 */
export const CELL_RULE = { minCount: 5 } as const;

export interface CellAnomaly extends CountBand {
  layer: WarningLayer;
  cell: string;
  /** The town the cell's centre lies in (null: outside), as the hot spots place a cell. */
  town: string | null;
  center: [number, number];
  boundary: [number, number][];
}

/** Cases per cell (index into caseCells' list) reported in [from, to) under `keep`. */
function cellCounts(table: CaseTable, cellOf: Int32Array, from: number, to: number, keep: (row: number) => boolean): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = firstReportedAtOrAfter(table, from), end = firstReportedAtOrAfter(table, to); i < end; i++) if (keep(i)) counts.set(cellOf[i], (counts.get(cellOf[i]) ?? 0) + 1);
  return counts;
}

/** The cells of one case layer whose last week stands far above their own 8 weeks before; most unlikely first. */
export function cellAnomalies(
  layer: WarningLayer,
  table: CaseTable,
  now: number,
  keep: (row: number) => boolean,
  seasonal: number,
  townAt: (lng: number, lat: number) => string | null = () => null,
): CellAnomaly[] {
  const first = table.size > 0 ? table.reported[0] : Infinity;
  if (now - (ANOMALY_RULE.recentWeeks + 1) * WEEK_MS < first) return [];
  const { cells, cellOf } = caseCells(table);
  const current = cellCounts(table, cellOf, now - WEEK_MS, now, keep);
  const history = Array.from({ length: ANOMALY_RULE.recentWeeks }, (_, k) => cellCounts(table, cellOf, now - (k + 2) * WEEK_MS, now - (k + 1) * WEEK_MS, keep));
  const found: CellAnomaly[] = [];
  for (const [k, count] of current) {
    if (count < CELL_RULE.minCount) continue;
    const band = flaggedBand(count, history.map((h) => h.get(k) ?? 0), seasonal);
    if (!band) continue;
    const [lat, lng] = cellToLatLng(cells[k]);
    found.push({ layer, cell: cells[k], town: townAt(lng, lat), center: [lng, lat], boundary: cellToBoundary(cells[k]).map(([y, x]) => [x, y] as [number, number]), from: now - WEEK_MS, to: now, ...band });
  }
  return found.sort((a, b) => a.p - b.p || (a.cell < b.cell ? -1 : 1));
}
