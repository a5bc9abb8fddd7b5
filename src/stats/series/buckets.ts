/** China Standard Time has no daylight saving: local midnight is always 16:00 UTC the day before. */
export const CST_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

export type BucketSize = 'day' | 'week' | 'month';

/** Day buckets up to two months, weeks up to a year, months beyond: at most about 60–80 bars. */
export function bucketSizeFor(from: number, to: number): BucketSize {
  const days = (to - from) / DAY_MS;
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

/** Local (China) midnight at or before t. */
export function startOfDay(t: number): number {
  return Math.floor((t + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/** The local calendar date of t as [year, month 0–11, day 1–31]. */
export function localDate(t: number): [number, number, number] {
  const d = new Date(t + CST_OFFSET_MS);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

/** Local midnight of a calendar date (months and days may overflow, as with Date.UTC). */
export function localMidnight(year: number, month: number, day = 1): number {
  return Date.UTC(year, month, day) - CST_OFFSET_MS;
}

/** Weekday of a moment in China time, 0 = Monday … 6 = Sunday (Chinese calendars and weekly reports start on Monday). */
export function weekdayOf(t: number): number {
  // 1 January 1970 was a Thursday (3 when Monday is 0).
  return (((Math.floor((t + CST_OFFSET_MS) / DAY_MS) + 3) % 7) + 7) % 7;
}

/** Local midnight of the Monday of the week holding t. */
export function mondayOf(t: number): number {
  return startOfDay(t) - weekdayOf(t) * DAY_MS;
}

function nextEdge(t: number, size: BucketSize): number {
  if (size === 'day') return t + DAY_MS;
  if (size === 'week') return t + 7 * DAY_MS;
  const [y, m] = localDate(t);
  return localMidnight(y, m + 1);
}

function firstEdge(from: number, size: BucketSize): number {
  if (size === 'day') return startOfDay(from);
  if (size === 'week') return mondayOf(from);
  const [y, m] = localDate(from);
  return localMidnight(y, m);
}

/**
 * Bucket edges covering [from, to): calendar days, Monday weeks or months in China time, the
 * first and last clipped to the range so that the buckets add up to exactly the range's figures.
 */
export function bucketEdges(from: number, to: number, size: BucketSize = bucketSizeFor(from, to)): number[] {
  const edges = [from];
  for (let t = nextEdge(firstEdge(from, size), size); t < to; t = nextEdge(t, size)) if (t > from) edges.push(t);
  if (to > from) edges.push(to);
  return edges;
}
