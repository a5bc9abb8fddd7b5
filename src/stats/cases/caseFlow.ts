import { type CaseTable, firstReportedAtOrAfter } from './caseTable';

/** What to count: cases in the half-open window [from, to), optionally only some categories and towns. */
export interface CaseQuery {
  from: number;
  to: number;
  /** Category indexes to keep; null keeps all. */
  categories?: ReadonlySet<number> | null;
  /** Town indexes to keep (OUTSIDE = -1 included); null keeps all. */
  towns?: ReadonlySet<number> | null;
  /** Which stage ends a case for "done" counts and durations: closing (处结) or handling (repair). */
  doneStage?: 'closed' | 'handled';
}

export interface CaseFlow {
  /** Cases reported in the window. */
  reported: number;
  /** Cases whose done stage falls in the window (whenever they were reported). */
  done: number;
  /** Of the cases reported in the window, how many were done by its end. */
  doneOfReported: number;
  /** doneOfReported / reported (处结率); null when nothing was reported. */
  doneRate: number | null;
  /** Cases reported before the end of the window and not done by then. */
  backlog: number;
  /** Cases reported in the window handled after their deadline, or still unhandled past it at the window's end. */
  overdue: number;
  /** Sum of `amount` over cases open (not handled) at the window's end: e.g. lamps still dark. */
  openAmountAtEnd: number;
  /** Median and 90th percentile of report-to-done time of the cases done in the window, in minutes (exact to the minute). */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface CaseFlowResult {
  /** Indexed by town index + 1: slot 0 is "outside the district". */
  bySlot: CaseFlow[];
  district: CaseFlow;
}

const MINUTE = 60_000;
/** Durations up to 60 days are counted in a per-minute histogram; longer ones are kept and sorted. */
const HISTOGRAM_MINUTES = 60 * 24 * 60;

function quantile(histogram: Uint32Array, offset: number, overflow: number[], count: number, q: number): number | null {
  if (count === 0) return null;
  const rank = Math.ceil(q * count); // nearest-rank definition
  let seen = 0;
  for (let m = 0; m < HISTOGRAM_MINUTES; m++) {
    seen += histogram[offset + m];
    if (seen >= rank) return m;
  }
  overflow.sort((a, b) => a - b);
  return overflow[rank - seen - 1];
}

/**
 * Case-flow figures per town and for the district, in one pass over the columns. Cases reported
 * at or after the window's end are never read (the table is sorted by report time).
 */
export function caseFlow(table: CaseTable, townCount: number, q: CaseQuery): CaseFlowResult {
  const slots = townCount + 1;
  const reported = new Float64Array(slots);
  const done = new Float64Array(slots);
  const doneOfReported = new Float64Array(slots);
  const backlog = new Float64Array(slots);
  const overdue = new Float64Array(slots);
  const openAmount = new Float64Array(slots);
  const histogram = new Uint32Array(slots * HISTOGRAM_MINUTES);
  const overflow: number[][] = Array.from({ length: slots }, () => []);
  const doneAt = q.doneStage === 'handled' ? table.handled : table.closed;
  const { from, to } = q;
  const end = firstReportedAtOrAfter(table, to);
  const cats = q.categories ?? null;
  const towns = q.towns ?? null;

  for (let i = 0; i < end; i++) {
    const town = table.town[i];
    if (towns !== null && !towns.has(town)) continue;
    if (cats !== null && !cats.has(table.category[i])) continue;
    const slot = town + 1;
    const r = table.reported[i];
    const d = doneAt[i];
    const doneByEnd = d < to; // false for NaN
    if (!doneByEnd) backlog[slot]++;
    const handled = table.handled[i];
    if (!(handled < to)) openAmount[slot] += table.amount[i];
    if (r >= from) {
      reported[slot]++;
      if (doneByEnd) doneOfReported[slot]++;
      const deadline = table.deadline[i];
      if (handled > deadline || (!(handled < to) && deadline < to)) overdue[slot]++;
    }
    if (doneByEnd && d >= from) {
      done[slot]++;
      const minutes = Math.round((d - r) / MINUTE);
      if (minutes < HISTOGRAM_MINUTES) histogram[slot * HISTOGRAM_MINUTES + minutes]++;
      else overflow[slot].push(minutes);
    }
  }

  const flowOf = (slot: number): CaseFlow => ({
    reported: reported[slot],
    done: done[slot],
    doneOfReported: doneOfReported[slot],
    doneRate: reported[slot] ? doneOfReported[slot] / reported[slot] : null,
    backlog: backlog[slot],
    overdue: overdue[slot],
    openAmountAtEnd: openAmount[slot],
    medianMinutes: quantile(histogram, slot * HISTOGRAM_MINUTES, overflow[slot], done[slot], 0.5),
    p90Minutes: quantile(histogram, slot * HISTOGRAM_MINUTES, overflow[slot], done[slot], 0.9),
  });
  const bySlot = Array.from({ length: slots }, (_, s) => flowOf(s));

  // The district sums every slot; its quantiles come from the summed histogram.
  const total = new Uint32Array(HISTOGRAM_MINUTES);
  for (let s = 0; s < slots; s++) for (let m = 0; m < HISTOGRAM_MINUTES; m++) total[m] += histogram[s * HISTOGRAM_MINUTES + m];
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  const allOverflow = overflow.flat();
  const districtDone = sum(done);
  const districtReported = sum(reported);
  return {
    bySlot,
    district: {
      reported: districtReported,
      done: districtDone,
      doneOfReported: sum(doneOfReported),
      doneRate: districtReported ? sum(doneOfReported) / districtReported : null,
      backlog: sum(backlog),
      overdue: sum(overdue),
      openAmountAtEnd: sum(openAmount),
      medianMinutes: quantile(total, 0, allOverflow, districtDone, 0.5),
      p90Minutes: quantile(total, 0, allOverflow, districtDone, 0.9),
    },
  };
}
