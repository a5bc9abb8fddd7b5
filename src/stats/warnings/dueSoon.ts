import type { CaseTable } from '../cases/caseTable';
import { firstReportedAtOrAfter } from '../cases/caseTable';

const HOUR_MS = 3_600_000;

/** How near its deadline a case is: within 2 hours, within 8, or later in the horizon. */
export const DUE_LEVELS = ['critical', 'high', 'watch'] as const;
export type DueLevel = (typeof DUE_LEVELS)[number];

export function dueLevel(hoursLeft: number): DueLevel {
  return hoursLeft <= 2 ? 'critical' : hoursLeft <= 8 ? 'high' : 'watch';
}

/** A case not yet handled at `now` whose deadline falls within the horizon. */
export interface DueSoonRow {
  /** Row of the case table. */
  row: number;
  deadline: number;
  hoursLeft: number;
  level: DueLevel;
}

/**
 * The cases of a table that will pass their deadline in (now, now + horizon]: reported by `now`
 * and not handled by then (a deadline is a handling deadline, as the overdue count reads it).
 * A case already past its deadline is overdue, not due soon. Soonest first, then by row.
 * `keep(row)` narrows them (towns, class filters).
 */
export function dueSoonRows(table: CaseTable, now: number, horizonHours: number, keep: (row: number) => boolean = () => true): DueSoonRow[] {
  const until = now + horizonHours * HOUR_MS;
  const rows: DueSoonRow[] = [];
  const reportedBy = firstReportedAtOrAfter(table, now + 1);
  for (let i = 0; i < reportedBy; i++) {
    const deadline = table.deadline[i];
    if (!(deadline > now && deadline <= until)) continue;
    if (table.handled[i] <= now) continue;
    if (!keep(i)) continue;
    const hoursLeft = (deadline - now) / HOUR_MS;
    rows.push({ row: i, deadline, hoursLeft, level: dueLevel(hoursLeft) });
  }
  return rows.sort((a, b) => a.deadline - b.deadline || a.row - b.row);
}
