const HOUR_MS = 3600_000;

/** Counts the given rows by the calendar year (China time) of their time (epoch ms; NaN: none); years with none are zero. */
export function countByYear(times: ArrayLike<number>, rows: Iterable<number>, years: readonly number[]): { year: number; count: number }[] {
  const counts = new Map(years.map((y) => [y, 0]));
  for (const i of rows) {
    const t = times[i];
    if (Number.isNaN(t)) continue;
    const year = new Date(t + 8 * HOUR_MS).getUTCFullYear();
    if (counts.has(year)) counts.set(year, counts.get(year)! + 1);
  }
  return years.map((year) => ({ year, count: counts.get(year)! }));
}

/** The first instant of a calendar year in China time. */
const yearStartCst = (year: number) => Date.UTC(year, 0, 1) - 8 * 3600_000;

/**
 * Bucket edges that split [from, to) at the China-time year starts, over the given years only,
 * and the year of each bucket: a series over them counts what countByYear counts within the range.
 */
export function yearEdges(years: readonly number[], from: number, to: number): { edges: number[]; years: number[] } {
  const covered = years.filter((y) => yearStartCst(y) < to && yearStartCst(y + 1) > from);
  if (covered.length === 0) return { edges: [], years: [] };
  const edges = [Math.max(from, yearStartCst(covered[0])), ...covered.slice(1).map(yearStartCst), Math.min(to, yearStartCst(covered.at(-1)! + 1))];
  return { edges, years: covered };
}
