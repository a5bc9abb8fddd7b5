/**
 * Counts the given rows by the calendar year (China time) of their time (epoch ms; NaN: none); years
 * with none are zero. Years are told by their first instants (no Date per row: tens of thousands of
 * cases are counted on the page as the filters change).
 */
export function countByYear(times: ArrayLike<number>, rows: Iterable<number>, years: readonly number[]): { year: number; count: number }[] {
  const starts = years.map(yearStartCst);
  const ends = years.map((y) => yearStartCst(y + 1));
  const counts = years.map(() => 0);
  for (const i of rows) {
    const t = times[i];
    for (let y = 0; y < starts.length; y++) {
      if (t >= starts[y] && t < ends[y]) {
        counts[y]++;
        break;
      }
    }
  }
  return years.map((year, y) => ({ year, count: counts[y] }));
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
