/**
 * Orderings built once per case table, so that a query reads only the cases inside its window:
 * cases by done time (to find those closed or handled in the window), and per town and category
 * the sorted times and amount prefix sums that give backlog and open amounts by binary search.
 */
/** Cases in order of their done time, with the columns a window query needs laid out in that order (read sequentially). */
export interface DoneOrder {
  times: Float64Array;
  /** The case (row of the table) at each position, for per-case masks. */
  cases: Uint32Array;
  town: Int16Array;
  category: Uint8Array;
  minutes: Int32Array;
}

export interface CaseGroup {
  slot: number;
  category: number;
  reported: Float64Array;
  closed: Float64Array;
  handled: Float64Array;
  /** amountByReported[k] = sum of amount of the k earliest-reported cases; likewise by handling. */
  amountByReported: Float64Array;
  amountByHandled: Float64Array;
}

export interface CaseIndex {
  byClosed: DoneOrder;
  byHandled: DoneOrder;
  groups: CaseGroup[];
}

/** Number of values below `t` in an ascending array. */
export function countBelow(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function doneOrder(times: Float64Array, town: Int16Array, category: Uint8Array, minutes: Int32Array): DoneOrder {
  const cases = Uint32Array.from({ length: times.length }, (_, i) => i).filter((i) => !Number.isNaN(times[i]));
  cases.sort((a, b) => times[a] - times[b] || a - b);
  return {
    times: Float64Array.from(cases, (i) => times[i]),
    cases,
    town: Int16Array.from(cases, (i) => town[i]),
    category: Uint8Array.from(cases, (i) => category[i]),
    minutes: Int32Array.from(cases, (i) => minutes[i]),
  };
}

function prefixSums(order: number[], amount: Float64Array): Float64Array {
  const out = new Float64Array(order.length + 1);
  order.forEach((i, k) => (out[k + 1] = out[k] + amount[i]));
  return out;
}

export interface IndexedColumns {
  town: Int16Array;
  category: Uint8Array;
  reported: Float64Array;
  closed: Float64Array;
  handled: Float64Array;
  amount: Float64Array;
  minutesToClose: Int32Array;
  minutesToHandle: Int32Array;
}

export function buildCaseIndex(t: IndexedColumns): CaseIndex {
  const members = new Map<number, number[]>();
  for (let i = 0; i < t.town.length; i++) {
    const key = (t.town[i] + 1) * 256 + t.category[i];
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(i);
  }
  const groups = [...members].map(([key, cases]): CaseGroup => {
    const byReported = [...cases].sort((a, b) => t.reported[a] - t.reported[b]);
    const handledCases = cases.filter((i) => !Number.isNaN(t.handled[i])).sort((a, b) => t.handled[a] - t.handled[b]);
    return {
      slot: Math.floor(key / 256),
      category: key % 256,
      reported: Float64Array.from(byReported, (i) => t.reported[i]),
      closed: Float64Array.from(cases.filter((i) => !Number.isNaN(t.closed[i])), (i) => t.closed[i]).sort(),
      handled: Float64Array.from(handledCases, (i) => t.handled[i]),
      amountByReported: prefixSums(byReported, t.amount),
      amountByHandled: prefixSums(handledCases, t.amount),
    };
  });
  return {
    byClosed: doneOrder(t.closed, t.town, t.category, t.minutesToClose),
    byHandled: doneOrder(t.handled, t.town, t.category, t.minutesToHandle),
    groups,
  };
}
