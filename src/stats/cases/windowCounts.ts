import { countBelow, type DoneOrder } from './caseIndex';
import { firstReportedAtOrAfter, type CaseTable } from './caseTable';
import { buildMonthlyIndex, monthOf, type MonthlyIndex } from './monthlyIndex';
import { DurationQuantiles, HOUR_BIN_COUNT, OVERFLOW_BIN, histogramQuantiles, hourBin, type BinReader } from './quantiles';

/** The window-dependent counts of a case-flow query, per slot, and the duration quantiles per slot then for all. */
export interface WindowCounts {
  reported: Float64Array;
  done: Float64Array;
  doneOfReported: Float64Array;
  overdue: Float64Array;
  quantiles: (number | null)[][];
}

export interface WindowQuery {
  from: number;
  to: number;
  /** 1 per kept slot. */
  keepTown: Uint8Array;
  /** 1 per kept category index (256 entries). */
  keepCategory: Uint8Array;
  /** Per-case mask, or null. */
  within: Uint8Array | null;
  /** When cases are done (closing or handling) and in which order. */
  doneAt: Float64Array;
  order: DoneOrder;
}

/** Visits every case reported in the window and every case done in it: any filter, cost proportional to the window. */
export function scanWindow(table: CaseTable, slots: number, q: WindowQuery, qs: readonly number[]): WindowCounts {
  const reported = new Float64Array(slots);
  const done = new Float64Array(slots);
  const doneOfReported = new Float64Array(slots);
  const overdue = new Float64Array(slots);
  const { from, to, keepTown, keepCategory, within, doneAt, order } = q;
  // Columns in locals: the loops below may run over a million cases.
  const { town: townOf, category, handled: handledAt, deadline: deadlineOf } = table;

  // Cases reported in the window (a contiguous run: the table is sorted by report time).
  const last = firstReportedAtOrAfter(table, to);
  for (let i = firstReportedAtOrAfter(table, from); i < last; i++) {
    const slot = townOf[i] + 1;
    if (keepTown[slot] === 0 || keepCategory[category[i]] === 0 || (within !== null && within[i] === 0)) continue;
    reported[slot]++;
    if (doneAt[i] < to) doneOfReported[slot]++;
    const handled = handledAt[i];
    const deadline = deadlineOf[i];
    if (deadline < to && !(handled <= deadline)) overdue[slot]++;
  }

  // Cases done in the window, whenever they were reported.
  const { town: doneTown, category: doneCategory, minutes: doneMinutes } = order;
  const durations = DurationQuantiles.reuse(table, slots);
  const firstDone = countBelow(order.times, from);
  const lastDone = countBelow(order.times, to);
  const { minutes: keptMinutes, slotOf: keptSlot, hours, start, bins } = durations.reserve(lastDone - firstDone);
  let at = start;
  for (let k = firstDone; k < lastDone; k++) {
    const slot = doneTown[k] + 1;
    if (keepTown[slot] === 0 || keepCategory[doneCategory[k]] === 0 || (within !== null && within[order.cases[k]] === 0)) continue;
    done[slot]++;
    const minutes = doneMinutes[k];
    keptMinutes[at] = minutes;
    keptSlot[at] = slot;
    hours[slot * bins + hourBin(minutes)]++;
    at++;
  }
  durations.commit(at - start);
  return { reported, done, doneOfReported, overdue, quantiles: durations.resolve(qs) };
}

const monthlyCache = new WeakMap<DoneOrder, MonthlyIndex>();

/**
 * The same counts from month snapshots (see MonthlyIndex): visits only the cases in the partial
 * months at the window's ends, the cases still open at its end, and those that went overdue in it.
 * For queries without category or per-case filters.
 */
export function monthlyWindow(table: CaseTable, slots: number, q: WindowQuery, qs: readonly number[]): WindowCounts {
  const { from, to, keepTown, doneAt, order } = q;
  let index = monthlyCache.get(order);
  if (!index || index.slots !== slots) monthlyCache.set(order, (index = buildMonthlyIndex(table, order, doneAt, slots)));
  const idx = index;
  const { town, reported: reportedAt } = table;
  const posFrom = firstReportedAtOrAfter(table, from);
  const posTo = firstReportedAtOrAfter(table, to);
  const kFrom = countBelow(order.times, from);
  const kTo = countBelow(order.times, to);

  /** Per slot: reported before t (snapshot plus the partial month), done before t, and their hour histograms. */
  const before = (t: number) => {
    const reported = new Float64Array(slots);
    const done = new Float64Array(slots);
    const hours = new Uint32Array(slots * HOUR_BIN_COUNT);
    const m = monthOf(idx, t);
    if (m < 0) return { reported, done, hours };
    reported.set(idx.reportedBefore.subarray(m * slots, (m + 1) * slots));
    done.set(idx.doneBefore.subarray(m * slots, (m + 1) * slots));
    hours.set(idx.hoursBefore.subarray(m * slots * HOUR_BIN_COUNT, (m + 1) * slots * HOUR_BIN_COUNT));
    for (let i = idx.reportedPos[m]; i < table.size && reportedAt[i] < t; i++) reported[town[i] + 1]++;
    for (let k = idx.donePos[m]; k < order.times.length && order.times[k] < t; k++) {
      const slot = order.town[k] + 1;
      done[slot]++;
      hours[slot * HOUR_BIN_COUNT + hourBin(order.minutes[k])]++;
    }
    return { reported, done, hours };
  };
  const atFrom = before(from);
  const atTo = before(to);
  const reported = new Float64Array(slots);
  const done = new Float64Array(slots);
  const hours = new Uint32Array(slots * HOUR_BIN_COUNT);
  for (let s = 0; s < slots; s++) {
    if (keepTown[s] === 0) continue;
    reported[s] = atTo.reported[s] - atFrom.reported[s];
    done[s] = atTo.done[s] - atFrom.done[s];
    for (let b = s * HOUR_BIN_COUNT; b < (s + 1) * HOUR_BIN_COUNT; b++) hours[b] = atTo.hours[b] - atFrom.hours[b];
  }

  // Reported in the window and done by its end = reported minus those still open at its end.
  const doneOfReported = reported.slice();
  const m = monthOf(idx, to);
  if (m >= 0) {
    const countIfOpen = (r: number) => {
      if (r >= posFrom && !(doneAt[r] < to)) doneOfReported[town[r] + 1]--;
    };
    for (let j = idx.openStart[m]; j < idx.openStart[m + 1]; j++) countIfOpen(idx.openRows[j]);
    for (let r = idx.reportedPos[m]; r < posTo; r++) countIfOpen(r);
  }
  for (let s = 0; s < slots; s++) if (keepTown[s] === 0) doneOfReported[s] = 0;

  // Reported in the window and overdue by its end: only cases that ever went overdue are read.
  const overdue = new Float64Array(slots);
  for (let j = countBelow(idx.overdueRows, posFrom); j < idx.overdueRows.length && idx.overdueRows[j] < posTo; j++) {
    const slot = town[idx.overdueRows[j]] + 1;
    if (keepTown[slot] === 1 && idx.overdueAt[j] < to) overdue[slot]++;
  }

  // Exact quantiles: the durations of a (slot, hour) are read only where a wanted rank falls.
  const slotsOf = (row: number) => (row === slots ? Array.from({ length: slots }, (_, s) => s) : [row]).filter((s) => keepTown[s] === 1);
  /** The entries of a (slot, bin) list done inside the window: positions there are ascending. */
  const entriesIn = (s: number, bin: number) => {
    const key = s * HOUR_BIN_COUNT + bin;
    const lo = idx.binStart[key];
    const positions = idx.binPositions.subarray(lo, idx.binStart[key + 1]);
    return [lo + countBelow(positions, kFrom), lo + countBelow(positions, kTo)];
  };
  const read: BinReader = {
    countMinutes(row, bin, perMinute) {
      for (const s of slotsOf(row)) {
        const [a, b] = entriesIn(s, bin);
        for (let j = a; j < b; j++) perMinute[idx.binMinute[j]]++;
      }
    },
    overflow(row) {
      const out: number[] = [];
      for (const s of slotsOf(row)) {
        const [a, b] = entriesIn(s, OVERFLOW_BIN);
        for (let j = a; j < b; j++) out.push(order.minutes[idx.binPositions[j]]);
      }
      return out;
    },
  };
  return { reported, done, doneOfReported, overdue, quantiles: histogramQuantiles(hours, slots, qs, read) };
}
