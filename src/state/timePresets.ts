import { localDate, localMidnight, startOfDay } from '../stats/series/buckets';
import { FULL_SPAN, type TimeRange } from './filters';

export const TIME_PRESETS = ['today', 'last7Days', 'thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'allTime'] as const;
export type TimePreset = (typeof TIME_PRESETS)[number];

const DAY_MS = 24 * 3600_000;

/**
 * A named range as of a moment, in China time. "Now" is the last millisecond before `asOf`, so the
 * bundled data (which ends at midnight) reads "today" as its last day. Ranges end at `asOf`.
 */
export function presetRange(preset: TimePreset, asOf: number): TimeRange {
  const now = asOf - 1;
  const [y, m] = localDate(now);
  const today = startOfDay(now);
  switch (preset) {
    case 'today':
      return { from: today, to: asOf };
    case 'last7Days':
      return { from: today - 6 * DAY_MS, to: asOf };
    case 'thisMonth':
      return { from: localMidnight(y, m), to: asOf };
    case 'lastMonth':
      return { from: localMidnight(y, m - 1), to: localMidnight(y, m) };
    case 'thisQuarter':
      return { from: localMidnight(y, m - (m % 3)), to: asOf };
    case 'thisYear':
      return { from: localMidnight(y, 0), to: asOf };
    case 'allTime':
      return { from: FULL_SPAN.from, to: Math.max(FULL_SPAN.to, asOf) };
  }
}

/** The preset a range is, if any (so the picker shows "this month" rather than "custom"). */
export function presetOf(range: TimeRange, asOf: number): TimePreset | null {
  return TIME_PRESETS.find((p) => {
    const r = presetRange(p, asOf);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}

/** A custom range from two local calendar dates (yyyy-mm-dd), both days included. */
export function dayRange(firstDay: string, lastDay: string): TimeRange | null {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m ? localMidnight(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  };
  const from = parse(firstDay);
  const to = parse(lastDay) + DAY_MS;
  return Number.isFinite(from) && Number.isFinite(to) && to > from ? { from, to } : null;
}

/** The local calendar date of a moment as yyyy-mm-dd (for date inputs). */
export function isoDay(t: number): string {
  const [y, m, d] = localDate(t);
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
