import { caseStatus } from '../../src/layers/common/lifecycle';
import { formatCst, parseCst } from '../../src/layers/common/time';
import type { Random } from './random';

const HOUR = 3600_000;
export const MS = { minute: 60_000, hour: HOUR, day: 24 * HOUR };

const MONTH_DAYS = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Draws a report time in a year (up to `lastMonth`), shaped by month-of-year and hour-of-day weights. */
export function sampleReportTime(
  random: Random,
  year: number,
  lastMonth: number,
  monthWeights: readonly number[],
  hourWeights: readonly number[],
): number {
  const weights = monthWeights.slice(0, lastMonth).map((w, m) => w * MONTH_DAYS(year, m + 1));
  const month = random.weightedIndex(weights) + 1;
  const day = random.int(1, MONTH_DAYS(year, month));
  const hour = random.weightedIndex(hourWeights);
  return parseCst(year, month, day, hour, random.int(0, 59));
}

export interface StageDelays {
  dispatch: number;
  handle: number;
  check: number;
  close: number;
}

type Source = 'patrol' | 'hotline' | 'app' | 'sensor';

/** Each stage's moment (reported, dispatched, handled, checked, closed), the delays rounded to the minute. */
function stageTimes(reportedMs: number, delays: StageDelays): number[] {
  const times = [reportedMs];
  for (const d of [delays.dispatch, delays.handle, delays.check, delays.close]) times.push(times[times.length - 1] + Math.round(d / 60_000) * 60_000);
  return times;
}

/**
 * The moments a case's checks failed and sent it back, before the end of the data: the handling
 * delay holds each attempt sent back (`reworkMs`, in order), so the k-th failed check closed the
 * k-th attempt, the rest of the attempts before the handling that passed.
 */
export function failedCheckTimes(reportedMs: number, delays: StageDelays, reworkMs: readonly number[], endMs: number): number[] {
  const handled = stageTimes(reportedMs, delays)[2];
  const out: number[] = [];
  let remaining = reworkMs.reduce((a, b) => a + b, 0);
  for (const step of reworkMs) {
    const at = handled - remaining;
    if (at < endMs) out.push(at);
    remaining -= step;
  }
  return out;
}

/**
 * A case's time stamps from its report time and the delays between stages; a stage that would
 * fall after the end of the data is left empty, so the status is what it was at that moment.
 */
export function caseLifecycle(reportedMs: number, delays: StageDelays, deadlineMs: number, source: Source, endMs: number) {
  const times = stageTimes(reportedMs, delays);
  const stamp = (i: number) => (times[i] < endMs ? formatCst(times[i]) : null);
  const reached = times.filter((t) => t < endMs).length;
  return {
    reportedAt: formatCst(reportedMs),
    dispatchedAt: stamp(1),
    handledAt: stamp(2),
    checkedAt: stamp(3),
    closedAt: stamp(4),
    deadline: formatCst(deadlineMs),
    status: caseStatus.values[reached - 1],
    source,
  };
}

/** Yearly volumes near a target: full years within ±0.8%, the partial last year pro rata. */
export function yearlyVolumes(random: Random, target: number, years: readonly number[], lastYearMonths: number): Map<number, number> {
  return new Map(
    years.map((y, i) => {
      const fraction = i === years.length - 1 ? lastYearMonths / 12 : 1;
      return [y, Math.round(target * fraction * (1 + random.range(-0.008, 0.008)))];
    }),
  );
}

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** Draws an index from a cumulative weight table by binary search. */
export function drawCumulative(table: Float64Array, random: Random): number {
  const r = random.float() * table[table.length - 1];
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
