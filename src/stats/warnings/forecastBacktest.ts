import type { CaseTable } from '../cases/caseTable';
import { forecastCases, mase, seasonalNaive, seasonalTrend } from './forecast';

export interface BacktestSeries {
  layer: string;
  table: CaseTable;
}

export interface BacktestResult {
  /** Town × layer × origin forecasts scored (a series with nothing to scale by is left out). */
  scored: number;
  model: { mean: number; median: number };
  naive: { mean: number; median: number };
}

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 };
};

/**
 * Forecasts of the next 7 days made at each origin from what was reported before it, for every
 * town and case layer, scored against what was reported then (MASE), beside the seasonal-naive
 * forecast of the same series. Deterministic: the same tables and origins give the same figures.
 */
export function backtestForecasts(series: readonly BacktestSeries[], towns: number, origins: readonly number[]): BacktestResult {
  const model: number[] = [];
  const naive: number[] = [];
  for (const origin of origins) {
    for (const { table } of series) {
      // What was known at the origin: cases reported before it (closures do not enter the reports' forecast).
      const trend = seasonalTrend(table, origin, () => true);
      for (let slot = 0; slot < towns; slot++) {
        const keep = (row: number) => table.town[row] === slot;
        const forecast = forecastCases(table, origin, keep, trend).daily;
        const m = mase(table, origin, keep, forecast);
        const n = mase(table, origin, keep, seasonalNaive(table, origin, keep));
        if (m === null || n === null) continue;
        model.push(m);
        naive.push(n);
      }
    }
  }
  return { scored: model.length, model: summary(model), naive: summary(naive) };
}
