import type { CaseTable } from '../cases/caseTable';
import { firstReportedAtOrAfter } from '../cases/caseTable';
import { PUBLIC_SOURCES } from './assessmentColumns';

/**
 * The assessment's counts over the cases reported (立案) in a period, as they stood at its end.
 * A case is on time when its accepted handling came by its deadline (a minute late is late).
 */
export interface IndicatorCounts {
  /** 立案数: cases reported in the period. */
  registered: number;
  /** 应结案数: of those, cases due by the period's end, or closed before it though due later. */
  due: number;
  /** 结案数: closed by the period's end. */
  closed: number;
  /** 按期结案数: closed by the period's end, handled by their deadline. */
  closedOnTime: number;
  /** 应处置数: due by the period's end, or handled before it. */
  handleDue: number;
  /** 处置数: handled by the period's end. */
  handled: number;
  /** 按期处置数: handled by their deadline, within the period. */
  handledOnTime: number;
  /** 返工数: handled cases that a failed check sent back at least once. */
  reworked: number;
  /** 超期数: handled after their deadline, or unhandled with the deadline passed, at the period's end. */
  overdue: number;
  /** 公众举报数: reported through the 12345 hotline or the citizens' app. */
  publicReports: number;
  /** Minutes from report to handling of each handled case (for the mean and median). */
  handleMinutes: number[];
}

export const emptyCounts = (): IndicatorCounts => ({
  registered: 0,
  due: 0,
  closed: 0,
  closedOnTime: 0,
  handleDue: 0,
  handled: 0,
  handledOnTime: 0,
  reworked: 0,
  overdue: 0,
  publicReports: 0,
  handleMinutes: [],
});

/**
 * Adds each case reported in [from, to) to the groups `groupsOf` gives it (a town, a unit, the
 * district), each group's counts in `into`. NaN stage times (not reached) compare false, so an
 * unreached stage is never "by the end".
 */
export function addIndicatorCounts(table: CaseTable, from: number, to: number, groupsOf: (i: number) => readonly number[], into: IndicatorCounts[]): void {
  const extra = table.assessment;
  for (let i = firstReportedAtOrAfter(table, from); i < table.size && table.reported[i] < to; i++) {
    const deadline = table.deadline[i];
    const handledAt = table.handled[i];
    const handled = handledAt < to;
    const closed = table.closed[i] < to;
    const dueByEnd = deadline <= to;
    const onTime = handled && handledAt <= deadline;
    const publicReport = extra ? PUBLIC_SOURCES.has(extra.source[i]) : false;
    const reworked = handled && extra !== undefined && extra.reworks[i] > 0;
    const overdue = handled ? handledAt > deadline : deadline < to;
    for (const g of groupsOf(i)) {
      const c = into[g];
      c.registered++;
      if (dueByEnd || closed) c.due++;
      if (closed) c.closed++;
      if (closed && onTime) c.closedOnTime++;
      if (dueByEnd || handled) c.handleDue++;
      if (handled) {
        c.handled++;
        c.handleMinutes.push(table.minutesToHandle[i]);
      }
      if (onTime) c.handledOnTime++;
      if (reworked) c.reworked++;
      if (overdue) c.overdue++;
      if (publicReport) c.publicReports++;
    }
  }
}

export interface IndicatorRates {
  /** 结案率 = 结案数 ÷ 应结案数. */
  closureRate: number | null;
  /** 按期结案率 = 按期结案数 ÷ 应结案数. */
  onTimeClosureRate: number | null;
  /** 按期处置率 = 按期处置数 ÷ 应处置数. */
  onTimeHandlingRate: number | null;
  /** 返工率 = 返工数 ÷ 处置数. */
  reworkRate: number | null;
  /** 监督举报率 = 公众举报数 ÷ 立案数. */
  publicReportRate: number | null;
  meanHandleMinutes: number | null;
  medianHandleMinutes: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function indicatorRates(c: IndicatorCounts): IndicatorRates {
  const minutes = [...c.handleMinutes].sort((a, b) => a - b);
  const n = minutes.length;
  // The lower middle of an even count, so that the figure is a real case's time to the minute (as the SQL's percentile_disc).
  return ratesOf(c, n ? minutes.reduce((a, m) => a + m, 0) / n : null, n ? minutes[Math.ceil(n / 2) - 1] : null);
}

/** The rates of counts whose durations were summed elsewhere (the server's SQL gives them as figures). */
export function ratesOf(c: Omit<IndicatorCounts, 'handleMinutes'>, meanHandleMinutes: number | null, medianHandleMinutes: number | null): IndicatorRates {
  return {
    closureRate: ratio(c.closed, c.due),
    onTimeClosureRate: ratio(c.closedOnTime, c.due),
    onTimeHandlingRate: ratio(c.handledOnTime, c.handleDue),
    reworkRate: ratio(c.reworked, c.handled),
    publicReportRate: ratio(c.publicReports, c.registered),
    meanHandleMinutes,
    medianHandleMinutes,
  };
}
