import { firstReportedAtOrAfter, type CaseTable } from '../cases/caseTable';
import { startOfDay, weekdayOf } from '../series/buckets';

const HOUR_MS = 3600_000;

/** Weekday (0 = Monday … 6 = Sunday) and hour of day of a moment in China time. */
export function weekdayHour(t: number): [number, number] {
  return [weekdayOf(t), Math.floor((t - startOfDay(t)) / HOUR_MS)];
}

export interface CaseKeep {
  /** 1 keeps the slot (town index + 1). */
  keepTown: Uint8Array;
  /** Per-case mask; null keeps all. */
  within: Uint8Array | null;
}

/** Adds the cases reported in [from, to) into a weekday × hour grid (grid[weekday * 24 + hour]). */
export function addHourWeekCounts(grid: Float64Array, table: CaseTable, from: number, to: number, keep: CaseKeep): void {
  for (let i = firstReportedAtOrAfter(table, from), end = firstReportedAtOrAfter(table, to); i < end; i++) {
    if (keep.keepTown[table.town[i] + 1] === 0 || (keep.within && keep.within[i] === 0)) continue;
    const [weekday, hour] = weekdayHour(table.reported[i]);
    grid[weekday * 24 + hour]++;
  }
}
