import { CST_OFFSET_MS } from '../../layers/common/time';
import { countBelow, type DoneOrder } from './caseIndex';
import type { CaseTable } from './caseTable';
import { HOUR_BIN_COUNT, hourBin } from './quantiles';

/**
 * Running totals at every month start (China time) of one case table and one done stage, so that
 * a window of many months costs a few months' worth of work: the whole months in it are the
 * difference of two snapshots, and only the cases in the partial months at its ends are visited.
 *
 * Counts are per slot (town index + 1), across every category: a query filtering categories or
 * by a spatial mask visits its cases instead.
 */
export interface MonthlyIndex {
  slots: number;
  /** Month starts, ascending, from the month of the earliest time in the table to after the latest. */
  bounds: Float64Array;
  /** reportedBefore[m * slots + s]: cases of slot s reported before bounds[m]. */
  reportedBefore: Float64Array;
  /** Position in the table (sorted by report time) of the first case reported at or after bounds[m]. */
  reportedPos: Uint32Array;
  /** doneBefore[m * slots + s]: cases of slot s done before bounds[m]. */
  doneBefore: Float64Array;
  /** Position in the done order of the first case done at or after bounds[m]. */
  donePos: Uint32Array;
  /** hoursBefore[(m * slots + s) * HOUR_BIN_COUNT + b]: durations of cases done before bounds[m], per hour bin. */
  hoursBefore: Uint32Array;
  /** Cases open at bounds[m] (reported before, not done before), as table rows: openRows[openStart[m] .. openStart[m + 1]). */
  openStart: Uint32Array;
  openRows: Uint32Array;
  /** Done-order positions grouped by slot and hour bin, ascending: binStart[s * HOUR_BIN_COUNT + b] .. binStart[… + 1]. */
  binStart: Uint32Array;
  binPositions: Uint32Array;
  /** Alongside binPositions: each duration's minute within its hour (0-59; unused in the overflow bin). */
  binMinute: Uint8Array;
  /** Cases that became overdue (deadline passed unhandled), in table order, with the time they did. */
  overdueRows: Uint32Array;
  overdueAt: Float64Array;
}

/** The start of the China-time month holding `t`, and the next month's start. */
function monthStart(t: number): number {
  const d = new Date(t + CST_OFFSET_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - CST_OFFSET_MS;
}
function nextMonth(start: number): number {
  const d = new Date(start + CST_OFFSET_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - CST_OFFSET_MS;
}

export function buildMonthlyIndex(table: CaseTable, order: DoneOrder, doneAt: Float64Array, slots: number): MonthlyIndex {
  const n = table.size;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = table.reported[i];
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  const done = order.times;
  if (done.length) {
    lo = Math.min(lo, done[0]);
    hi = Math.max(hi, done[done.length - 1]);
  }
  const starts: number[] = [];
  if (n) for (let b = monthStart(lo); ; b = nextMonth(b)) {
    starts.push(b);
    if (b > hi) break;
  }
  const bounds = Float64Array.from(starts);
  const months = bounds.length;
  const reportedBefore = new Float64Array(months * slots);
  const doneBefore = new Float64Array(months * slots);
  const hoursBefore = new Uint32Array(months * slots * HOUR_BIN_COUNT);
  const reportedPos = new Uint32Array(months);
  const donePos = new Uint32Array(months);
  const openStart = new Uint32Array(months + 1);
  const openRows: number[] = [];
  const reportedRun = new Float64Array(slots);
  const doneRun = new Float64Array(slots);
  const hoursRun = new Uint32Array(slots * HOUR_BIN_COUNT);
  let i = 0;
  let k = 0;
  for (let m = 0; m < months; m++) {
    const b = bounds[m];
    // Open at this month start: those open at the last one and still open, then those reported since.
    const carried = m > 0 ? openRows.slice(openStart[m - 1]) : [];
    openStart[m] = openRows.length;
    for (const r of carried) if (!(doneAt[r] < b)) openRows.push(r);
    for (; i < n && table.reported[i] < b; i++) {
      reportedRun[table.town[i] + 1]++;
      if (!(doneAt[i] < b)) openRows.push(i);
    }
    for (; k < done.length && done[k] < b; k++) {
      const slot = order.town[k] + 1;
      doneRun[slot]++;
      hoursRun[slot * HOUR_BIN_COUNT + hourBin(order.minutes[k])]++;
    }
    reportedPos[m] = i;
    donePos[m] = k;
    reportedBefore.set(reportedRun, m * slots);
    doneBefore.set(doneRun, m * slots);
    hoursBefore.set(hoursRun, m * slots * HOUR_BIN_COUNT);
  }
  openStart[months] = openRows.length;

  const binStart = new Uint32Array(slots * HOUR_BIN_COUNT + 1);
  for (let p = 0; p < done.length; p++) binStart[(order.town[p] + 1) * HOUR_BIN_COUNT + hourBin(order.minutes[p]) + 1]++;
  for (let j = 1; j < binStart.length; j++) binStart[j] += binStart[j - 1];
  const binPositions = new Uint32Array(done.length);
  const binMinute = new Uint8Array(done.length);
  const fill = binStart.slice(0, -1);
  for (let p = 0; p < done.length; p++) {
    const at = fill[(order.town[p] + 1) * HOUR_BIN_COUNT + hourBin(order.minutes[p])]++;
    binPositions[at] = p;
    binMinute[at] = order.minutes[p] % 60;
  }

  const overdue: number[] = [];
  for (let r = 0; r < n; r++) if (table.deadline[r] === table.deadline[r] && !(table.handled[r] <= table.deadline[r])) overdue.push(r);
  return {
    slots,
    bounds,
    reportedBefore,
    reportedPos,
    doneBefore,
    donePos,
    hoursBefore,
    openStart,
    openRows: Uint32Array.from(openRows),
    binStart,
    binPositions,
    binMinute,
    overdueRows: Uint32Array.from(overdue),
    overdueAt: Float64Array.from(overdue, (r) => table.deadline[r]),
  };
}

/** The snapshot at or before `t`: -1 when `t` precedes every case. */
export function monthOf(index: MonthlyIndex, t: number): number {
  return countBelow(index.bounds, t + 0.5) - 1;
}
