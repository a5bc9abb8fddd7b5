/** Steps an axis counts in, per power of ten. */
const STEPS = [1, 2, 2.5, 3, 4, 5, 10];

/**
 * Whole-number ticks from 0 to the first tick at or above `max`, about `count` intervals apart, in
 * steps of 1, 2, 2.5, 3, 4 or 5 times a power of ten (never below 1: the axes count cases).
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, STEPS.map((s) => s * power).find((s) => s >= rough && Number.isInteger(s)) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}
