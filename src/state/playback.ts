import { DAY_MS, localDate, localMidnight, mondayOf, startOfDay } from '../stats/series/buckets';
import type { TimeRange } from './filters';

export type PlaybackWindow = 'day' | 'week' | 'month';
export const PLAYBACK_WINDOWS: readonly PlaybackWindow[] = ['day', 'week', 'month'];
export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4] as const;

/** The calendar window (China time) of the given length that holds moment t. */
export function windowAt(t: number, length: PlaybackWindow): TimeRange {
  const day = startOfDay(t);
  if (length === 'day') return { from: day, to: day + DAY_MS };
  if (length === 'week') {
    const monday = mondayOf(t);
    return { from: monday, to: monday + 7 * DAY_MS };
  }
  const [y, m] = localDate(t);
  return { from: localMidnight(y, m), to: localMidnight(y, m + 1) };
}

/**
 * The next (or previous) window of a playback: from a range that is not such a window yet, the
 * window holding its start; null past the data's bounds, where playback stops.
 */
export function stepWindow(range: TimeRange, length: PlaybackWindow, direction: 1 | -1, bounds: TimeRange): TimeRange | null {
  const current = windowAt(range.from, length);
  const aligned = current.from === range.from && current.to === range.to;
  const next = !aligned ? current : direction === 1 ? windowAt(current.to, length) : windowAt(current.from - 1, length);
  return next.from >= bounds.to || next.to <= bounds.from ? null : next;
}
