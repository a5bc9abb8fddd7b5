/**
 * The longest delay setTimeout and setInterval hold: a longer one overflows their 32-bit signed
 * count and fires at once (a wall set to rebuild every 700 h would rebuild without pause).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay for a timer: within [0, MAX_TIMER_MS], zero when it is not a number. */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms)) return 0;
  return Math.min(MAX_TIMER_MS, Math.max(0, ms));
}
