import { type CaseTable, firstReportedAtOrAfter } from './caseTable';
import { countBelow } from './caseIndex';
import { monthlyWindow, scanWindow } from './windowCounts';

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
  /** Per-case mask (1 keeps the case), from spatialMask(): a drawn polygon or the map's viewport. */
  within?: Uint8Array | null;
  /** Force visiting every case in the window instead of reading month snapshots (for cross-checks). */
  strategy?: 'scan';
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
  /** Cases reported in the window whose deadline had passed by the window's end without them being handled in time. */
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

const QUANTILES = [0.5, 0.9];

/**
 * Case-flow figures per town and for the district. Without category or per-case filters, the
 * window's counts come from month snapshots and only its partial months are read (windowCounts);
 * with them, the cases reported and done in the window are visited. Backlog and open amounts come
 * from the table's per-town sorted times by binary search, so a month costs the same whether the
 * data holds one year or ten.
 */
export function caseFlow(table: CaseTable, townCount: number, q: CaseQuery): CaseFlowResult {
  const slots = townCount + 1;
  const backlog = new Float64Array(slots);
  const openAmount = new Float64Array(slots);
  const byHandling = q.doneStage === 'handled';
  const doneAt = byHandling ? table.handled : table.closed;
  const { to } = q;
  const cats = q.categories ?? null;
  const towns = q.towns ?? null;
  const within = q.within ?? null;
  // Byte masks instead of set lookups in the loops: keepTown by slot, keepCategory by category index.
  const keepTown = new Uint8Array(slots).fill(towns === null ? 1 : 0);
  if (towns !== null) for (const t of towns) if (t + 1 >= 0 && t + 1 < slots) keepTown[t + 1] = 1;
  const keepCategory = new Uint8Array(256).fill(cats === null ? 1 : 0);
  if (cats !== null) for (const c of cats) keepCategory[c] = 1;
  const { town: townOf, category, handled: handledAt, index } = table;
  const order = byHandling ? index.byHandled : index.byClosed;
  const windowQuery = { from: q.from, to, keepTown, keepCategory, within, doneAt, order };
  const useMonths = cats === null && within === null && q.strategy !== 'scan';
  const { reported, done, doneOfReported, overdue, quantiles } = (useMonths ? monthlyWindow : scanWindow)(table, slots, windowQuery, QUANTILES);

  // Open at the window's end: reported before it minus done before it (done never precedes reported).
  // A spatial mask is not part of the precomputed groups, so with one the cases are visited instead.
  if (within !== null) {
    const { amount } = table;
    for (let i = 0, last = firstReportedAtOrAfter(table, to); i < last; i++) {
      const slot = townOf[i] + 1;
      if (within[i] === 0 || keepTown[slot] === 0 || keepCategory[category[i]] === 0) continue;
      if (!(doneAt[i] < to)) backlog[slot]++;
      if (!(handledAt[i] < to)) openAmount[slot] += amount[i];
    }
  } else for (const g of index.groups) {
    if (keepTown[g.slot] === 0 || keepCategory[g.category] === 0) continue;
    const reportedBefore = countBelow(g.reported, to);
    backlog[g.slot] += reportedBefore - countBelow(byHandling ? g.handled : g.closed, to);
    openAmount[g.slot] += g.amountByReported[reportedBefore] - g.amountByHandled[countBelow(g.handled, to)];
  }

  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  const flow = (row: number, pick: (a: Float64Array) => number): CaseFlow => {
    const nReported = pick(reported);
    return {
      reported: nReported,
      done: pick(done),
      doneOfReported: pick(doneOfReported),
      doneRate: nReported ? pick(doneOfReported) / nReported : null,
      backlog: pick(backlog),
      overdue: pick(overdue),
      openAmountAtEnd: pick(openAmount),
      medianMinutes: quantiles[row][0],
      p90Minutes: quantiles[row][1],
    };
  };
  return {
    bySlot: Array.from({ length: slots }, (_, s) => flow(s, (a) => a[s])),
    district: flow(slots, sum),
  };
}
