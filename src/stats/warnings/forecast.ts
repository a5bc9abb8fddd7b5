import { countBelow } from '../cases/caseIndex';
import type { CaseTable } from '../cases/caseTable';
import { ANOMALY_RULE, countKept, median, trimmedLevel } from './anomalies';
import { countModel, quantile } from './countModel';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * The forecast, documented in the README ("Early warning"), from the same weekday in the last 8
 * weeks, times the district's seasonal trend (how the week after this date compared with the 4
 * weeks before it, in each earlier year: the median of the years, kept within 0.5–3):
 * - each day's forecast is the median of those eight days (what an absolute error is smallest
 *   for: a quiet series' forecast is 0, not a fraction of a case spread over every day);
 * - the week's expected total is the sum of their means, with a 5–95 % band from the spread of
 *   the last 8 weeks;
 * - the backlog: open cases now, plus each day's expected reports, less the closures its
 *   weekday had on average in those weeks.
 */
export const FORECAST_RULE = { days: 7, weeks: 8, trendWeeks: 4, spreadWeeks: 8 } as const;

export interface CaseForecast {
  /** The forecast of each day from `now` (day k is [now + k days, now + k + 1 days)): its median. */
  daily: number[];
  /** The expected reports of each day (their mean). */
  expectedDaily: number[];
  total: { expected: number; low: number; high: number };
  trend: number;
  backlogNow: number;
  /** Expected open cases at the end of each day. */
  backlog: number[];
}

/** Cases closed in [from, to) under `keep`, read from the table's order by closing time. */
export function closedKept(table: CaseTable, from: number, to: number, keep: (row: number) => boolean): number {
  const order = table.index.byClosed;
  let n = 0;
  for (let j = countBelow(order.times, from), end = countBelow(order.times, to); j < end; j++) if (keep(order.cases[j])) n++;
  return n;
}

/** Cases reported before `at` and not closed before it, under `keep`. */
export function openAt(table: CaseTable, at: number, keep: (row: number) => boolean): number {
  let n = 0;
  for (let i = 0, end = countBelow(table.reported, at); i < end; i++) if (!(table.closed[i] < at) && keep(i)) n++;
  return n;
}

/** The district's seasonal trend for the week after `now`, from earlier years (1 without any). */
export function seasonalTrend(table: CaseTable, now: number, keep: (row: number) => boolean): number {
  const first = table.size > 0 ? table.reported[0] : Infinity;
  const ratios: number[] = [];
  for (let y = 1; y <= ANOMALY_RULE.years; y++) {
    const centre = now - 52 * y * WEEK_MS;
    if (centre - FORECAST_RULE.trendWeeks * WEEK_MS < first) break;
    const before = Array.from({ length: FORECAST_RULE.trendWeeks }, (_, k) => countKept(table, centre - (k + 1) * WEEK_MS, centre - k * WEEK_MS, keep));
    const level = before.reduce((a, b) => a + b, 0) / before.length;
    if (level > 0) ratios.push(countKept(table, centre, centre + WEEK_MS, keep) / level);
  }
  return ratios.length === 0 ? 1 : Math.min(ANOMALY_RULE.season.max, Math.max(ANOMALY_RULE.season.min, median(ratios)));
}

/** The next days of one case table under `keep` (a town's, or the district's), with the trend given (the district's). */
export function forecastCases(table: CaseTable, now: number, keep: (row: number) => boolean, trend: number): CaseForecast {
  const { days, weeks, spreadWeeks } = FORECAST_RULE;
  const sameWeekday = (k: number, count: (from: number, to: number) => number) =>
    Array.from({ length: weeks }, (_, w) => count(now + k * DAY_MS - (w + 1) * WEEK_MS, now + (k + 1) * DAY_MS - (w + 1) * WEEK_MS));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const reports = Array.from({ length: days }, (_, k) => sameWeekday(k, (from, to) => countKept(table, from, to, keep)));
  const daily = reports.map((r) => median(r) * trend);
  const expectedDaily = reports.map((r) => mean(r) * trend);
  const closures = Array.from({ length: days }, (_, k) => mean(sameWeekday(k, (from, to) => closedKept(table, from, to, keep))));
  const weekTotals = Array.from({ length: spreadWeeks }, (_, w) => countKept(table, now - (w + 1) * WEEK_MS, now - w * WEEK_MS, keep));
  const expected = expectedDaily.reduce((a, b) => a + b, 0);
  const spread = trimmedLevel(weekTotals).variance * trend * trend;
  const model = countModel(expected, Math.max(spread, expected));
  const backlogNow = openAt(table, now, keep);
  const backlog: number[] = [];
  let open = backlogNow;
  for (let k = 0; k < days; k++) backlog.push((open = Math.max(0, open + expectedDaily[k] - closures[k])));
  return { daily, expectedDaily, total: { expected, low: quantile(model, 0.05), high: quantile(model, 0.95) }, trend, backlogNow, backlog };
}

/** The seasonal-naive forecast the model is measured against: each day repeats the same weekday of last week. */
export function seasonalNaive(table: CaseTable, now: number, keep: (row: number) => boolean): number[] {
  return Array.from({ length: FORECAST_RULE.days }, (_, k) => countKept(table, now + k * DAY_MS - WEEK_MS, now + (k + 1) * DAY_MS - WEEK_MS, keep));
}

/**
 * Mean absolute scaled error of a forecast of `days` days from `origin`: its mean absolute error
 * over those days, divided by the mean absolute error of the seasonal-naive one-week-back
 * forecast over the 8 weeks before the origin (null when that is 0: a series with nothing to scale by).
 */
export function mase(table: CaseTable, origin: number, keep: (row: number) => boolean, forecast: readonly number[]): number | null {
  const day = (from: number) => countKept(table, from, from + DAY_MS, keep);
  const actual = forecast.map((_, k) => day(origin + k * DAY_MS));
  const inSample = Array.from({ length: 8 * 7 }, (_, d) => Math.abs(day(origin - (d + 1) * DAY_MS) - day(origin - (d + 1) * DAY_MS - WEEK_MS)));
  const scale = inSample.reduce((a, b) => a + b, 0) / inSample.length;
  if (scale === 0) return null;
  return forecast.reduce((sum, f, k) => sum + Math.abs(f - actual[k]), 0) / forecast.length / scale;
}
