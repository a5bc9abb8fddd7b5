import type { Better } from '../../stats/rank';
import type { MetricFormat } from '../../stats/townMetrics';

export interface KpiChange {
  /** Signed difference: percentage points for rates, units otherwise. */
  delta: number;
  /** Relative change for counts (null for rates, or when the previous value was zero). */
  relative: number | null;
  direction: 'better' | 'worse' | 'same';
}

/** How a figure moved against the previous period, and whether that is good news. */
export function kpiChange(current: number | null, previous: number | null, better: Better, format: MetricFormat): KpiChange | null {
  if (current === null || previous === null) return null;
  const isRate = format === 'percent';
  const delta = isRate ? (current - previous) * 100 : current - previous;
  const same = Math.abs(delta) < (isRate ? 0.005 : 1e-9);
  return {
    delta,
    relative: isRate || previous === 0 ? null : (current - previous) / previous,
    direction: same ? 'same' : (delta > 0) === (better === 'higher') ? 'better' : 'worse',
  };
}

/**
 * A figure against the previous period, when the data covers that period: its change; else that
 * there is no data for it, or how much of it the data covers (a count over part of a period is
 * no baseline, so no change is given then). Never a change against nothing.
 */
export type KpiComparison = { kind: 'change'; change: KpiChange } | { kind: 'noData' } | { kind: 'partial'; covered: number };

export function compareWithPrevious(
  current: number | null,
  previous: number | null,
  previousPeriod: { from: number; to: number },
  dataStart: number,
  better: Better,
  format: MetricFormat,
): KpiComparison | null {
  if (current === null) return null;
  if (previousPeriod.to <= dataStart) return { kind: 'noData' };
  if (previousPeriod.from < dataStart) return { kind: 'partial', covered: (previousPeriod.to - dataStart) / (previousPeriod.to - previousPeriod.from) };
  const change = kpiChange(current, previous, better, format);
  return change && { kind: 'change', change };
}
