import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { firstReportedAtOrAfter, type CaseTable } from '../cases/caseTable';
import type { CaseKeep } from './hourWeekGrid';

/** H3 resolution 8: cells of about 0.74 km², a few city blocks, the size of a patrol beat. */
export const HOT_CELL_RESOLUTION = 8;

/** Each case's H3 cell, computed once per table the first time hot spots are asked for. */
export interface CaseCells {
  cells: string[];
  cellOf: Int32Array;
}
const caseCellsCache = new WeakMap<CaseTable, CaseCells>();

export function caseCells(table: CaseTable): CaseCells {
  let cached = caseCellsCache.get(table);
  if (!cached) {
    const index = new Map<string, number>();
    const cells: string[] = [];
    const cellOf = new Int32Array(table.size);
    for (let i = 0; i < table.size; i++) {
      const cell = latLngToCell(table.y[i], table.x[i], HOT_CELL_RESOLUTION);
      let k = index.get(cell);
      if (k === undefined) index.set(cell, (k = cells.push(cell) - 1));
      cellOf[i] = k;
    }
    caseCellsCache.set(table, (cached = { cells, cellOf }));
  }
  return cached;
}

export interface HotCell {
  cell: string;
  count: number;
  /** Cell outline as [lng, lat] pairs. */
  boundary: [number, number][];
  center: [number, number];
  /** The problem reported most in it: the layer and the category index in that layer's table. */
  dominant: { layer: string; category: number; count: number };
}

/** Counts per cell and per (layer, category) in it, for cases reported in [from, to). */
export class HotCellCounter {
  private readonly byCell = new Map<string, { count: number; problems: Map<string, number> }>();

  add(layer: string, table: CaseTable, from: number, to: number, keep: CaseKeep): void {
    const { cells, cellOf } = caseCells(table);
    for (let i = firstReportedAtOrAfter(table, from), end = firstReportedAtOrAfter(table, to); i < end; i++) {
      if (keep.keepTown[table.town[i] + 1] === 0 || (keep.within && keep.within[i] === 0)) continue;
      const cell = cells[cellOf[i]];
      let entry = this.byCell.get(cell);
      if (!entry) this.byCell.set(cell, (entry = { count: 0, problems: new Map() }));
      entry.count++;
      const problem = `${layer}:${table.category[i]}`;
      entry.problems.set(problem, (entry.problems.get(problem) ?? 0) + 1);
    }
  }

  /** Every cell with a case, busiest first (ties by cell id, so the order is stable). */
  cells(): HotCell[] {
    return [...this.byCell].map(([cell, { count, problems }]) => describeCell(cell, count, problems)).sort(busiestFirst);
  }
}

/** Busiest first, ties by cell id. */
export const busiestFirst = (a: HotCell, b: HotCell): number => b.count - a.count || (a.cell < b.cell ? -1 : 1);

/**
 * A cell as the panels show it: outline, centre and its most reported problem, from its problems'
 * counts keyed `layer:category index` (ties by that key, so the choice is stable).
 */
export function describeCell(cell: string, count: number, problems: ReadonlyMap<string, number>): HotCell {
  const [problem, n] = [...problems].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const [layer, category] = problem.split(':');
  const [lat, lng] = cellToLatLng(cell);
  return {
    cell,
    count,
    boundary: cellToBoundary(cell, true) as [number, number][],
    center: [lng, lat],
    dominant: { layer, category: Number(category), count: n },
  };
}
